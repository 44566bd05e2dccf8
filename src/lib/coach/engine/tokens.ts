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
		for (const paragraph of tree.children) {
			if (paragraph.type !== 'ParagraphNode') continue;
			for (const sentence of (paragraph as Paragraph).children) {
				if (sentence.type === 'SentenceNode') sentences.push(tokenize(sentence, expansions));
			}
		}
		cache.set(tree, sentences);
	}
	return sentences;
}

function tokenize(sentence: Sentence, expansions: Expansions): Token[] {
	const tokens: Token[] = [];
	for (const node of sentence.children) {
		if (!node.position) continue;
		const start = node.position.start as Point;
		const end = node.position.end as Point;
		if (node.type === 'WordNode') {
			const word = normalizeWord(toString(node));
			// parse-dutch splits the Flemish "'k" into a quote and "k".
			const expanded = expansions.get(word) ?? (word === 'k' ? [['ik']] : [[word]]);
			const width = Math.max(...expanded.map((alternative) => alternative.length));
			for (let index = 0; index < width; index++) {
				const forms = expanded.map((alternative) => alternative[index] ?? '');
				tokens.push({ forms: [...new Set(forms)], punctuation: false, start, end });
			}
		} else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
			const mark = toString(node);
			if (QUOTES.has(mark)) continue;
			tokens.push({ forms: [mark], punctuation: true, start, end });
		}
	}
	return tokens;
}
