DROP INDEX "reflections_owner_idx";--> statement-breakpoint
DROP INDEX "reflections_shared_idx";--> statement-breakpoint
CREATE INDEX "reflections_owner_idx" ON "reflections" USING btree ("owner_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "reflections_shared_idx" ON "reflections" USING btree ("shared_couple_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "reflections"."shared_couple_id" is not null;