import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../../tests/setup/pdf';
import { bookletPdf } from './pdf';
import { BOOKLET } from './text';

describe('the booklet PDF', () => {
	for (const locale of ['nl', 'en'] as const) {
		it(`has a cover, an introduction, one page per pitfall and a closing page, all readable as text (${locale})`, async () => {
			const text = BOOKLET[locale];
			const pdf = await readPdf(await bookletPdf(locale));
			expect(pdf.pages).toBe(12);
			expect(pdf.title).toBe(text.title);
			expect(pdf.text[0]).toContain(text.subtitle);
			expect(pdf.text[1]).toContain(text.intro.heading);
			text.pitfalls.forEach((pitfall, index) => {
				const page = pdf.text[2 + index];
				expect(page, pitfall.title).toContain(pitfall.title);
				expect(page).toContain(pitfall.instead.slice(0, 40));
				expect(page).toContain(`${index + 2 + 1} / 12`);
			});
			expect(pdf.text[11]).toContain(text.help.heading);
		});
	}

	it('has nine pitfalls in each language, and the same number of paragraphs', () => {
		expect(BOOKLET.nl.pitfalls).toHaveLength(9);
		expect(BOOKLET.en.pitfalls).toHaveLength(9);
		BOOKLET.nl.pitfalls.forEach((p, i) => expect(p.body.length).toBe(BOOKLET.en.pitfalls[i].body.length));
	});

	it('is made once per language and then served from memory', async () => {
		expect(bookletPdf('nl')).toBe(bookletPdf('nl'));
	});
});
