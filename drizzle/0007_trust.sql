CREATE TABLE "contact_log" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"couple_id" text,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"channel" text,
	"initiated_by" text,
	"planned" boolean,
	"reason" text,
	"said" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_questions" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"asker_id" text NOT NULL,
	"couple_id" text NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memories" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"couple_id" text,
	"day" date NOT NULL,
	"body" text NOT NULL,
	"feeling" text,
	"hidden" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_checks" (
	"user_id" text PRIMARY KEY NOT NULL,
	"afraid" text NOT NULL,
	"controlled" text NOT NULL,
	"threatened" text NOT NULL,
	"hurt" text NOT NULL,
	"signals_risk" boolean NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_ratings" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"day" date NOT NULL,
	"hope" integer NOT NULL,
	"strain" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_measures" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"couple_id" text NOT NULL,
	"kind" text NOT NULL,
	"details" text,
	"boundaries" text NOT NULL,
	"ends_on" date NOT NULL,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "transparency_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"couple_id" text NOT NULL,
	"kind" text NOT NULL,
	"details" text,
	"answer" text,
	"decline_reason" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trust_checkins" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"day" date NOT NULL,
	"trust" integer NOT NULL,
	"safety" integer NOT NULL,
	"connection" integer NOT NULL,
	"helped" text,
	"hurt" text,
	"shared_couple_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trust_preferences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"share_always" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_log" ADD CONSTRAINT "contact_log_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_questions" ADD CONSTRAINT "contact_questions_entry_id_contact_log_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."contact_log"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_questions" ADD CONSTRAINT "contact_questions_asker_id_users_id_fk" FOREIGN KEY ("asker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memories" ADD CONSTRAINT "memories_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_checks" ADD CONSTRAINT "safety_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_ratings" ADD CONSTRAINT "self_ratings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_measures" ADD CONSTRAINT "transparency_measures_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transparency_requests" ADD CONSTRAINT "transparency_requests_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_checkins" ADD CONSTRAINT "trust_checkins_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_checkins" ADD CONSTRAINT "trust_checkins_shared_couple_id_couples_id_fk" FOREIGN KEY ("shared_couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_preferences" ADD CONSTRAINT "trust_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_log_owner_idx" ON "contact_log" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "contact_log_couple_idx" ON "contact_log" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "contact_questions_entry_idx" ON "contact_questions" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "contact_questions_asker_idx" ON "contact_questions" USING btree ("asker_id");--> statement-breakpoint
CREATE INDEX "memories_owner_idx" ON "memories" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "memories_couple_idx" ON "memories" USING btree ("couple_id","day");--> statement-breakpoint
CREATE INDEX "self_ratings_owner_idx" ON "self_ratings" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "transparency_measures_couple_idx" ON "transparency_measures" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "transparency_measures_owner_idx" ON "transparency_measures" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "transparency_requests_couple_idx" ON "transparency_requests" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "transparency_requests_owner_idx" ON "transparency_requests" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "trust_checkins_owner_idx" ON "trust_checkins" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "trust_checkins_shared_idx" ON "trust_checkins" USING btree ("shared_couple_id","day") WHERE "trust_checkins"."shared_couple_id" is not null;