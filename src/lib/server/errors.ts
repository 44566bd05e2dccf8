/**
 * Typed domain errors. Services throw them; `src/lib/server/http.ts` turns them into `fail()` or
 * `error()` with a message in the user's language. The code doubles as the message key suffix
 * (`error_<code>` in messages/*.json), so the text lives with the other translations.
 */
export const errorStatus = {
	invalid_credentials: 400,
	email_taken: 400,
	too_many_attempts: 429,
	reset_token_invalid: 400,
	wrong_password: 400,
	password_personal: 400,
	password_common: 400,
	password_guessable: 400,
	consent_required: 400,
	not_found: 404,
	forbidden: 404,
	unknown_step: 404,
	conflict: 409,
	invitation_invalid: 400,
	invitation_own: 400,
	invitation_already_emailed: 409,
	already_in_couple: 409,
	not_in_couple: 409,
	mail_failed: 503,
	analysis_busy: 503,
	analysis_too_slow: 422,
	weekdays_required: 400,
	start_out_of_range: 400,
	commitment_ended: 409,
	commitment_not_active: 409,
	commitment_not_paused: 409,
	check_in_not_due: 400,
	selftest_incomplete: 400,
	booklet_link_invalid: 400,
	transparency_unavailable: 409,
	agreement_own: 409,
	agreement_closed: 409,
	account_sent: 409,
	account_empty: 400,
	points_empty: 400,
	points_unanswered: 400,
	need_time_day: 400,
	comment_reply_invalid: 400,
	comment_too_many: 429,
	hour_week_changed: 409,
	hour_answers_empty: 400,
	hour_time_zone: 400,
	push_endpoint_refused: 400,
	notification_link_invalid: 404
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class DomainError extends Error {
	readonly code: ErrorCode;
	readonly status: number;
	readonly retryAfterSeconds?: number;

	constructor(code: ErrorCode, options: { retryAfterSeconds?: number } = {}) {
		super(code);
		this.name = 'DomainError';
		this.code = code;
		this.status = errorStatus[code];
		this.retryAfterSeconds = options.retryAfterSeconds;
	}
}

/** Not found and not allowed look the same from outside, so ids of others' items leak nothing. */
export const notFound = () => new DomainError('not_found');

/** PostgreSQL's unique_violation, as thrown by node-postgres and PGlite (drizzle may wrap it). */
export function isUniqueViolation(err: unknown): boolean {
	for (let e: unknown = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
		if ((e as { code?: unknown }).code === '23505') return true;
	}
	return false;
}
