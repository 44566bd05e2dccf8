/**
 * The readiness self-test ("herstelkans-test"): its questions, and how answers become a readiness
 * profile. Framework-free and client-safe, so the browser can compute the result without sending
 * anything, and the server computes the same result for a plain form post (no JavaScript).
 *
 * Texts live in messages/*.json under keys derived from the ids here (see docs/self-test.md):
 * `selftest_q_<question>`, `selftest_q_<question>_<option>`, `selftest_factor_<factor>[_why|_helps|_work]`.
 *
 * What the result is, and is not: every factor comes from a study or clinical source listed in
 * ../shared research (readiness-factors.md); the samples are small and mostly US, married,
 * heterosexual couples. The 0–100 indicator is the plain average of the factor scores, labelled as
 * a conversation starter, never as a probability of success.
 */

export type SelfTestRole = 'repairing' | 'hurt';

/** The factors a result is built from. `safety` is a gate, never part of the indicator. */
export type FactorId = 'openness' | 'apology' | 'commitment' | 'pattern' | 'threat' | 'rumination' | 'pace' | 'support' | 'strain';

export interface Option {
	id: string;
	/** 0 (works against repair now) … 3 (already helps). */
	points: 0 | 1 | 2 | 3;
}

export interface Question {
	id: string;
	factor: FactorId | 'safety';
	options: Option[];
}

/** Shorthand: options listed from most to least helpful get 3, 2, 1, 0 points. */
function ranked(...ids: string[]): Option[] {
	return ids.map((id, index) => ({ id, points: (3 - Math.round((index * 3) / (ids.length - 1))) as Option['points'] }));
}

/** Safety: any answer but "no" puts safety first and withholds the indicator. */
const safetyOptions: Option[] = [
	{ id: 'no', points: 3 },
	{ id: 'unsure', points: 0 },
	{ id: 'yes', points: 0 }
];

export const QUESTIONS: Record<SelfTestRole, Question[]> = {
	repairing: [
		{ id: 'r_knows', factor: 'openness', options: ranked('told', 'found_told', 'partly', 'no') },
		{ id: 'r_questions', factor: 'openness', options: ranked('openly', 'mostly', 'avoid', 'deny') },
		{ id: 'r_contact', factor: 'openness', options: ranked('ended', 'necessary', 'some', 'ongoing') },
		{ id: 'r_apology', factor: 'apology', options: ranked('specific', 'general', 'not_yet', 'no') },
		{ id: 'r_blame', factor: 'apology', options: ranked('own', 'mostly_own', 'partly_other', 'other') },
		{ id: 'r_own_wish', factor: 'commitment', options: ranked('yes', 'mostly', 'unsure', 'no') },
		{ id: 'r_partner_wish', factor: 'commitment', options: ranked('yes', 'unsure', 'doubt', 'no') },
		{ id: 'r_pattern', factor: 'pattern', options: ranked('once', 'short', 'long', 'repeated') },
		{ id: 'r_pace', factor: 'pace', options: ranked('their_pace', 'mostly', 'push_sometimes', 'push') },
		{ id: 'r_deadline', factor: 'pace', options: ranked('long', 'year', 'months', 'weeks') },
		{ id: 'r_help', factor: 'support', options: ranked('yes', 'planned', 'open', 'no') },
		{ id: 'r_conflict', factor: 'strain', options: ranked('rarely', 'sometimes', 'often', 'daily') },
		{ id: 'r_safety', factor: 'safety', options: safetyOptions }
	],
	hurt: [
		{ id: 'h_knows', factor: 'openness', options: ranked('enough', 'main', 'parts', 'denied') },
		{ id: 'h_answers', factor: 'openness', options: ranked('openly', 'mostly', 'avoid', 'deny') },
		{ id: 'h_contact', factor: 'openness', options: ranked('ended', 'necessary', 'unsure', 'ongoing') },
		{ id: 'h_responsibility', factor: 'apology', options: ranked('yes', 'partly', 'excuses', 'blames') },
		{ id: 'h_empathy', factor: 'apology', options: ranked('yes', 'sometimes', 'rarely', 'no') },
		{ id: 'h_own_wish', factor: 'commitment', options: ranked('yes', 'unsure', 'doubt', 'no') },
		{ id: 'h_partner_wish', factor: 'commitment', options: ranked('yes', 'words', 'unsure', 'no') },
		{ id: 'h_pattern', factor: 'pattern', options: ranked('once', 'short', 'long', 'repeated') },
		{ id: 'h_threat', factor: 'threat', options: ranked('little', 'some', 'much', 'all') },
		{ id: 'h_rumination', factor: 'rumination', options: ranked('rarely', 'sometimes', 'often', 'constantly') },
		{ id: 'h_pace', factor: 'pace', options: ranked('yes', 'mostly', 'pressure_sometimes', 'pressure') },
		{ id: 'h_help', factor: 'support', options: ranked('both', 'one', 'open', 'no') },
		{ id: 'h_safety', factor: 'safety', options: safetyOptions }
	]
};

