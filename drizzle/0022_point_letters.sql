CREATE TABLE "point_letter_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"draft_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"number" integer NOT NULL,
	"points" jsonb NOT NULL,
	"rule_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_couple_id" text,
	"sent_letter_id" text
);
--> statement-breakpoint
CREATE TABLE "point_letters" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"kind" text NOT NULL,
	"answers_letter_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "point_letter_versions" ADD CONSTRAINT "point_letter_versions_draft_id_point_letters_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."point_letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_letter_versions" ADD CONSTRAINT "point_letter_versions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_letter_versions" ADD CONSTRAINT "point_letter_versions_sent_letter_id_letters_id_fk" FOREIGN KEY ("sent_letter_id") REFERENCES "public"."letters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_letters" ADD CONSTRAINT "point_letters_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_letters" ADD CONSTRAINT "point_letters_answers_letter_id_letters_id_fk" FOREIGN KEY ("answers_letter_id") REFERENCES "public"."letters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "point_letter_versions_draft_number" ON "point_letter_versions" USING btree ("draft_id","number");--> statement-breakpoint
CREATE INDEX "point_letter_versions_letter_idx" ON "point_letter_versions" USING btree ("sent_letter_id");--> statement-breakpoint
CREATE INDEX "point_letter_versions_owner_idx" ON "point_letter_versions" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "point_letters_owner_idx" ON "point_letters" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "point_letters_answers_idx" ON "point_letters" USING btree ("answers_letter_id");