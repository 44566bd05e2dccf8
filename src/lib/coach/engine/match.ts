import { accepts, compilePattern, lengthsAt, type Alternatives, type Element, type Pattern, type WordSets } from './pattern';
import type { Token } from './tokens';

/** A pattern found in a sentence: token indices, end exclusive. */
export interface Match {
	start: number;
	end: number;
	reportStart: number;
	reportEnd: number;
	gaps: number[];
	pattern: Pattern;
}

/**
 * Patterns compiled once and indexed by the words they can start with, so a sentence is scanned
 * once per token instead of once per pattern (keeps analysis linear in text length).
 */
export class PatternSet {
	/** Patterns under the words of their rarest required element: no such word in a sentence, no need to try. */
	private readonly byAnchor = new Map<string, Pattern[]>();
	private readonly unanchored: Pattern[] = [];
	private readonly byWord = new Map<string, Pattern[]>();
	private readonly byPrefix: { prefix: string; pattern: Pattern }[] = [];
	private readonly scanned: Pattern[] = [];

	constructor(sources: readonly string[], sets: WordSets) {
		for (const source of sources) this.add(compilePattern(source, sets));
	}

	/** Every match in one sentence, in order of start. */
	findAll(tokens: readonly Token[]): Match[] {
		const matches: Match[] = [];
		const relevant = new Set<Pattern>(this.unanchored);
		for (const token of tokens) {
			for (const form of token.forms) {
				const anchored = this.byAnchor.get(form);
				if (anchored) for (const pattern of anchored) relevant.add(pattern);
			}
		}
		if (relevant.size === 0) return matches;
		const candidates = new Set<Pattern>();
		for (let index = 0; index < tokens.length; index++) {
			candidates.clear();
			for (const form of tokens[index].forms) {
				const listed = this.byWord.get(form);
				if (listed) for (const pattern of listed) if (relevant.has(pattern)) candidates.add(pattern);
				for (const { prefix, pattern } of this.byPrefix) {
					if (form.startsWith(prefix) && relevant.has(pattern)) candidates.add(pattern);
				}
			}
			for (const pattern of this.scanned) if (relevant.has(pattern)) candidates.add(pattern);
			for (const pattern of candidates) {
				const match = matchAt(pattern, tokens, index);
				if (match) matches.push(match);
			}
		}
		return matches;
	}

	private add(pattern: Pattern): void {
		this.anchor(pattern);
		const first = pattern.elements.find((element) => element.kind !== 'mark');
		if (first?.kind !== 'token' || first.optional || first.test.suffixes.length > 0) {
			this.scanned.push(pattern);
			return;
		}
		const starts = [...first.test.exact, ...first.test.sequences.map((sequence) => sequence[0])];
		for (const word of new Set(starts)) {
			const list = this.byWord.get(word) ?? [];
			list.push(pattern);
			this.byWord.set(word, list);
		}
		for (const prefix of first.test.prefixes) this.byPrefix.push({ prefix, pattern });
	}

	private anchor(pattern: Pattern): void {
		let best: string[] | undefined;
		let bestCost = Infinity;
		for (const element of pattern.elements) {
			const words = anchorWords(element);
			if (!words) continue;
			const cost = words.reduce((sum, word) => sum + (FREQUENT.has(word) ? 40 : 1), 0);
			if (cost < bestCost) {
				best = words;
				bestCost = cost;
			}
		}
		if (!best) {
			this.unanchored.push(pattern);
			return;
		}
		for (const word of new Set(best)) {
			const list = this.byAnchor.get(word) ?? [];
			list.push(pattern);
			this.byAnchor.set(word, list);
		}
	}
}

// Words in nearly every sentence make poor anchors; a rarer required word filters far more.
const FREQUENT = new Set(
	'a am and are be de dat die een en er het i ik in is it je jij me met mij mijn my niet not of op that the to u van was we wij with you'.split(' ')
);

function anchorWords(element: Element): string[] | undefined {
	if (element.kind !== 'token' || element.optional) return undefined;
	if (element.test.prefixes.length > 0 || element.test.suffixes.length > 0) return undefined;
	return [...element.test.exact, ...element.test.sequences.map((sequence) => sequence[0])];
}

function matchAt(pattern: Pattern, tokens: readonly Token[], start: number): Match | undefined {
	const gaps: number[] = [];
	let reportStart = -1;
	let reportEnd = -1;
	const { elements } = pattern;

	// Shortest gaps first, so the reported span is as tight as the pattern allows.
	const step = (elementIndex: number, tokenIndex: number): number => {
		if (elementIndex === elements.length) return tokenIndex;
		const element = elements[elementIndex];
		switch (element.kind) {
			case 'mark': {
				const saved = element.side === 'start' ? reportStart : reportEnd;
				if (element.side === 'start') reportStart = tokenIndex;
				else reportEnd = tokenIndex;
				const end = step(elementIndex + 1, tokenIndex);
				if (end < 0) {
					if (element.side === 'start') reportStart = saved;
					else reportEnd = saved;
				}
				return end;
			}
			case 'not':
				if (lengthsAt(element.test, tokens, tokenIndex).length > 0) return -1;
				return step(elementIndex + 1, tokenIndex);
			case 'gap': {
				const mark = gaps.length;
				for (let skip = 0; skip <= element.max; skip++) {
					const end = step(elementIndex + 1, tokenIndex + skip);
					if (end >= 0) return end;
					const skipped = tokens[tokenIndex + skip];
					if (!skipped || (skipped.punctuation && !element.crossPunctuation)) break;
					gaps.push(tokenIndex + skip);
				}
				gaps.length = mark;
				return -1;
			}
			case 'token': {
				for (const length of lengthsAt(element.test, tokens, tokenIndex)) {
					const end = step(elementIndex + 1, tokenIndex + length);
					if (end >= 0) return end;
				}
				return element.optional ? step(elementIndex + 1, tokenIndex) : -1;
			}
		}
	};

	const end = step(0, start);
	if (end <= start) return undefined;
	return {
		start,
		end,
		reportStart: reportStart >= 0 ? reportStart : start,
		reportEnd: reportEnd >= 0 ? reportEnd : end,
		gaps: [...gaps],
		pattern
	};
}

/** Whether a blocker word stands in the match's gaps or in the same clause just before it. */
export function isBlocked(match: Match, tokens: readonly Token[], blockers: Alternatives, window: number): boolean {
	for (const index of match.gaps) if (accepts(blockers, tokens[index].forms)) return true;
	for (let index = match.start - 1; index >= 0 && index >= match.start - window; index--) {
		if (tokens[index].punctuation) break;
		if (accepts(blockers, tokens[index].forms)) return true;
	}
	return false;
}

/** Whether two matches share a token. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
	return a.start < b.end && b.start < a.end;
}
