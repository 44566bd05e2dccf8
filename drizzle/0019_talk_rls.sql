-- Row-level security for "Talking it through" (issue 11; pattern in 0004_least_privilege_rls.sql).
-- Mirrors src/lib/server/access/policy.ts: the owner may do anything with their own rows; the
-- partner in the couple an item belongs to may read it and respond (accept a proposal, say "I need
-- time", mark answered). Nothing reaches another couple or a later partner.

ALTER TABLE "talk_agreements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY talk_agreements_owner ON "talk_agreements" USING (proposer_id = app_actor()) WITH CHECK (proposer_id = app_actor() AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY talk_agreements_partner_read ON "talk_agreements" FOR SELECT USING (couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY talk_agreements_partner_respond ON "talk_agreements" FOR UPDATE USING (couple_id = app_actor_couple()) WITH CHECK (couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY talk_agreements_system ON "talk_agreements" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

ALTER TABLE "talk_accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY talk_accounts_owner ON "talk_accounts" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY talk_accounts_partner_read ON "talk_accounts" FOR SELECT USING (couple_id IS NOT NULL AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY talk_accounts_system ON "talk_accounts" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

ALTER TABLE "talk_account_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY talk_account_entries_owner ON "talk_account_entries" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY talk_account_entries_partner_read ON "talk_account_entries" FOR SELECT
	USING (EXISTS (SELECT 1 FROM talk_accounts a WHERE a.id = account_id AND a.couple_id IS NOT NULL AND a.couple_id = app_actor_couple()));--> statement-breakpoint
CREATE POLICY talk_account_entries_system ON "talk_account_entries" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

ALTER TABLE "talk_questions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY talk_questions_owner ON "talk_questions" USING (asker_id = app_actor()) WITH CHECK (asker_id = app_actor() AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY talk_questions_partner_read ON "talk_questions" FOR SELECT USING (couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY talk_questions_partner_respond ON "talk_questions" FOR UPDATE USING (couple_id = app_actor_couple()) WITH CHECK (couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY talk_questions_system ON "talk_questions" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

ALTER TABLE "talk_replies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY talk_replies_owner ON "talk_replies" USING (author_id = app_actor()) WITH CHECK (author_id = app_actor() AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY talk_replies_partner_read ON "talk_replies" FOR SELECT USING (couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY talk_replies_system ON "talk_replies" USING (app_is_system()) WITH CHECK (app_is_system());
