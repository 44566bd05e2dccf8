-- Row-level security for the trust area (issue 10; pattern and reasons: 0004_least_privilege_rls.sql,
-- docs/decisions/006-least-privilege-and-rls.md). A copy lives in src/lib/server/trust/rls.sql.

-- Trust check-ins: own; the partner reads those shared with the couple they are in now.
ALTER TABLE "trust_checkins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY trust_checkins_owner ON "trust_checkins" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY trust_checkins_shared_read ON "trust_checkins" FOR SELECT USING (shared_couple_id IS NOT NULL AND shared_couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY trust_checkins_system ON "trust_checkins" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Own only: the sharing preference, the repairing partner's hope and strain, the safety check.
ALTER TABLE "trust_preferences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY trust_preferences_owner ON "trust_preferences" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY trust_preferences_system ON "trust_preferences" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint
ALTER TABLE "self_ratings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY self_ratings_owner ON "self_ratings" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY self_ratings_system ON "self_ratings" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint
-- The transparency gate reads whether the partner's check allows it as system work, never the answers.
ALTER TABLE "safety_checks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY safety_checks_owner ON "safety_checks" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY safety_checks_system ON "safety_checks" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- The contact log: always shared with the couple it was written for.
ALTER TABLE "contact_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY contact_log_owner ON "contact_log" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY contact_log_partner_read ON "contact_log" FOR SELECT USING (couple_id IS NOT NULL AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY contact_log_system ON "contact_log" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Questions on an entry: the asker owns the question; both members of the couple read the thread;
-- the entry's writer may write the answer.
ALTER TABLE "contact_questions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY contact_questions_asker ON "contact_questions" USING (asker_id = app_actor()) WITH CHECK (asker_id = app_actor() AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY contact_questions_couple_read ON "contact_questions" FOR SELECT USING (couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY contact_questions_answer ON "contact_questions" FOR UPDATE
	USING (couple_id = app_actor_couple() AND EXISTS (SELECT 1 FROM contact_log e WHERE e.id = entry_id AND e.owner_id = app_actor()))
	WITH CHECK (couple_id = app_actor_couple() AND EXISTS (SELECT 1 FROM contact_log e WHERE e.id = entry_id AND e.owner_id = app_actor()));--> statement-breakpoint
CREATE POLICY contact_questions_system ON "contact_questions" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Transparency: measures and requests are seen by the couple they were made in; the partner answers a request.
ALTER TABLE "transparency_measures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY transparency_measures_owner ON "transparency_measures" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor() AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY transparency_measures_partner_read ON "transparency_measures" FOR SELECT USING (couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY transparency_measures_system ON "transparency_measures" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint
ALTER TABLE "transparency_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY transparency_requests_owner ON "transparency_requests" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor() AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY transparency_requests_partner_read ON "transparency_requests" FOR SELECT USING (couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY transparency_requests_partner_respond ON "transparency_requests" FOR UPDATE
	USING (couple_id = app_actor_couple() AND owner_id <> app_actor())
	WITH CHECK (couple_id = app_actor_couple() AND owner_id <> app_actor());--> statement-breakpoint
CREATE POLICY transparency_requests_system ON "transparency_requests" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Memories: shared with the couple unless their writer hid them.
ALTER TABLE "memories" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY memories_owner ON "memories" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY memories_partner_read ON "memories" FOR SELECT USING (couple_id IS NOT NULL AND couple_id = app_actor_couple() AND NOT hidden);--> statement-breakpoint
CREATE POLICY memories_system ON "memories" USING (app_is_system()) WITH CHECK (app_is_system());
