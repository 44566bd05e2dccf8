DROP INDEX "trigger_entries_owner_idx";--> statement-breakpoint
DROP INDEX "trigger_entries_shared_idx";--> statement-breakpoint
CREATE INDEX "trigger_entries_owner_idx" ON "trigger_entries" USING btree ("owner_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "trigger_entries_shared_idx" ON "trigger_entries" USING btree ("shared_couple_id","occurred_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "trigger_entries"."shared_couple_id" is not null;