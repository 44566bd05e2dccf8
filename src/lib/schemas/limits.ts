/**
 * The longest text each form accepts, in characters (UTF-16 code units, as JavaScript counts).
 * The schemas enforce them on the server and the long-text fields show the same numbers in the
 * browser, so the two can never disagree. (The apology limit equals the analyser's MAX_APOLOGY_LENGTH;
 * a test holds them together, because importing the analyser here would put it in every page.)
 */
export const TEXT_LIMITS = {
	apology: 20_000,
	letter: 20_000,
	reflection: 20_000,
	need: 500,
	paceNote: 500,
	decisionWhy: 1_000,
	triggerNote: 1_000,
	triggerResponse: 2_000,
	impactPoint: 2_000,
	restitutionAnswer: 4_000,
	comment: 3_000,
	commentName: 60
} as const;
