-- Row-level security for saved self-test results (pattern: drizzle/0004_least_privilege_rls.sql).
-- Own rows only; never shared with a partner. The system policy lets account deletion cascade.
ALTER TABLE "self_test_results" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY self_test_results_owner ON "self_test_results" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY self_test_results_system ON "self_test_results" USING (app_is_system()) WITH CHECK (app_is_system());
