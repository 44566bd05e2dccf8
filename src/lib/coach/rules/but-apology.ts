import { createPatternRule, type SuggestionContext } from './create-pattern-rule';

/** Suggestions longer than this clutter the feedback; a shorter one (or the template's) is used. */
const MAX_SUGGESTION = 120;

const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '\u02BC', '`', '\u00B4']);

/**
 * The regret on its own, ended with a full stop: the sentence up to the clause boundary before
 * the "but" ("Het spijt me, maar ik was dronken." → "Het spijt me."). When the sentence before it
 * is long, only the clause with the regret word; `null` (the template's suggestion) when nothing
 * readable remains.
 */
export function suggestRegretAlone({ text, lang, tokens, match }: SuggestionContext): string | null {
	// Cut at the last punctuation mark between the regret word and the "but" ("…, ik was echter …"),
	// or right before the "but" when there is none ("Sorry maar …").
	let cut = match.reportStart;
	for (let index = match.reportStart - 1; index > match.start; index--) {
		if (tokens[index].punctuation) {
			cut = index;
			break;
		}
	}
	const end = tokens[cut].start.offset;
	let clauseStart = match.start;
	while (clauseStart > 0 && !tokens[clauseStart - 1].punctuation) clauseStart--;
	for (const from of [0, clauseStart]) {
		const suggestion = sentenceBetween(text, lang, startOffset(text, tokens, from), end);
		if (suggestion && suggestion.length <= MAX_SUGGESTION) return suggestion;
	}
	return null;
}

/** Where a token starts, including an elision apostrophe the parser split off ("'k", "'t"). */
function startOffset(text: string, tokens: SuggestionContext['tokens'], index: number): number {
	const token = tokens[index];
	let offset = token.start.offset;
	if (token.end.offset - offset === 1) while (offset > 0 && APOSTROPHES.has(text[offset - 1])) offset--;
	return offset;
}

function sentenceBetween(text: string, lang: string, start: number, end: number): string | null {
	const words = text
		.slice(start, end)
		.replace(/\s+/g, ' ')
		// Whatever closes the clause (",", " –", ";", "…") gives way to the full stop.
		.replace(/[\s\p{P}\p{S}]+$/u, '')
		.trim();
	if (!/\p{L}/u.test(words)) return null;
	return `${words.charAt(0).toLocaleUpperCase(lang)}${words.slice(1)}.`;
}

/** `but-apology`: see RULE_INFO['but-apology'] and docs/coach.md. */
const butApology = createPatternRule('but-apology', suggestRegretAlone);
export default butApology;
