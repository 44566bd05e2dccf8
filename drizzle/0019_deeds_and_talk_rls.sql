-- Row-level security for the deeds tables (issue 10), following 0004_least_privilege_rls.sql.
-- Kept here so the custom migration can be regenerated (`npx drizzle-kit generate --custom --name deeds_rls`).

-- Wishes: the owner's; the partner reads shared ones and answers them.
ALTER TABLE "wishes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY wishes_owner ON "wishes" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY wishes_shared_read ON "wishes" FOR SELECT USING (shared_couple_id IS NOT NULL AND shared_couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY wishes_partner_answer ON "wishes" FOR UPDATE
	USING (shared_couple_id IS NOT NULL AND shared_couple_id = app_actor_couple())
	WITH CHECK (shared_couple_id IS NOT NULL AND shared_couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY wishes_system ON "wishes" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Commitments: the owner's; the partner reads shared ones.
ALTER TABLE "commitments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY commitments_owner ON "commitments" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY commitments_shared_read ON "commitments" FOR SELECT USING (shared_couple_id IS NOT NULL AND shared_couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY commitments_system ON "commitments" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- History: written by the commitment's owner, read by whoever may read the commitment.
ALTER TABLE "commitment_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY commitment_events_owner ON "commitment_events"
	USING (EXISTS (SELECT 1 FROM commitments c WHERE c.id = commitment_id AND c.owner_id = app_actor()))
	WITH CHECK (EXISTS (SELECT 1 FROM commitments c WHERE c.id = commitment_id AND c.owner_id = app_actor()));--> statement-breakpoint
CREATE POLICY commitment_events_shared_read ON "commitment_events" FOR SELECT
	USING (EXISTS (SELECT 1 FROM commitments c WHERE c.id = commitment_id AND c.shared_couple_id IS NOT NULL AND c.shared_couple_id = app_actor_couple()));--> statement-breakpoint
CREATE POLICY commitment_events_system ON "commitment_events" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Check-ins: the owner records; the partner reads those of shared commitments and marks "noticed".
ALTER TABLE "check_ins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY check_ins_owner ON "check_ins" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY check_ins_shared_read ON "check_ins" FOR SELECT
	USING (EXISTS (SELECT 1 FROM commitments c WHERE c.id = commitment_id AND c.shared_couple_id IS NOT NULL AND c.shared_couple_id = app_actor_couple()));--> statement-breakpoint
CREATE POLICY check_ins_partner_notice ON "check_ins" FOR UPDATE
	USING (EXISTS (SELECT 1 FROM commitments c WHERE c.id = commitment_id AND c.shared_couple_id IS NOT NULL AND c.shared_couple_id = app_actor_couple()))
	WITH CHECK (EXISTS (SELECT 1 FROM commitments c WHERE c.id = commitment_id AND c.shared_couple_id IS NOT NULL AND c.shared_couple_id = app_actor_couple()));--> statement-breakpoint
CREATE POLICY check_ins_system ON "check_ins" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Comments: read with the commitment; written by their author on a commitment they may read.
ALTER TABLE "commitment_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY commitment_comments_read ON "commitment_comments" FOR SELECT
	USING (author_id = app_actor() OR EXISTS (SELECT 1 FROM commitments c WHERE c.id = commitment_id AND (c.owner_id = app_actor() OR (c.shared_couple_id IS NOT NULL AND c.shared_couple_id = app_actor_couple()))));--> statement-breakpoint
CREATE POLICY commitment_comments_write ON "commitment_comments" FOR INSERT
	WITH CHECK (author_id = app_actor() AND EXISTS (SELECT 1 FROM commitments c WHERE c.id = commitment_id AND (c.owner_id = app_actor() OR (c.shared_couple_id IS NOT NULL AND c.shared_couple_id = app_actor_couple()))));--> statement-breakpoint
CREATE POLICY commitment_comments_delete ON "commitment_comments" FOR DELETE USING (author_id = app_actor());--> statement-breakpoint
CREATE POLICY commitment_comments_system ON "commitment_comments" USING (app_is_system()) WITH CHECK (app_is_system());
--> statement-breakpoint
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
