-- Row-level security for booklet sign-ups (docs/decisions/007-booklet-sign-ups.md).
-- The addresses belong to no account, so no acting user may see them: only the booklet's own
-- services, which run as system work (runAsSystem), read or write these rows. A query elsewhere
-- that forgets itself still sees no address.
ALTER TABLE "booklet_signups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY booklet_signups_system ON "booklet_signups" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint
ALTER TABLE "booklet_tokens" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY booklet_tokens_system ON "booklet_tokens" USING (app_is_system()) WITH CHECK (app_is_system());
