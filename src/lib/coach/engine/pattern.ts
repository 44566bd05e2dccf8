import { normalizeWord } from './normalize';

/**
 * The pattern language of the data files, one pattern per string, elements separated by spaces:
 *
 * | element      | matches                                                              |
 * | ------------ | -------------------------------------------------------------------- |
 * | `word`       | a token with that form (case, diacritics and apostrophes folded)     |
 * | `word*`      | a token starting with `word`; `*word` one ending with it             |
 * | `@set`       | a token in a named word set (`sets` in `common.json` or the file)    |
 * | `a\|b\|@set` | any of the alternatives                                              |
 * | `in_de_war`  | a sequence of words, usable as one alternative (`_` joins words)     |
 * | `(a\|b)`     | optionally one such token                                            |
 * | `!a\|b`      | zero-width: the next token is none of these (or the sentence ends)   |
 * | `..N`        | a gap of 0 to N words inside one clause (no punctuation crossed)     |
 * | `...N`       | a gap of 0 to N tokens anywhere in the sentence                      |
 * | `[` … `]`    | the part to report; the whole match when absent                      |
 *
 * Patterns never cross sentences. Punctuation marks (`,` `?`) are literal elements.
 */
export type Element =
	| { kind: 'token'; test: Alternatives; optional: boolean }
	| { kind: 'not'; test: Alternatives }
	| { kind: 'gap'; max: number; crossPunctuation: boolean }
	| { kind: 'mark'; side: 'start' | 'end' };

/** Alternatives of one element, split by how they are tested. */
export interface Alternatives {
	exact: Set<string>;
	prefixes: string[];
	suffixes: string[];
	sequences: string[][];
}

/** A compiled pattern; `source` keeps the text for error messages and notes. */
export interface Pattern {
	source: string;
	elements: Element[];
}

/** Named word sets a pattern may refer to with `@name`. */
export type WordSets = Readonly<Record<string, readonly string[]>>;

const GAP = /^(\.{2,3})(\d+)$/;

/** Compiles one pattern string; throws on unknown sets or malformed elements so bad data fails its test. */
export function compilePattern(source: string, sets: WordSets): Pattern {
	const elements: Element[] = [];
	for (const part of source.trim().split(/\s+/)) {
		const gap = GAP.exec(part);
		if (gap) {
			elements.push({ kind: 'gap', max: Number(gap[2]), crossPunctuation: gap[1] === '...' });
		} else if (part === '[' || part === ']') {
			elements.push({ kind: 'mark', side: part === '[' ? 'start' : 'end' });
		} else if (part.startsWith('!') && part.length > 1) {
			elements.push({ kind: 'not', test: alternatives(part.slice(1), sets, source) });
		} else if (part.startsWith('(') && part.endsWith(')') && part.length > 2) {
			elements.push({ kind: 'token', test: alternatives(part.slice(1, -1), sets, source), optional: true });
		} else {
			elements.push({ kind: 'token', test: alternatives(part, sets, source), optional: false });
		}
	}
	if (!elements.some((element) => element.kind === 'token' && !element.optional)) {
		throw new Error(`Pattern needs at least one required word: "${source}"`);
	}
	return { source, elements };
}

function alternatives(part: string, sets: WordSets, source: string): Alternatives {
	const result: Alternatives = { exact: new Set(), prefixes: [], suffixes: [], sequences: [] };
	for (const alternative of part.split('|')) {
		if (alternative === '') throw new Error(`Empty alternative in "${source}"`);
		if (alternative.startsWith('@')) {
			const set = sets[alternative.slice(1)];
			if (!set) throw new Error(`Unknown set ${alternative} in "${source}"`);
			for (const word of set) addWord(result, word);
		} else {
			addWord(result, alternative);
		}
	}
	return result;
}

function addWord(result: Alternatives, word: string): void {
	const normal = normalizeWord(word);
	if (normal.includes('_') || normal.includes(' ')) result.sequences.push(normal.split(/[_ ]/).filter(Boolean));
	else if (normal.length > 1 && normal.endsWith('*')) result.prefixes.push(normal.slice(0, -1));
	else if (normal.length > 1 && normal.startsWith('*')) result.suffixes.push(normal.slice(1));
	else result.exact.add(normal);
}

const NONE: readonly number[] = Object.freeze([]);
const ONE: readonly number[] = Object.freeze([1]);

/** The numbers of tokens, from `index` on, that the alternatives can consume (0 when none). */
export function lengthsAt(test: Alternatives, tokens: readonly { forms: readonly string[] }[], index: number): readonly number[] {
	const token = tokens[index];
	if (!token) return NONE;
	// Most alternatives are single words; answer those without allocating.
	if (test.sequences.length === 0) return accepts(test, token.forms) ? ONE : NONE;
	const lengths: number[] = [];
	if (accepts(test, token.forms)) lengths.push(1);
	for (const sequence of test.sequences) {
		if (sequence.every((word, offset) => tokens[index + offset]?.forms.includes(word))) lengths.push(sequence.length);
	}
	return lengths;
}

/** Whether any form of a token satisfies the alternatives. */
export function accepts(test: Alternatives, forms: readonly string[]): boolean {
	// Index loops: this runs for nearly every token and pattern, so it must not allocate iterators.
	const { exact, prefixes, suffixes } = test;
	for (let index = 0; index < forms.length; index++) {
		const form = forms[index];
		if (exact.has(form)) return true;
		for (let at = 0; at < prefixes.length; at++) if (form.startsWith(prefixes[at])) return true;
		for (let at = 0; at < suffixes.length; at++) if (form.endsWith(suffixes[at])) return true;
	}
	return false;
}
