CREATE TABLE "decision_choices" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"couple_id" text,
	"path" text NOT NULL,
	"why" text NOT NULL,
	"review_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "decision_choices" ADD CONSTRAINT "decision_choices_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_choices_owner_idx" ON "decision_choices" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "decision_choices_couple_idx" ON "decision_choices" USING btree ("couple_id");