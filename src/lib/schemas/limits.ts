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
	wish: 500,
	commitmentTitle: 200,
	commitmentWhy: 2_000,
	deedReason: 500,
	checkInNote: 1_000,
	commitmentComment: 2_000,
	// Trust (issue 10)
	trustNote: 2_000,
	contactText: 2_000,
	contactQuestion: 1_000,
	contactAnswer: 4_000,
	measureDetails: 1_000,
	boundaries: 2_000,
	declineReason: 1_000,
	memory: 2_000,
	decisionWhy: 1_000,
	triggerNote: 1_000,
	triggerResponse: 2_000,
	impactPoint: 2_000,
	restitutionAnswer: 4_000,
	accountEntry: 5_000,
	accountReason: 500,
	question: 2_000,
	reply: 10_000,
	agreementNote: 500,
	offLimits: 500,
	timeoutWord: 40,
	comment: 3_000,
	hourAnswer: 2_000,
	hourNote: 2_000,
	commentName: 60
} as const;
