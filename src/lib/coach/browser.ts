// The coach in the browser: the analyser without its languages, each loaded on first use, so the
// editor downloads the parser and data of the language it analyses and not the other one
// (issue 14). The server keeps both (./languages).
import { analyzeApology, type AnalyzeOptions } from './analyze';
import { detectLanguage } from './detect-language';
import { addLanguage, hasLanguage } from './processor';
import type { AnalysisResult, CoachLanguage } from './types';

export { analyzeApology };

const loading = new Map<CoachLanguage, Promise<void>>();

// One `import()` per statement: written as one conditional expression, the build gave both the
// preload list of one language, so the English editor fetched the Dutch parser and data as well.
async function importLanguage(lang: CoachLanguage) {
	if (lang === 'en') return (await import('./lang/en')).default;
	return (await import('./lang/nl')).default;
}

/** Loads a language of the coach (once); resolves when `analyzeApology` can use it. */
export function loadLanguage(lang: CoachLanguage): Promise<void> {
	if (hasLanguage(lang)) return Promise.resolve();
	let pending = loading.get(lang);
	if (!pending) {
		pending = importLanguage(lang).then(addLanguage);
		loading.set(lang, pending);
	}
	return pending;
}

/**
 * Analyses now when the text's language is loaded; otherwise starts loading it and gives `null`
 * (call again once `loadLanguage(languageOf(text, options))` resolves).
 */
export function analyzeIfLoaded(text: string, options: AnalyzeOptions = {}): AnalysisResult | null {
	const lang = languageOf(text, options);
	if (!hasLanguage(lang)) return null;
	return analyzeApology(text, { lang });
}

/** The language the coach reads a text in: the one asked for, else the one detected. */
export function languageOf(text: string, options: AnalyzeOptions = {}): CoachLanguage {
	return options.lang === 'en' || options.lang === 'nl' ? options.lang : detectLanguage(text);
}
