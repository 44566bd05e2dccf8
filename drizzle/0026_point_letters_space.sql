-- The partner reads a sent impact or restitution version only while its letter is delivered: not
-- while the recipient asked for space (waiting), not once withdrawn, and not in the moment between
-- claiming a version and linking its letter (same rule as pointLetterAccess; kept in
-- src/lib/server/letters/rls.sql).
DROP POLICY IF EXISTS point_letter_versions_partner_read ON "point_letter_versions";--> statement-breakpoint
CREATE POLICY point_letter_versions_partner_read ON "point_letter_versions" FOR SELECT
	USING (sent_couple_id IS NOT NULL AND sent_couple_id = app_actor_couple()
		AND EXISTS (SELECT 1 FROM letters l WHERE l.id = sent_letter_id AND NOT l.waiting AND l.withdrawn_at IS NULL));--> statement-breakpoint
DROP POLICY IF EXISTS point_letters_partner_read ON "point_letters";--> statement-breakpoint
CREATE POLICY point_letters_partner_read ON "point_letters" FOR SELECT
	USING (EXISTS (SELECT 1 FROM point_letter_versions v JOIN letters l ON l.id = v.sent_letter_id
		WHERE v.draft_id = point_letters.id AND v.sent_couple_id IS NOT NULL AND v.sent_couple_id = app_actor_couple() AND NOT l.waiting AND l.withdrawn_at IS NULL));
