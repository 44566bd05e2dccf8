DROP INDEX "letters_recipient_idx";--> statement-breakpoint
DROP INDEX "letters_sender_idx";--> statement-breakpoint
CREATE INDEX "letters_recipient_idx" ON "letters" USING btree ("recipient_id","sent_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "letters_sender_idx" ON "letters" USING btree ("sender_id","sent_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);