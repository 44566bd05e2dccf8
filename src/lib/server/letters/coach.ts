import { isMissingRule } from '../../coach/rule-ids';
import type { CoachLanguage, RuleId } from '../../coach';
import { analyzeOffThread } from '../coach/analyze';

/**
 * The coach reads each answer of a restitution letter on its own, off the main thread, with the
 * apology rules. Only the pattern rules (blame-shift, minimizing, …) speak per answer: the
 * missing-element rules judge a whole apology, and one answer to one point need not hold all four
 * elements. One answer at a time, so a long letter never takes more than its share of the pool.
 */
export async function checkAnswers(answers: string[], options: { lang?: CoachLanguage; userId: string }): Promise<(RuleId[] | null)[]> {
	const out: (RuleId[] | null)[] = [];
	for (const answer of answers) {
		if (!answer.trim()) {
			out.push(null);
			continue;
		}
		const analysis = await analyzeOffThread(answer, { lang: options.lang, owner: `user:${options.userId}` });
		out.push([...new Set(analysis.findings.map((f) => f.ruleId).filter((id) => !isMissingRule(id)))]);
	}
	return out;
}
