CREATE TABLE "self_test_results" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"role" text NOT NULL,
	"answers" jsonb NOT NULL,
	"indicator" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "self_test_results" ADD CONSTRAINT "self_test_results_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "self_test_results_owner_idx" ON "self_test_results" USING btree ("owner_id");