/** Where each factor comes from (readiness-factors.md); shown beside its explanation. */
export const FACTOR_SOURCES: Record<FactorId, string[]> = {
	openness: [
		'Atkins, Eldridge, Baucom & Christensen (2005), Journal of Consulting and Clinical Psychology 73(1), 144–150',
		'Marín, Christensen & Atkins (2014), Couple and Family Psychology 3(1), 1–12'
	],
	apology: ['Fife, Weeks & Stellberg-Filbert (2011), Journal of Family Therapy', 'Gunderson & Ferrari (scenario study, n = 196)'],
	commitment: ['Fife, Weeks & Stellberg-Filbert (2011), Journal of Family Therapy'],
	pattern: ['Gunderson & Ferrari (scenario study, n = 196)'],
	threat: ['Grøntvedt, Kennair & Bendixen (2020), Journal of Relationships Research'],
	rumination: ['Ng (2019), dissertation, University of Missouri–Kansas City'],
	pace: ['Affair Recovery (affairrecovery.com)', 'Snyder, Baucom & Gordon: treatment ends in an informed decision, together or apart'],
	support: ['Gordon, Baucom & Snyder (2004), Journal of Marital and Family Therapy 30(2), 213–231'],
	strain: ['Atkins, Yi, Baucom & Christensen (2005), Journal of Family Psychology 19, 470–473']
};

export const SAFETY_SOURCE = 'Pichon et al. (2020), International Journal of Environmental Research and Public Health 17(16), 5682';

/** A factor at or above this share of its points "already helps"; below it is "to work on". */
export const HELPS_THRESHOLD = 0.6;

export type Answers = Record<string, string>;

export interface FactorResult {
	factor: FactorId;
	/** 0…1: the share of the factor's points the answers reached. */
	score: number;
	helps: boolean;
}

export interface SelfTestResult {
	role: SelfTestRole;
	factors: FactorResult[];
	helps: FactorId[];
	workOn: FactorId[];
	/** 0–100, the average of the factor scores; null when safety comes first. Not a prediction. */
	indicator: number | null;
	/** True when the safety question was answered with anything but "no". */
	safetyFirst: boolean;
}

export class IncompleteAnswers extends Error {
	constructor(readonly missing: string[]) {
		super(`missing or unknown answers: ${missing.join(', ')}`);
		this.name = 'IncompleteAnswers';
	}
}

export function isSelfTestRole(value: unknown): value is SelfTestRole {
	return value === 'repairing' || value === 'hurt';
}

/** The ids of the questions that lack a valid answer, in order (empty when complete). */
export function missingAnswers(role: SelfTestRole, answers: Answers): string[] {
	return QUESTIONS[role].filter((q) => !q.options.some((o) => o.id === answers[q.id])).map((q) => q.id);
}

/** Only the answers to this role's questions, with known option ids: what may be stored. */
export function cleanAnswers(role: SelfTestRole, answers: Answers): Answers {
	const clean: Answers = {};
	for (const q of QUESTIONS[role]) if (q.options.some((o) => o.id === answers[q.id])) clean[q.id] = answers[q.id];
	return clean;
}

/**
 * Scores a complete set of answers. Each factor's score is its points over the most it could
 * reach; the indicator is the unweighted mean of the factors, rounded to a whole number. Throws
 * `IncompleteAnswers` when any question lacks a valid answer: a partial test gives no result.
 */
export function scoreSelfTest(role: SelfTestRole, answers: Answers): SelfTestResult {
	const missing = missingAnswers(role, answers);
	if (missing.length) throw new IncompleteAnswers(missing);
	const totals = new Map<FactorId, { points: number; max: number }>();
	let safetyFirst = false;
	for (const q of QUESTIONS[role]) {
		const option = q.options.find((o) => o.id === answers[q.id])!;
		if (q.factor === 'safety') {
			safetyFirst = option.id !== 'no';
			continue;
		}
		const total = totals.get(q.factor) ?? { points: 0, max: 0 };
		total.points += option.points;
		total.max += 3;
		totals.set(q.factor, total);
	}
	const factors: FactorResult[] = [...totals].map(([factor, { points, max }]) => {
		const score = points / max;
		return { factor, score, helps: score >= HELPS_THRESHOLD };
	});
	const mean = factors.reduce((sum, f) => sum + f.score, 0) / factors.length;
	return {
		role,
		factors,
		helps: factors.filter((f) => f.helps).map((f) => f.factor),
		// Weakest first: what matters most to work on comes first.
		workOn: factors
			.filter((f) => !f.helps)
			.sort((a, b) => a.score - b.score)
			.map((f) => f.factor),
		indicator: safetyFirst ? null : Math.round(mean * 100),
		safetyFirst
	};
}
