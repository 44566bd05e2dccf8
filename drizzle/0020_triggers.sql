CREATE TABLE "trigger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"strength" integer,
	"cause" text,
	"helped" text,
	"shared_couple_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trigger_entries_strength_range" CHECK ("trigger_entries"."strength" is null or "trigger_entries"."strength" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "trigger_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"prepared_response" text,
	"response_couple_id" text,
	"discovered_on" date,
	"discovery_couple_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trigger_signals" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"couple_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "trigger_entries" ADD CONSTRAINT "trigger_entries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_settings" ADD CONSTRAINT "trigger_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_signals" ADD CONSTRAINT "trigger_signals_entry_id_trigger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."trigger_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_signals" ADD CONSTRAINT "trigger_signals_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trigger_entries_owner_idx" ON "trigger_entries" USING btree ("owner_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "trigger_entries_shared_idx" ON "trigger_entries" USING btree ("shared_couple_id") WHERE "trigger_entries"."shared_couple_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "trigger_signals_entry_unique" ON "trigger_signals" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "trigger_signals_couple_idx" ON "trigger_signals" USING btree ("couple_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "trigger_signals_owner_idx" ON "trigger_signals" USING btree ("owner_id");