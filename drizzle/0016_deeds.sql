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
CREATE INDEX "check_ins_owner_day_idx" ON "check_ins" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "commitment_comments_commitment_idx" ON "commitment_comments" USING btree ("commitment_id","created_at");--> statement-breakpoint
CREATE INDEX "commitment_comments_author_idx" ON "commitment_comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "commitment_events_commitment_idx" ON "commitment_events" USING btree ("commitment_id","id");--> statement-breakpoint
CREATE INDEX "commitments_owner_idx" ON "commitments" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "commitments_shared_idx" ON "commitments" USING btree ("shared_couple_id") WHERE "commitments"."shared_couple_id" is not null;--> statement-breakpoint
CREATE INDEX "wishes_owner_idx" ON "wishes" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "wishes_shared_idx" ON "wishes" USING btree ("shared_couple_id") WHERE "wishes"."shared_couple_id" is not null;