import { isMissingRule } from '../../coach/rule-ids';
import type { AnalysisResult, CoachLanguage, RuleId } from '../../coach';
import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { DomainError } from '../errors';
import { analyzeOffThread, limitAnalysis } from '../coach/analyze';
import { pointsToAnswer, saveRestitutionVersion } from './points';

type Analyze = (text: string, options: { lang?: CoachLanguage; owner: string }) => Promise<AnalysisResult>;

interface CheckOptions {
	lang?: CoachLanguage;
	userId: string;
	/** Saving: an answer the coach cannot read now (busy, too slow) keeps no reading (null) instead of refusing. */
	lenient?: boolean;
	analyze?: Analyze;
}

const coachUnavailable = (err: unknown) => err instanceof DomainError && (err.code === 'analysis_busy' || err.code === 'analysis_too_slow');

/**
 * The coach reads each answer of a restitution letter on its own, off the main thread, with the
 * apology rules. Only the pattern rules (blame-shift, minimizing, …) speak per answer: the
 * missing-element rules judge a whole apology, and one answer to one point need not hold all four
 * elements. One answer at a time, so a long letter never takes more than its share of the pool.
 */
export async function checkAnswers(answers: string[], options: CheckOptions): Promise<(RuleId[] | null)[]> {
	const analyze = options.analyze ?? analyzeOffThread;
	const out: (RuleId[] | null)[] = [];
	for (const answer of answers) {
		if (!answer.trim()) {
			out.push(null);
			continue;
		}
		try {
			const analysis = await analyze(answer, { lang: options.lang, owner: `user:${options.userId}` });
			out.push([...new Set(analysis.findings.map((f) => f.ruleId).filter((id) => !isMissingRule(id)))]);
		} catch (err) {
			if (options.lenient && coachUnavailable(err)) out.push(null);
			else throw err;
		}
	}
	return out;
}

/**
 * Saves a version of the restitution letter with the coach's reading of each answer. Whether the
 * actor may answer this letter is asked before the coach reads anything. A save is never refused
 * for the coach's sake: above the analysis limit, or when the coach is busy, the answers are kept
 * without a reading (nothing saved is lost; "check" can read them later).
 */
export async function saveRestitutionWithCoach(db: Database, actor: Actor, input: { impactLetterId: string; answers: string[] }, options: { lang?: CoachLanguage; analyze?: Analyze } = {}) {
	const points = await pointsToAnswer(db, actor, input.impactLetterId);
	if (input.answers.length !== points.length) throw new DomainError('conflict');
	let ruleIds: (RuleId[] | null)[];
	try {
		await limitAnalysis(db, actor.userId);
		ruleIds = await checkAnswers(input.answers, { ...options, userId: actor.userId, lenient: true });
	} catch (err) {
		if (!(err instanceof DomainError && err.code === 'too_many_attempts')) throw err;
		ruleIds = input.answers.map(() => null);
	}
	return saveRestitutionVersion(db, actor, { ...input, ruleIds });
}
