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

-- Prepared response and day of discovery: the owner's; the partner reads the row while either was
-- saved in their couple (the service shows only the part saved in it).
ALTER TABLE "trigger_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY trigger_settings_owner ON "trigger_settings" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY trigger_settings_partner_read ON "trigger_settings" FOR SELECT
	USING (response_couple_id = app_actor_couple() OR discovery_couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY trigger_settings_system ON "trigger_settings" USING (app_is_system()) WITH CHECK (app_is_system());
