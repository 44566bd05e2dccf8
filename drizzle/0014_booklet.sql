CREATE TABLE "booklet_signups" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"wants_updates" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "booklet_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"signup_id" text NOT NULL,
	"locale" text NOT NULL,
	"wants_updates" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "booklet_tokens" ADD CONSTRAINT "booklet_tokens_signup_id_booklet_signups_id_fk" FOREIGN KEY ("signup_id") REFERENCES "public"."booklet_signups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "booklet_signups_email_unique" ON "booklet_signups" USING btree ("email");--> statement-breakpoint
CREATE INDEX "booklet_tokens_signup_idx" ON "booklet_tokens" USING btree ("signup_id");