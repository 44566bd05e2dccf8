-- Row-level security for the weekly relationship hour (issue 13, item 5; pattern in
-- src/lib/server/decision/rls.sql). Kept here so the custom migration can be regenerated
-- (`npx drizzle-kit generate --custom --name hour_rls`). Mirrors hourAccess in
-- src/lib/server/access/policy.ts.

-- The slot: the couple's together (either partner reads and changes it), or a solo person's own.
ALTER TABLE "hour_slots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY hour_slots_own ON "hour_slots"
	USING ((couple_id IS NOT NULL AND couple_id = app_actor_couple()) OR (couple_id IS NULL AND user_id = app_actor()))
	WITH CHECK ((couple_id IS NOT NULL AND couple_id = app_actor_couple()) OR (couple_id IS NULL AND user_id = app_actor()));--> statement-breakpoint
CREATE POLICY hour_slots_system ON "hour_slots" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- A week's answers: the owner's; the partner reads them only while both answered that week in
-- their current couple (a skip is never shown). Security definer, so the policy does not query
-- its own table under itself.
CREATE OR REPLACE FUNCTION app_has_hour_answers(couple text, wk text) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
	AS $$ SELECT EXISTS (SELECT 1 FROM public.hour_entries
		WHERE owner_id = public.app_actor() AND couple_id = couple AND week = wk AND NOT skipped) $$;
--> statement-breakpoint
ALTER TABLE "hour_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY hour_entries_owner ON "hour_entries" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY hour_entries_revealed_read ON "hour_entries" FOR SELECT
	USING (couple_id IS NOT NULL AND couple_id = app_actor_couple() AND NOT skipped AND app_has_hour_answers(couple_id, week));--> statement-breakpoint
CREATE POLICY hour_entries_system ON "hour_entries" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Notes: the writer's; the partner reads a note only while it is shared with their couple.
ALTER TABLE "hour_notes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY hour_notes_owner ON "hour_notes" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY hour_notes_shared_read ON "hour_notes" FOR SELECT USING (shared_couple_id IS NOT NULL AND shared_couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY hour_notes_system ON "hour_notes" USING (app_is_system()) WITH CHECK (app_is_system());
