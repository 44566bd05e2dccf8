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
