CREATE TABLE "talk_account_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"approximate" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_later" boolean DEFAULT false NOT NULL,
	"reason" text,
	"corrects_id" text,
	"letter_id" text
);
--> statement-breakpoint
CREATE TABLE "talk_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"couple_id" text,
	"letter_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "talk_agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"couple_id" text NOT NULL,
	"proposer_id" text NOT NULL,
	"detail" text NOT NULL,
	"off_limits" text,
	"timing" text NOT NULL,
	"minutes" integer,
	"time_of_day" text,
	"timeout_word" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "talk_questions" (
	"id" text PRIMARY KEY NOT NULL,
	"couple_id" text NOT NULL,
	"asker_id" text NOT NULL,
	"about" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"need_time_until" date,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "talk_replies" (
	"id" text PRIMARY KEY NOT NULL,
	"question_id" text NOT NULL,
	"couple_id" text NOT NULL,
	"author_id" text NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talk_account_entries" ADD CONSTRAINT "talk_account_entries_account_id_talk_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."talk_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_account_entries" ADD CONSTRAINT "talk_account_entries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_account_entries" ADD CONSTRAINT "talk_account_entries_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_accounts" ADD CONSTRAINT "talk_accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_accounts" ADD CONSTRAINT "talk_accounts_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_agreements" ADD CONSTRAINT "talk_agreements_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_agreements" ADD CONSTRAINT "talk_agreements_proposer_id_users_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_questions" ADD CONSTRAINT "talk_questions_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_questions" ADD CONSTRAINT "talk_questions_asker_id_users_id_fk" FOREIGN KEY ("asker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_replies" ADD CONSTRAINT "talk_replies_question_id_talk_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."talk_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_replies" ADD CONSTRAINT "talk_replies_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talk_account_entries_account_idx" ON "talk_account_entries" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "talk_accounts_owner_idx" ON "talk_accounts" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talk_accounts_one_draft" ON "talk_accounts" USING btree ("owner_id") WHERE "talk_accounts"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "talk_agreements_couple_idx" ON "talk_agreements" USING btree ("couple_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talk_agreements_one_open" ON "talk_agreements" USING btree ("couple_id") WHERE "talk_agreements"."accepted_at" is null and "talk_agreements"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "talk_questions_couple_idx" ON "talk_questions" USING btree ("couple_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "talk_questions_asker_idx" ON "talk_questions" USING btree ("asker_id");--> statement-breakpoint
CREATE INDEX "talk_replies_question_idx" ON "talk_replies" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "talk_replies_author_idx" ON "talk_replies" USING btree ("author_id");