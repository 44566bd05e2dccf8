import { describe, expect, it } from 'vitest';
import { CORPUS } from './corpus/load';
import { analyzeApology, RULE_IDS, type CoachLanguage, type RuleId } from './index';

interface Counts {
	tp: number;
	fp: number;
	fn: number;
}

function score(languages: readonly CoachLanguage[]) {
	const perRule = new Map<RuleId, Counts>(RULE_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
	const misses: string[] = [];
	for (const lang of languages) {
		for (const entry of CORPUS[lang]) {
			const found = new Set(analyzeApology(entry.text, { lang }).findings.map((finding) => finding.ruleId));
			const wanted = new Set(entry.expect);
			for (const id of RULE_IDS) {
				const counts = perRule.get(id)!;
				if (found.has(id) && wanted.has(id)) counts.tp++;
				else if (found.has(id)) counts.fp++;
				else if (wanted.has(id)) counts.fn++;
			}
			const same = found.size === wanted.size && [...found].every((id) => wanted.has(id));
			if (!same) misses.push(`${entry.id}: expected [${[...wanted]}] got [${[...found]}]`);
		}
	}
	return { perRule, misses };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

describe('corpus', () => {
	it('has at least 100 Dutch and 50 English apologies with valid labels', () => {
		expect(CORPUS.nl.length).toBeGreaterThanOrEqual(100);
		expect(CORPUS.en.length).toBeGreaterThanOrEqual(50);
		const ids = [...CORPUS.nl, ...CORPUS.en].map((entry) => entry.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const entry of [...CORPUS.nl, ...CORPUS.en]) {
			for (const id of entry.expect) expect(RULE_IDS).toContain(id);
		}
	});

	it('gives only suggestions a writer can read after “Try instead:”', () => {
		// `expected` is null or words in the text's language: never empty, never only punctuation ("." or "…").
		const unreadable: string[] = [];
		for (const lang of ['nl', 'en'] as const) {
			for (const entry of CORPUS[lang]) {
				for (const finding of analyzeApology(entry.text, { lang }).findings) {
					const { expected } = finding;
					if (expected === null) continue;
					if (expected.trim() === '' || !/\p{L}/u.test(expected)) {
						unreadable.push(`${entry.id} ${finding.ruleId}: ${JSON.stringify(expected)}`);
					}
				}
			}
		}
		expect(unreadable).toEqual([]);
	});

	it('reaches micro-averaged precision and recall of at least 0.90', () => {
		const { perRule, misses } = score(['nl', 'en']);
		const total: Counts = { tp: 0, fp: 0, fn: 0 };
		const rows = [...perRule].map(([id, counts]) => {
			total.tp += counts.tp;
			total.fp += counts.fp;
			total.fn += counts.fn;
			return {
				rule: id,
				tp: counts.tp,
				fp: counts.fp,
				fn: counts.fn,
				precision: ratio(counts.tp, counts.tp + counts.fp).toFixed(3),
				recall: ratio(counts.tp, counts.tp + counts.fn).toFixed(3)
			};
		});
		const precision = ratio(total.tp, total.tp + total.fp);
		const recall = ratio(total.tp, total.tp + total.fn);
		rows.push({ rule: 'micro' as RuleId, ...total, precision: precision.toFixed(3), recall: recall.toFixed(3) });
		console.table(rows);
		if (misses.length > 0) console.log(`entries not matched exactly:\n${misses.join('\n')}`);
		expect(precision).toBeGreaterThanOrEqual(0.9);
		expect(recall).toBeGreaterThanOrEqual(0.9);
	});
});
