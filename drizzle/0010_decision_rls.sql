-- Row-level security for the decision (docs/decisions/006-least-privilege-and-rls.md; issue 11
-- item 6). Kept here so the custom migration can be regenerated (drizzle-kit generate --custom).
-- A choice is its owner's; the partner reads a current choice of their current couple only while
-- they have a current choice in it themselves (both chose: revealed), and may then archive it
-- ("decide again"). An archived choice of a couple was always revealed first (the service
-- refuses to start again before), so it stays readable to that partner while the couple lasts.
-- Security definer, so the policy does not query its own table under itself.
CREATE OR REPLACE FUNCTION app_has_current_choice(couple text) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
	AS $$ SELECT EXISTS (SELECT 1 FROM public.decision_choices
		WHERE owner_id = public.app_actor() AND couple_id = couple AND archived_at IS NULL) $$;
--> statement-breakpoint
ALTER TABLE "decision_choices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY decision_choices_owner ON "decision_choices" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY decision_choices_revealed_read ON "decision_choices" FOR SELECT
	USING (couple_id IS NOT NULL AND couple_id = app_actor_couple() AND (archived_at IS NOT NULL OR app_has_current_choice(couple_id)));--> statement-breakpoint
CREATE POLICY decision_choices_partner_archive ON "decision_choices" FOR UPDATE
	USING (couple_id IS NOT NULL AND couple_id = app_actor_couple() AND archived_at IS NULL AND app_has_current_choice(couple_id))
	WITH CHECK (couple_id IS NOT NULL AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY decision_choices_system ON "decision_choices" USING (app_is_system()) WITH CHECK (app_is_system());
