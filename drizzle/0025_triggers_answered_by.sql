ALTER TABLE "trigger_signals" ADD COLUMN "answered_by" text;--> statement-breakpoint
ALTER TABLE "trigger_signals" ADD CONSTRAINT "trigger_signals_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trigger_signals_answered_by_idx" ON "trigger_signals" USING btree ("answered_by") WHERE "trigger_signals"."answered_by" is not null;--> statement-breakpoint
-- Answers given before this column existed were given by the other member of the signal's couple.
UPDATE "trigger_signals" s SET "answered_by" = m."user_id" FROM "couple_members" m
	WHERE s."answer" IS NOT NULL AND s."answered_by" IS NULL AND m."couple_id" = s."couple_id" AND m."user_id" <> s."owner_id";
