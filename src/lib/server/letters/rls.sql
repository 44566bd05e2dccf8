-- Row-level security for letters in points: impact and restitution letters (issue 11, item 5;
-- pattern in 0004_least_privilege_rls.sql). Mirrors pointLetterAccess in
-- src/lib/server/access/policy.ts: the owner may do anything with their own rows; a version that
-- was sent is read by the partner in the couple it was sent to, for as long as that couple is
-- theirs and its letter is delivered: not while it waits (the recipient asked for space), not once
-- withdrawn, not before the version is linked to its letter (0024_point_letters_space). Drafts never
-- leave their owner; nothing reaches another couple or a later partner.

ALTER TABLE "point_letters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY point_letters_owner ON "point_letters" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY point_letters_partner_read ON "point_letters" FOR SELECT
	USING (EXISTS (SELECT 1 FROM point_letter_versions v JOIN letters l ON l.id = v.sent_letter_id
		WHERE v.draft_id = point_letters.id AND v.sent_couple_id IS NOT NULL AND v.sent_couple_id = app_actor_couple() AND NOT l.waiting AND l.withdrawn_at IS NULL));--> statement-breakpoint
CREATE POLICY point_letters_system ON "point_letters" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

ALTER TABLE "point_letter_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY point_letter_versions_owner ON "point_letter_versions" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY point_letter_versions_partner_read ON "point_letter_versions" FOR SELECT
	USING (sent_couple_id IS NOT NULL AND sent_couple_id = app_actor_couple()
		AND EXISTS (SELECT 1 FROM letters l WHERE l.id = sent_letter_id AND NOT l.waiting AND l.withdrawn_at IS NULL));--> statement-breakpoint
CREATE POLICY point_letter_versions_system ON "point_letter_versions" USING (app_is_system()) WITH CHECK (app_is_system());
