DROP INDEX "memories_owner_idx";--> statement-breakpoint
DROP INDEX "memories_couple_idx";--> statement-breakpoint
CREATE INDEX "memories_owner_idx" ON "memories" USING btree ("owner_id","day" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "memories_couple_idx" ON "memories" USING btree ("couple_id","day" DESC NULLS FIRST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);