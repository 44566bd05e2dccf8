import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { sourceFiles } from '../../../../tests/setup/source-files';

const TEXTS = {
	nl: 'Het spijt me, maar jij hebt me ook pijn gedaan. Ik had het nooit mogen doen.',
	en: 'I am sorry, but you hurt me too. I should never have done it.'
};

describe("each language's coach script", () => {
	for (const lang of ['nl', 'en'] as const) {
		const other = lang === 'nl' ? 'en' : 'nl';
		it(`(${lang}) carries its own language only, and analyses as the server does`, async () => {
			// A fresh module graph, as the browser has for each script.
			vi.resetModules();
			const script = await import(`./${lang}.ts`);
			const { hasLanguage } = await import('../../coach/processor');
			expect(hasLanguage(lang)).toBe(true);
			expect(hasLanguage(other)).toBe(false);
			const found = script.analyzeApology(TEXTS[lang], { lang });
			expect(found.language).toBe(lang);
			expect(found.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('but-apology');
			// The other language is the other script's: this one cannot read it.
			expect(() => script.analyzeApology(TEXTS[other], { lang: other })).toThrow();

			// The same findings as the coach with both languages (what the server runs).
			const both = await import('../../coach/index');
			expect(both.analyzeApology(TEXTS[lang])).toEqual(found);
		});
	}

	it('is how pages reach the analyser: no page or component imports it, so none carries both languages', () => {
		const browserCode = sourceFiles('src').filter((file) => !/(^|\/)(lib\/server\/|lib\/coach\/|lib\/page-script\/coach\/|.*\.server\.ts$|.*\+server\.ts$|.*\.test\.ts$)/.test(file.replaceAll('\\', '/')));
		expect(browserCode.length).toBeGreaterThan(50);
		const staticImport = /^\s*import\s+(?!type\b)[^;]*from\s+'(\$lib\/|(\.\.\/)+)coach(\/index|\/languages|\/analyze|\/processor|\/lang\/\w+)?'/m;
		const dynamicImport = /import\('(\$lib\/|(\.\.\/)+)coach(\/index|\/analyze|\/lang\/\w+)?'\)/;
		const offenders = browserCode.filter((file) => {
			const text = readFileSync(file, 'utf8');
			return staticImport.exec(text) !== null || dynamicImport.exec(text) !== null;
		});
		expect(offenders).toEqual([]);
	});
});
