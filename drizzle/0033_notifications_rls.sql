-- Row-level security for notifications (issue 13, item 3; pattern in src/lib/server/hour/rls.sql).
-- Kept here so the custom migration can be regenerated
-- (`npx drizzle-kit generate --custom --name notifications_rls`). Every row is one person's own;
-- the delivery run, the unsubscribe link (signed out) and a device changing hands act as system.
-- vapid_keys holds no personal data and has no policy.
ALTER TABLE "notification_preferences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY notification_preferences_owner ON "notification_preferences" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY notification_preferences_system ON "notification_preferences" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint
ALTER TABLE "push_subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY push_subscriptions_owner ON "push_subscriptions" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY push_subscriptions_system ON "push_subscriptions" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint
ALTER TABLE "notification_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY notification_outbox_owner ON "notification_outbox" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY notification_outbox_system ON "notification_outbox" USING (app_is_system()) WITH CHECK (app_is_system());
