import type { Paragraph, Root, Sentence } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { normalizeWord } from './normalize';

/** A point in the original text (unist style). */
export interface Point {
	line: number;
	column: number;
	offset: number;
}

/** One word or punctuation mark of a sentence, with every form it may stand for. */
export interface Token {
	forms: readonly string[];
	punctuation: boolean;
	start: Point;
	end: Point;
}

/** Expands a normalised word into the words it stands for ("i'm" → "i am"); data is written in the long form. */
export type Expansions = ReadonlyMap<string, readonly (readonly string[])[]>;

// Quotes wrap words ("het was niet 'maar een kus'") without changing what the sentence says.
const QUOTES = new Set(['"', "'", '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\u2018', '\u2019', '`', '\u00B4']);

const cache = new WeakMap<Root, Token[][]>();

/** The sentences of a tree as token lists, computed once per tree and shared by all rules. */
export function sentencesOf(tree: Root, expansions: Expansions): Token[][] {
	let sentences = cache.get(tree);
	if (!sentences) {
		sentences = [];
		for (let at = 0; at < tree.children.length; at++) {
			const paragraph = tree.children[at];
			if (paragraph.type !== 'ParagraphNode') continue;
			const { children } = paragraph as Paragraph;
			for (let index = 0; index < children.length; index++) {
				const sentence = children[index];
				if (sentence.type === 'SentenceNode') tokenize(sentence, expansions, sentences);
			}
		}
		cache.set(tree, sentences);
	}
	return sentences;
}

/**
 * Appends the sentence's tokens to `sentences`. The parsers take a word with a full stop before a
 * lowercase word for an abbreviation ("tell you. i hurt you"); unless it is a known abbreviation,
 * such a word is split into the word and a full stop, and a new sentence starts after it.
 */
function tokenize(sentence: Sentence, expansions: Expansions, sentences: Token[][]): void {
	let tokens: Token[] = [];
	const formsOf = formsCacheOf(expansions);
	const { children } = sentence;
	for (let at = 0; at < children.length; at++) {
		const node = children[at];
		if (!node.position) continue;
		const start = node.position.start as Point;
		const end = node.position.end as Point;
		if (node.type === 'WordNode') {
			// Nearly every word is one text node: read its value without serialising the node.
			const only = node.children.length === 1 ? node.children[0] : undefined;
			const raw = only && 'value' in only ? only.value : toString(node);
			const stop = stopAfter(raw);
			if (stop) {
				const wordEnd = { line: end.line, column: end.column - 1, offset: end.offset - 1 };
				const forms = formsFor(normalizeWord(stop), expansions);
				for (let index = 0; index < forms.length; index++) {
					tokens.push({ forms: forms[index], punctuation: false, start, end: wordEnd });
				}
				tokens.push({ forms: FULL_STOP, punctuation: true, start: wordEnd, end });
				sentences.push(tokens);
				tokens = [];
				continue;
			}
			let positions = formsOf.get(raw);
			if (!positions) {
				positions = formsFor(normalizeWord(raw), expansions);
				if (formsOf.size >= FORMS_CACHE_LIMIT) formsOf.clear();
				formsOf.set(raw, positions);
			}
			for (let index = 0; index < positions.length; index++) {
				tokens.push({ forms: positions[index], punctuation: false, start, end });
			}
		} else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
			const mark = toString(node);
			if (QUOTES.has(mark)) continue;
			let forms = MARK_FORMS.get(mark);
			if (!forms) {
				forms = Object.freeze([mark]);
				if (MARK_FORMS.size >= FORMS_CACHE_LIMIT) MARK_FORMS.clear();
				MARK_FORMS.set(mark, forms);
			}
			tokens.push({ forms, punctuation: true, start, end });
		}
	}
	if (tokens.length > 0) sentences.push(tokens);
}

const FULL_STOP: readonly string[] = Object.freeze(['.']);

// Abbreviations that may stand before a lowercase word without ending the sentence.
const ABBREVIATIONS = new Set([
	'approx', 'bijv', 'bv', 'ca', 'dhr', 'dr', 'enz', 'etc', 'evt', 'excl', 'incl', 'jr', 'mevr',
	'mr', 'mrs', 'ms', 'mw', 'nl', 'nr', 'o', 'resp', 'sr', 'st', 'vb', 'vgl', 'vs', 'zgn'
]);

/** The word without its full stop when the parser kept one on a word that is no abbreviation. */
function stopAfter(raw: string): string | undefined {
	if (raw.length < 2 || !raw.endsWith('.')) return undefined;
	const stem = raw.slice(0, -1);
	if (stem.includes('.') || !/\p{L}$/u.test(stem) || ABBREVIATIONS.has(stem.toLowerCase())) return undefined;
	return stem;
}

/**
 * The forms of each token a normalised word stands for. Computed once per distinct word and
 * shared (frozen) by every token of that word, so long texts do not allocate per occurrence.
 */
function formsFor(word: string, expansions: Expansions): readonly (readonly string[])[] {
	// parse-dutch splits the Flemish "'k" into a quote and "k".
	const expanded = expansions.get(word) ?? (word === 'k' ? [['ik']] : trailingDot(word));
	const width = Math.max(...expanded.map((alternative) => alternative.length));
	const positions: (readonly string[])[] = [];
	for (let index = 0; index < width; index++) {
		const forms = expanded.map((alternative) => alternative[index] ?? '');
		positions.push(Object.freeze([...new Set(forms)]));
	}
	return Object.freeze(positions);
}

/**
 * parse-dutch keeps a full stop on words it takes for abbreviations ("op." in "ik had te veel op."):
 * such a word also stands for itself without the stop.
 */
function trailingDot(word: string): string[][] {
	if (word.length < 2 || !word.endsWith('.') || word.slice(0, -1).includes('.')) return [[word]];
	return [[word], [word.slice(0, -1)]];
}

// Word → forms, per expansion table. Bounded so that a stream of distinct words cannot grow it forever.
const FORMS_CACHE_LIMIT = 20_000;
const MARK_FORMS = new Map<string, readonly string[]>();
const formsCaches = new WeakMap<Expansions, Map<string, readonly (readonly string[])[]>>();

function formsCacheOf(expansions: Expansions): Map<string, readonly (readonly string[])[]> {
	let forms = formsCaches.get(expansions);
	if (!forms) {
		forms = new Map();
		formsCaches.set(expansions, forms);
	}
	return forms;
}
