-- Row-level security for the trigger kit (issue 11, item 4; pattern in 0004_least_privilege_rls.sql).
-- Kept here so the custom migration can be regenerated (`npx drizzle-kit generate --custom --name triggers_rls`).
-- Mirrors triggerAccess in src/lib/server/access/policy.ts.

-- The log: the owner's; the partner reads an entry only while it is shared with their couple.
ALTER TABLE "trigger_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY trigger_entries_owner ON "trigger_entries" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY trigger_entries_shared_read ON "trigger_entries" FOR SELECT USING (shared_couple_id IS NOT NULL AND shared_couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY trigger_entries_system ON "trigger_entries" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Signals hold no text: the owner sends them to their own couple; the partner reads and answers them.
ALTER TABLE "trigger_signals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY trigger_signals_owner ON "trigger_signals" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor() AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY trigger_signals_partner_read ON "trigger_signals" FOR SELECT USING (couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY trigger_signals_partner_answer ON "trigger_signals" FOR UPDATE USING (couple_id = app_actor_couple()) WITH CHECK (couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY trigger_signals_system ON "trigger_signals" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Prepared response and day of discovery: the owner's; the partner reads the row only when every
-- part that is set was saved in their couple (migration 0024: a response written for an earlier
-- partner must not become readable once the day of discovery is saved in the new couple).
ALTER TABLE "trigger_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY trigger_settings_owner ON "trigger_settings" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY trigger_settings_partner_read ON "trigger_settings" FOR SELECT
	USING ((prepared_response IS NOT NULL OR discovered_on IS NOT NULL)
		AND (prepared_response IS NULL OR response_couple_id = app_actor_couple())
		AND (discovered_on IS NULL OR discovery_couple_id = app_actor_couple()));--> statement-breakpoint
CREATE POLICY trigger_settings_system ON "trigger_settings" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- The partner may answer a signal, nothing more: the policy cannot limit columns, so a trigger
-- refuses any other change made by someone who is not the signal's owner.
CREATE OR REPLACE FUNCTION trigger_signals_answer_only() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	IF app_actor() IS NOT NULL AND app_actor() IS DISTINCT FROM OLD.owner_id AND NOT app_is_system()
		AND (NEW.id IS DISTINCT FROM OLD.id OR NEW.entry_id IS DISTINCT FROM OLD.entry_id
			OR NEW.owner_id IS DISTINCT FROM OLD.owner_id OR NEW.couple_id IS DISTINCT FROM OLD.couple_id
			OR NEW.created_at IS DISTINCT FROM OLD.created_at
			-- the answer is signed by whoever gives it (answered_by, migration 0025)
			OR NEW.answered_by IS DISTINCT FROM app_actor()) THEN
		RAISE EXCEPTION 'only the answer of a signal may be changed by the partner' USING ERRCODE = '42501';
	END IF;
	RETURN NEW;
END
$$;--> statement-breakpoint
DROP TRIGGER IF EXISTS trigger_signals_answer_only ON "trigger_signals";--> statement-breakpoint
CREATE TRIGGER trigger_signals_answer_only BEFORE UPDATE ON "trigger_signals" FOR EACH ROW EXECUTE FUNCTION trigger_signals_answer_only();
