import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// Only the browser's entry: this file must not load ./languages (or ./index), which add both.
import { analyzeIfLoaded, languageOf, loadLanguage } from './browser';
import { hasLanguage } from './processor';

const DUTCH = 'Het spijt me, maar jij hebt me ook pijn gedaan. Ik had het nooit mogen doen.';
const ENGLISH = 'I am sorry, but you hurt me too. I should never have done it.';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'paraglide') return [];
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

describe('the coach in the browser', () => {
	it('loads a language only when asked, and then analyses as the server does', async () => {
		expect(hasLanguage('nl')).toBe(false);
		expect(hasLanguage('en')).toBe(false);
		expect(analyzeIfLoaded(DUTCH)).toBeNull();

		await loadLanguage('nl');
		expect(hasLanguage('nl')).toBe(true);
		expect(hasLanguage('en')).toBe(false);
		const dutch = analyzeIfLoaded(DUTCH);
		expect(dutch?.language).toBe('nl');
		expect(dutch?.findings.map((f) => f.ruleId)).toContain('but-apology');
		// An English text waits for English, which is not loaded yet.
		expect(languageOf(ENGLISH)).toBe('en');
		expect(analyzeIfLoaded(ENGLISH)).toBeNull();

		await loadLanguage('en');
		const english = analyzeIfLoaded(ENGLISH);
		expect(english?.language).toBe('en');
		expect(english?.findings.map((f) => f.ruleId)).toContain('but-apology');

		// The same findings as the coach with both languages (what the server runs).
		const both = await import('./index');
		expect(both.analyzeApology(DUTCH)).toEqual(dutch);
		expect(both.analyzeApology(ENGLISH)).toEqual(english);
	});

	it('is reached from pages only through ./browser, so a page never carries both languages', () => {
		const browserCode = sourceFiles('src').filter((file) => !/(^|\/)(lib\/server\/|lib\/coach\/|.*\.server\.ts$|.*\+server\.ts$|.*\.test\.ts$)/.test(file.replaceAll('\\', '/')));
		expect(browserCode.length).toBeGreaterThan(50);
		const staticImport = /^\s*import\s+(?!type\b)[^;]*from\s+'\$lib\/coach(\/index|\/languages|\/analyze|\/lang\/\w+)?'/m;
		const dynamicImport = /import\('\$lib\/coach(\/index)?'\)/;
		const offenders = browserCode.filter((file) => {
			const text = readFileSync(file, 'utf8');
			return staticImport.exec(text) !== null || dynamicImport.exec(text) !== null;
		});
		expect(offenders).toEqual([]);
	});
});
