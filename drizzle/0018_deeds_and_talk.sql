CREATE TABLE "check_ins" (
	"commitment_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"day" date NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"late" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"noticed" text,
	"noticed_at" timestamp with time zone,
	CONSTRAINT "check_ins_commitment_id_day_pk" PRIMARY KEY("commitment_id","day")
);
--> statement-breakpoint
CREATE TABLE "commitment_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"commitment_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"commitment_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_day" date NOT NULL,
	"title" text NOT NULL,
	"why" text NOT NULL,
	"rhythm" text NOT NULL,
	"weekdays" jsonb NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"title" text NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"rhythm" text NOT NULL,
	"weekdays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"starts_on" date NOT NULL,
	"asked_for" boolean DEFAULT false NOT NULL,
	"wish_id" text,
	"suggestion" text,
	"shared_couple_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"size" text NOT NULL,
	"body" text NOT NULL,
	"shared_couple_id" text,
	"answer" text,
	"answer_reason" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_comments" ADD CONSTRAINT "commitment_comments_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_comments" ADD CONSTRAINT "commitment_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_events" ADD CONSTRAINT "commitment_events_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_wish_id_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."wishes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_shared_couple_id_couples_id_fk" FOREIGN KEY ("shared_couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_shared_couple_id_couples_id_fk" FOREIGN KEY ("shared_couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "check_ins_owner_day_idx" ON "check_ins" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "commitment_comments_commitment_idx" ON "commitment_comments" USING btree ("commitment_id","created_at");--> statement-breakpoint
CREATE INDEX "commitment_comments_author_idx" ON "commitment_comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "commitment_events_commitment_idx" ON "commitment_events" USING btree ("commitment_id","id");--> statement-breakpoint
CREATE INDEX "commitments_owner_idx" ON "commitments" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "commitments_shared_idx" ON "commitments" USING btree ("shared_couple_id") WHERE "commitments"."shared_couple_id" is not null;--> statement-breakpoint
CREATE INDEX "wishes_owner_idx" ON "wishes" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "wishes_shared_idx" ON "wishes" USING btree ("shared_couple_id") WHERE "wishes"."shared_couple_id" is not null;--> statement-breakpoint
CREATE INDEX "talk_account_entries_account_idx" ON "talk_account_entries" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "talk_accounts_owner_idx" ON "talk_accounts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "talk_accounts_couple_idx" ON "talk_accounts" USING btree ("couple_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talk_accounts_one_draft" ON "talk_accounts" USING btree ("owner_id") WHERE "talk_accounts"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "talk_agreements_couple_idx" ON "talk_agreements" USING btree ("couple_id");--> statement-breakpoint
CREATE UNIQUE INDEX "talk_agreements_one_open" ON "talk_agreements" USING btree ("couple_id") WHERE "talk_agreements"."accepted_at" is null and "talk_agreements"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "talk_questions_couple_idx" ON "talk_questions" USING btree ("couple_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "talk_questions_asker_idx" ON "talk_questions" USING btree ("asker_id");--> statement-breakpoint
CREATE INDEX "talk_replies_question_idx" ON "talk_replies" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "talk_replies_author_idx" ON "talk_replies" USING btree ("author_id");