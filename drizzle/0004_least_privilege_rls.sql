-- Least privilege and row-level security (docs/decisions/006-least-privilege-and-rls.md).
--
-- The app is meant to connect as a role that may only read and write rows; the owner of the
-- tables (who runs these migrations) bypasses row-level security, as table owners do unless
-- FORCE is set, so migrations, the embedded PGlite default and superuser test runs are unchanged.
-- For the app role the policies below are a second wall behind src/lib/server/access/policy.ts:
-- a query that forgets its `where` still returns nothing that is not the actor's to see.
--
-- Who acts is a per-connection setting the app sets on every checkout (db/actor-pool.ts):
--   app.user_id  the signed-in user, '' for none
--   app.system   'on' only inside the few operations that cross users by design
-- Pattern for a new personal table t (owner column c):
--   ALTER TABLE t ENABLE ROW LEVEL SECURITY;
--   CREATE POLICY t_owner ON t USING (c = app_actor()) WITH CHECK (c = app_actor());
--   CREATE POLICY t_system ON t USING (app_is_system()) WITH CHECK (app_is_system());
--   plus FOR SELECT policies for what the partner may read (couple_id = app_actor_couple()).

CREATE OR REPLACE FUNCTION app_actor() RETURNS text
	LANGUAGE sql STABLE
	AS $$ SELECT nullif(current_setting('app.user_id', true), '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_is_system() RETURNS boolean
	LANGUAGE sql STABLE
	AS $$ SELECT coalesce(current_setting('app.system', true), '') = 'on' $$;
--> statement-breakpoint
-- Security definer so a policy never depends on what the invoker may read of couple_members
-- (and never recurses, should couple_members get policies of its own).
CREATE OR REPLACE FUNCTION app_actor_couple() RETURNS text
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
	AS $$ SELECT couple_id FROM public.couple_members WHERE user_id = public.app_actor() $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_is_partner(other text) RETURNS boolean
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
	AS $$ SELECT other IS DISTINCT FROM public.app_actor() AND EXISTS (
		SELECT 1 FROM public.couple_members WHERE user_id = other AND couple_id = public.app_actor_couple()) $$;
--> statement-breakpoint

-- Own rows, for everything.
ALTER TABLE "reflections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY reflections_owner ON "reflections" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY reflections_shared_read ON "reflections" FOR SELECT USING (shared_couple_id IS NOT NULL AND shared_couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY reflections_system ON "reflections" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

ALTER TABLE "apology_drafts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY apology_drafts_owner ON "apology_drafts" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY apology_drafts_system ON "apology_drafts" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

ALTER TABLE "apology_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY apology_versions_owner ON "apology_versions"
	USING (EXISTS (SELECT 1 FROM apology_drafts d WHERE d.id = draft_id AND d.owner_id = app_actor()))
	WITH CHECK (EXISTS (SELECT 1 FROM apology_drafts d WHERE d.id = draft_id AND d.owner_id = app_actor()));--> statement-breakpoint
CREATE POLICY apology_versions_system ON "apology_versions" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

ALTER TABLE "step_progress" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY step_progress_owner ON "step_progress" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY step_progress_system ON "step_progress" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Letters: the sender owns them; the recipient reads (and marks opened) what is not withdrawn,
-- only while in the couple the letter was sent in.
ALTER TABLE "letters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY letters_sender_read ON "letters" FOR SELECT USING (sender_id = app_actor());--> statement-breakpoint
CREATE POLICY letters_sender_send ON "letters" FOR INSERT WITH CHECK (sender_id = app_actor() AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY letters_sender_change ON "letters" FOR UPDATE USING (sender_id = app_actor()) WITH CHECK (sender_id = app_actor());--> statement-breakpoint
CREATE POLICY letters_sender_delete ON "letters" FOR DELETE USING (sender_id = app_actor());--> statement-breakpoint
CREATE POLICY letters_recipient_read ON "letters" FOR SELECT
	USING (recipient_id = app_actor() AND withdrawn_at IS NULL AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY letters_recipient_open ON "letters" FOR UPDATE
	USING (recipient_id = app_actor() AND withdrawn_at IS NULL AND couple_id = app_actor_couple())
	WITH CHECK (recipient_id = app_actor() AND withdrawn_at IS NULL AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY letters_system ON "letters" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Needs: always shared, but only with the couple they were written for; the partner may respond.
ALTER TABLE "needs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY needs_owner ON "needs" USING (owner_id = app_actor()) WITH CHECK (owner_id = app_actor());--> statement-breakpoint
CREATE POLICY needs_partner_read ON "needs" FOR SELECT USING (couple_id IS NOT NULL AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY needs_partner_respond ON "needs" FOR UPDATE
	USING (couple_id IS NOT NULL AND couple_id = app_actor_couple())
	WITH CHECK (couple_id IS NOT NULL AND couple_id = app_actor_couple());--> statement-breakpoint
CREATE POLICY needs_system ON "needs" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- The pace status: a signal to the current partner.
ALTER TABLE "pace_status" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY pace_status_owner ON "pace_status" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY pace_status_partner_read ON "pace_status" FOR SELECT USING (app_is_partner(user_id));--> statement-breakpoint
CREATE POLICY pace_status_system ON "pace_status" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Form keys (one item per submitted form) and the one-time notice that a partner left: own rows.
-- The notice is written for the partner who stays, inside leaveCouple's system work.
ALTER TABLE "form_submissions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY form_submissions_owner ON "form_submissions" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY form_submissions_system ON "form_submissions" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

ALTER TABLE "couple_notices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY couple_notices_owner ON "couple_notices" USING (user_id = app_actor()) WITH CHECK (user_id = app_actor());--> statement-breakpoint
CREATE POLICY couple_notices_system ON "couple_notices" USING (app_is_system()) WITH CHECK (app_is_system());--> statement-breakpoint

-- Append-only records: written before anyone is signed in (a failed sign-in, a sign-up's
-- consent) or about someone else (the partner's "couple ended"), so anyone may add; each reads
-- only their own; nobody (but the owner's cascades on account deletion) changes or removes them.
ALTER TABLE "security_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY security_events_append ON "security_events" FOR INSERT WITH CHECK (true);--> statement-breakpoint
CREATE POLICY security_events_own_read ON "security_events" FOR SELECT USING (user_id = app_actor());--> statement-breakpoint

ALTER TABLE "consent_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY consent_events_append ON "consent_events" FOR INSERT WITH CHECK (true);--> statement-breakpoint
CREATE POLICY consent_events_own_read ON "consent_events" FOR SELECT USING (user_id = app_actor());--> statement-breakpoint

-- Grants for the app's role, run by the owner once per role (README, "Production on PostgreSQL"):
--   SELECT herstelpad_grant_app_role('herstelpad_app');
-- Rows only: no CREATE on any schema, no ownership, so no DDL. Default privileges extend the
-- grant to tables later migrations create (their policies must come with them).
CREATE OR REPLACE FUNCTION herstelpad_grant_app_role(app_role text) RETURNS void
	LANGUAGE plpgsql
	AS $$
BEGIN
	IF app_role = current_user THEN
		RAISE EXCEPTION 'the app role must not be the owner of the tables (%)', app_role;
	END IF;
	-- Either would skip row-level security altogether.
	IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role AND (rolsuper OR rolbypassrls)) THEN
		RAISE EXCEPTION 'the app role must be neither superuser nor BYPASSRLS (%)', app_role;
	END IF;
	EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
	EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
	EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
	EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app_role);
	EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app_role);
	-- Read-only access to the migrations record, so the app can check at start-up that the owner has migrated.
	EXECUTE format('GRANT USAGE ON SCHEMA drizzle TO %I', app_role);
	EXECUTE format('GRANT SELECT ON drizzle.__drizzle_migrations TO %I', app_role);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION herstelpad_grant_app_role(text) FROM PUBLIC;
