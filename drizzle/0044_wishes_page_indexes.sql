DROP INDEX "wishes_owner_idx";--> statement-breakpoint
DROP INDEX "wishes_shared_idx";--> statement-breakpoint
CREATE INDEX "wishes_owner_idx" ON "wishes" USING btree ("owner_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "wishes_shared_idx" ON "wishes" USING btree ("shared_couple_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "wishes"."shared_couple_id" is not null;