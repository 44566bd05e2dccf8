-- Row-level security for the private calendar feed (issue 13, item 6; decision 019). Kept here
-- so the custom migration can be regenerated (`npx drizzle-kit generate --custom --name
-- calendar_feeds_rls`). A feed is its owner's alone. The one crossing is the feed request
-- itself: nobody is signed in, so the token's hash is looked up as system work
-- (calendar/feed.ts, `ownerOfToken`), after which everything runs as the owner.
ALTER TABLE "calendar_feeds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY calendar_feeds_owner ON "calendar_feeds" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY calendar_feeds_system ON "calendar_feeds" USING (app_is_system()) WITH CHECK (app_is_system());
