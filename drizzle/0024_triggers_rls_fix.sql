-- Review fixes to the trigger kit's row-level security (kept in sync with src/lib/server/triggers/rls.sql).

-- A person's settings row is readable by the partner only when every part in it that is set was
-- saved in the partner's couple: a response written for an earlier partner must not become
-- readable because the day of discovery was saved in the new couple.
DROP POLICY IF EXISTS trigger_settings_partner_read ON "trigger_settings";--> statement-breakpoint
CREATE POLICY trigger_settings_partner_read ON "trigger_settings" FOR SELECT
	USING ((prepared_response IS NOT NULL OR discovered_on IS NOT NULL)
		AND (prepared_response IS NULL OR response_couple_id = app_actor_couple())
		AND (discovered_on IS NULL OR discovery_couple_id = app_actor_couple()));--> statement-breakpoint

-- The partner may answer a signal, nothing more: the policy cannot limit columns, so a trigger
-- refuses any other change made by someone who is not the signal's owner.
CREATE OR REPLACE FUNCTION trigger_signals_answer_only() RETURNS trigger
	LANGUAGE plpgsql
	AS $$
BEGIN
	IF app_actor() IS NOT NULL AND app_actor() IS DISTINCT FROM OLD.owner_id AND NOT app_is_system()
		AND (NEW.id IS DISTINCT FROM OLD.id OR NEW.entry_id IS DISTINCT FROM OLD.entry_id
			OR NEW.owner_id IS DISTINCT FROM OLD.owner_id OR NEW.couple_id IS DISTINCT FROM OLD.couple_id
			OR NEW.created_at IS DISTINCT FROM OLD.created_at
			-- the answer is signed by whoever gives it (answered_by, migration 0025)
			OR NEW.answered_by IS DISTINCT FROM app_actor()) THEN
		RAISE EXCEPTION 'only the answer of a signal may be changed by the partner' USING ERRCODE = '42501';
	END IF;
	RETURN NEW;
END
$$;--> statement-breakpoint
DROP TRIGGER IF EXISTS trigger_signals_answer_only ON "trigger_signals";--> statement-breakpoint
CREATE TRIGGER trigger_signals_answer_only BEFORE UPDATE ON "trigger_signals" FOR EACH ROW EXECUTE FUNCTION trigger_signals_answer_only();
