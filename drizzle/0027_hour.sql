CREATE TABLE "hour_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"couple_id" text,
	"week" text NOT NULL,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skipped" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hour_entries_owner_week_unique" UNIQUE NULLS NOT DISTINCT("owner_id","week","couple_id")
);
--> statement-breakpoint
CREATE TABLE "hour_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"shared_couple_id" text,
	"week" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hour_slots" (
	"id" text PRIMARY KEY NOT NULL,
	"couple_id" text,
	"user_id" text,
	"weekday" integer NOT NULL,
	"time" text NOT NULL,
	"time_zone" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hour_entries" ADD CONSTRAINT "hour_entries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_notes" ADD CONSTRAINT "hour_notes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_slots" ADD CONSTRAINT "hour_slots_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_slots" ADD CONSTRAINT "hour_slots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_slots" ADD CONSTRAINT "hour_slots_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hour_entries_couple_week_idx" ON "hour_entries" USING btree ("couple_id","week");--> statement-breakpoint
CREATE INDEX "hour_notes_owner_idx" ON "hour_notes" USING btree ("owner_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "hour_notes_shared_idx" ON "hour_notes" USING btree ("shared_couple_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "hour_slots_couple_unique" ON "hour_slots" USING btree ("couple_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hour_slots_user_unique" ON "hour_slots" USING btree ("user_id");