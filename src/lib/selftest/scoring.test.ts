import { describe, expect, it } from 'vitest';
import { FACTOR_SOURCES, HELPS_THRESHOLD, IncompleteAnswers, QUESTIONS, cleanAnswers, missingAnswers, scoreSelfTest, type Answers, type SelfTestRole } from './scoring';
import { readFileSync } from 'node:fs';

const bundle = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;

const roles: SelfTestRole[] = ['repairing', 'hurt'];

/** Every question answered with the option at `index` (0 = most helpful), safety "no". */
function answerAll(role: SelfTestRole, index: number): Answers {
	return Object.fromEntries(QUESTIONS[role].map((q) => [q.id, q.factor === 'safety' ? 'no' : q.options[index].id]));
}

describe('self-test scoring', () => {
	it('asks about twelve questions per role, each with its own ids, and one safety question', () => {
		for (const role of roles) {
			const questions = QUESTIONS[role];
			expect(questions.length).toBeGreaterThanOrEqual(11);
			expect(questions.length).toBeLessThanOrEqual(14);
			expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
			expect(questions.filter((q) => q.factor === 'safety')).toHaveLength(1);
			for (const q of questions) expect(new Set(q.options.map((o) => o.id)).size, q.id).toBe(q.options.length);
		}
	});

	it('gives 100 for the most helpful answers and 0 for the least, never more or less', () => {
		for (const role of roles) {
			expect(scoreSelfTest(role, answerAll(role, 0)).indicator).toBe(100);
			expect(scoreSelfTest(role, answerAll(role, 3)).indicator).toBe(0);
		}
	});

	it('puts factors at or above the threshold under "already helps", the rest under "to work on", weakest first', () => {
		const answers = answerAll('repairing', 0);
		answers.r_contact = 'ongoing'; // openness: 3 + 3 + 0 of 9
		answers.r_knows = 'partly'; // openness: 1 + 3 + 0 of 9 = 0.44
		answers.r_help = 'no'; // support: 0 of 3
		answers.r_conflict = 'often'; // strain: 1 of 3
		const result = scoreSelfTest('repairing', answers);
		expect(result.workOn).toEqual(['support', 'strain', 'openness']);
		expect(result.helps).toEqual(['apology', 'commitment', 'pattern', 'pace']);
		const openness = result.factors.find((f) => f.factor === 'openness')!;
		expect(openness.score).toBeCloseTo(4 / 9);
		// Mean of openness 4/9, apology 1, commitment 1, pattern 1, pace 1, support 0, strain 1/3.
		expect(result.indicator).toBe(Math.round(((4 / 9 + 4 + 0 + 1 / 3) / 7) * 100));
	});

	it('treats a factor exactly at the threshold as helping', () => {
		const answers = answerAll('hurt', 0);
		answers.h_responsibility = 'partly'; // apology: 2 + 3 of 6
		answers.h_empathy = 'rarely'; // apology: 2 + 1 of 6 = 0.5
		expect(scoreSelfTest('hurt', answers).workOn).toEqual(['apology']);
		answers.h_empathy = 'sometimes'; // 2 + 2 of 6 = 0.67
		expect(scoreSelfTest('hurt', answers).helps).toContain('apology');
		expect(HELPS_THRESHOLD).toBe(0.6);
	});

	it('puts safety first and gives no number when safety is in doubt, whatever else was answered', () => {
		for (const role of roles) {
			for (const answer of ['unsure', 'yes']) {
				const answers = { ...answerAll(role, 0), [`${role === 'hurt' ? 'h' : 'r'}_safety`]: answer };
				const result = scoreSelfTest(role, answers);
				expect(result.safetyFirst).toBe(true);
				expect(result.indicator).toBeNull();
				expect(result.factors.map((f) => f.factor)).not.toContain('safety');
			}
		}
	});

	it('refuses a partial or tampered set of answers instead of guessing', () => {
		const answers = answerAll('hurt', 1);
		delete answers.h_pace;
		answers.h_threat = 'made-up';
		expect(missingAnswers('hurt', answers)).toEqual(['h_threat', 'h_pace']);
		expect(() => scoreSelfTest('hurt', answers)).toThrow(IncompleteAnswers);
		// The other role's answers do not count for this one.
		expect(missingAnswers('repairing', answerAll('hurt', 0))).toHaveLength(QUESTIONS.repairing.length);
	});

	it('keeps only known answers to this role’s questions', () => {
		const answers = { ...answerAll('repairing', 2), extra: 'x', r_pace: 'nonsense' };
		const clean = cleanAnswers('repairing', answers);
		expect(Object.keys(clean)).not.toContain('extra');
		expect(Object.keys(clean)).not.toContain('r_pace');
		expect(Object.keys(clean)).toHaveLength(QUESTIONS.repairing.length - 1);
	});

	it('has a source for every factor it uses, and every text in Dutch and English', () => {
		const messages = [bundle('nl'), bundle('en')];
		for (const role of roles) {
			for (const q of QUESTIONS[role]) {
				if (q.factor !== 'safety') expect(FACTOR_SOURCES[q.factor].length, q.factor).toBeGreaterThan(0);
				for (const bundle of messages) {
					expect(bundle[`selftest_q_${q.id}`], q.id).toBeTruthy();
					for (const o of q.options) expect(bundle[`selftest_q_${q.id}_${o.id}`], `${q.id}_${o.id}`).toBeTruthy();
					if (q.factor !== 'safety') {
						for (const suffix of ['', '_why', '_helps', '_work']) expect(bundle[`selftest_factor_${q.factor}${suffix}`], `${q.factor}${suffix}`).toBeTruthy();
					}
				}
			}
		}
	});
});
