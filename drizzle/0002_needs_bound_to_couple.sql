ALTER TABLE "needs" ADD COLUMN "couple_id" text;--> statement-breakpoint
-- Needs written before this migration belong to the couple their owner is in now.
UPDATE "needs" SET "couple_id" = (SELECT "couple_id" FROM "couple_members" WHERE "couple_members"."user_id" = "needs"."owner_id");
