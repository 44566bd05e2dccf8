import { describe, expect, it } from 'vitest';
import { getContentPage } from '$lib/server/content/pages';

// The numbers in ../shared/research/readiness-factors.md, as dialled; nothing else may be a link.
const NL_BE = ['112', '08002000', '113', '08000113', '1712', '1813', '080030030'];
const ELSEWHERE = ['999', '08082000247', '116123', '08088010327', '1800341900', '911', '+18007997233', '988', '000', '1800737732', '131114'];

const telLinks = (html: string) => [...html.matchAll(/href="tel:([^"]+)"/g)].map((m) => m[1]);

describe('help page', () => {
	it('makes every help line a tel: link, from the researched list only', () => {
		const nl = telLinks(getContentPage('help', 'nl')!.html);
		const en = telLinks(getContentPage('help', 'en')!.html);
		expect(new Set(nl)).toEqual(new Set(NL_BE));
		expect(new Set(en)).toEqual(new Set([...NL_BE, ...ELSEWHERE]));
	});

	it('links 113.nl as a website', () => {
		for (const locale of ['nl', 'en'] as const) expect(getContentPage('help', locale)!.html).toContain('href="https://www.113.nl"');
	});
});
