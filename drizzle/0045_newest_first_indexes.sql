DROP INDEX "trigger_signals_couple_idx";--> statement-breakpoint
DROP INDEX "hour_notes_owner_idx";--> statement-breakpoint
DROP INDEX "hour_notes_shared_idx";--> statement-breakpoint
CREATE INDEX "trigger_signals_couple_idx" ON "trigger_signals" USING btree ("couple_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "hour_notes_owner_idx" ON "hour_notes" USING btree ("owner_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "hour_notes_shared_idx" ON "hour_notes" USING btree ("shared_couple_id","created_at" DESC NULLS FIRST);