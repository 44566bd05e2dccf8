DROP INDEX "contact_log_owner_idx";--> statement-breakpoint
DROP INDEX "contact_log_couple_idx";--> statement-breakpoint
CREATE INDEX "contact_log_owner_idx" ON "contact_log" USING btree ("owner_id","day" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "contact_log_couple_idx" ON "contact_log" USING btree ("couple_id","day" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);