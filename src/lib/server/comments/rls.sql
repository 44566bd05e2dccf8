-- Comments (issue 12): row-level security for the app role. Visitors write them without an
-- account, so "own rows" does not apply: anyone may read approved comments and submit pending
-- ones; everything else (pending, rejected and spam comments, e-mail addresses in bulk,
-- moderating) is for administrators only, the same rule as src/lib/server/access/policy.ts.
-- Security definer, so the check never depends on what the invoker may read of users.
CREATE OR REPLACE FUNCTION app_is_admin() RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
	AS $$ SELECT coalesce((SELECT is_admin FROM public.users WHERE id = public.app_actor()), false) $$;
--> statement-breakpoint
ALTER TABLE "comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY comments_public_read ON "comments" FOR SELECT USING (status = 'approved');--> statement-breakpoint
CREATE POLICY comments_submit ON "comments" FOR INSERT WITH CHECK (status = 'pending' AND moderated_at IS NULL);--> statement-breakpoint
CREATE POLICY comments_admin ON "comments" USING (app_is_admin()) WITH CHECK (app_is_admin());--> statement-breakpoint
CREATE POLICY comments_system ON "comments" USING (app_is_system()) WITH CHECK (app_is_system());
