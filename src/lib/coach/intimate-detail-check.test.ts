import { describe, expect, it } from 'vitest';
import { analyzeApology } from './index';
import { CORPUS } from './corpus/load';
import { mentionsIntimateDetail as dutch } from '../page-script/intimate-hint/nl';
import { mentionsIntimateDetail as english } from '../page-script/intimate-hint/en';

const checks = { nl: dutch, en: english } as const;

describe('the intimate-detail hint on its own', () => {
	for (const lang of ['nl', 'en'] as const) {
		it(`says what the whole analyser says of every ${lang} corpus text`, () => {
			let found = 0;
			for (const entry of CORPUS[lang]) {
				const whole = analyzeApology(entry.text, { lang }).findings.some((f) => f.ruleId === 'intimate-detail');
				expect(checks[lang](entry.text), entry.id).toBe(whole);
				if (whole) found++;
			}
			// Both answers occur, so agreeing is not agreeing on "never".
			expect(found).toBeGreaterThan(3);
			expect(found).toBeLessThan(CORPUS[lang].length);
		});
	}

	it('reads only the part the analyser reads, and nothing in an empty text', () => {
		const detail = 'Ik heb haar lichaam beschreven.';
		expect(dutch(detail)).toBe(true);
		expect(dutch('   ')).toBe(false);
		// Past the 20,000 characters the coach reads, a detail is not looked at, as on the server.
		expect(dutch(`${'Het spijt me. '.repeat(1500)}${detail}`)).toBe(false);
		expect(english('I described her body to you.')).toBe(true);
	});
});
