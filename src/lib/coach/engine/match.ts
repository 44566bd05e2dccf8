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
 *
 * `findAll` runs once per sentence and rule, so it allocates nothing but its result: which patterns
 * are relevant or already candidates is tracked with generation stamps instead of fresh sets, which
 * keeps garbage (and with it collection time, which grows with the size of the live tree) low.
 */
export class PatternSet {
	private readonly patterns: Pattern[] = [];
	/** Patterns under the words of their rarest required element: no such word in a sentence, no need to try. */
	private readonly byAnchor = new Map<string, number[]>();
	private readonly unanchored: number[] = [];
	private readonly byWord = new Map<string, number[]>();
	private readonly byPrefix: { prefix: string; id: number }[] = [];
	private readonly scanned: number[] = [];
	/** `relevant[id] === relevantEpoch`: pattern `id` may match in the current sentence. */
	private relevant = new Uint32Array(0);
	private relevantEpoch = 0;
	/** `candidate[id] === candidateEpoch`: pattern `id` is already a candidate at the current token. */
	private candidate = new Uint32Array(0);
	private candidateEpoch = 0;
	/** Candidates at the current token, in the order they were found (reused; only the first `count` count). */
	private readonly candidates: number[] = [];

	constructor(sources: readonly string[], sets: WordSets) {
		for (const source of sources) this.add(compilePattern(source, sets));
		this.relevant = new Uint32Array(this.patterns.length);
		this.candidate = new Uint32Array(this.patterns.length);
	}

	/** Every match in one sentence, in order of start. */
	findAll(tokens: readonly Token[]): Match[] {
		const matches: Match[] = [];
		if (this.patterns.length === 0) return matches;
		const relevant = this.relevant;
		const epoch = (this.relevantEpoch = nextEpoch(this.relevantEpoch, relevant));
		let relevantCount = 0;
		const { unanchored } = this;
		for (let at = 0; at < unanchored.length; at++) {
			const id = unanchored[at];
			if (relevant[id] !== epoch) {
				relevant[id] = epoch;
				relevantCount++;
			}
		}
		for (let index = 0; index < tokens.length; index++) {
			const forms = tokens[index].forms;
			for (let at = 0; at < forms.length; at++) {
				const anchored = this.byAnchor.get(forms[at]);
				if (!anchored) continue;
				for (let listed = 0; listed < anchored.length; listed++) {
					const id = anchored[listed];
					if (relevant[id] !== epoch) {
						relevant[id] = epoch;
						relevantCount++;
					}
				}
			}
		}
		if (relevantCount === 0) return matches;
		const { candidates, candidate, byPrefix, scanned } = this;
		for (let index = 0; index < tokens.length; index++) {
			let count = 0;
			const mark = (this.candidateEpoch = nextEpoch(this.candidateEpoch, candidate));
			const forms = tokens[index].forms;
			for (let at = 0; at < forms.length; at++) {
				const form = forms[at];
				const listed = this.byWord.get(form);
				if (listed) {
					for (let entry = 0; entry < listed.length; entry++) {
						const id = listed[entry];
						if (relevant[id] === epoch && candidate[id] !== mark) {
							candidate[id] = mark;
							candidates[count++] = id;
						}
					}
				}
				for (let entry = 0; entry < byPrefix.length; entry++) {
					const { prefix, id } = byPrefix[entry];
					if (relevant[id] === epoch && candidate[id] !== mark && form.startsWith(prefix)) {
						candidate[id] = mark;
						candidates[count++] = id;
					}
				}
			}
			for (let entry = 0; entry < scanned.length; entry++) {
				const id = scanned[entry];
				if (relevant[id] === epoch && candidate[id] !== mark) {
					candidate[id] = mark;
					candidates[count++] = id;
				}
			}
			for (let entry = 0; entry < count; entry++) {
				const match = matchAt(this.patterns[candidates[entry]], tokens, index);
				if (match) matches.push(match);
			}
		}
		return matches;
	}

	private add(pattern: Pattern): void {
		const id = this.patterns.length;
		this.patterns.push(pattern);
		this.anchor(pattern, id);
		const first = pattern.elements.find((element) => element.kind !== 'mark');
		if (first?.kind !== 'token' || first.optional || first.test.suffixes.length > 0) {
			this.scanned.push(id);
			return;
		}
		const starts = [...first.test.exact, ...first.test.sequences.map((sequence) => sequence[0])];
		for (const word of new Set(starts)) {
			const list = this.byWord.get(word) ?? [];
			list.push(id);
			this.byWord.set(word, list);
		}
		for (const prefix of first.test.prefixes) this.byPrefix.push({ prefix, id });
	}

	private anchor(pattern: Pattern, id: number): void {
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
			this.unanchored.push(id);
			return;
		}
		for (const word of new Set(best)) {
			const list = this.byAnchor.get(word) ?? [];
			list.push(id);
			this.byAnchor.set(word, list);
		}
	}
}

/** The next generation stamp; when the counter would wrap, the stamps are cleared and counting restarts. */
function nextEpoch(epoch: number, stamps: Uint32Array): number {
	if (epoch < 0xffffffff) return epoch + 1;
	stamps.fill(0);
	return 1;
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

// State of the one match attempt in progress. `matchAt` is synchronous and never re-entered, so
// module-level state spares a closure and a gap list per attempt; most attempts fail at once.
let attemptElements: readonly Element[] = [];
const NO_TOKENS: readonly Token[] = [];
let attemptTokens: readonly Token[] = NO_TOKENS;
const attemptGaps: number[] = [];
let gapCount = 0;
let reportStart = -1;
let reportEnd = -1;

function matchAt(pattern: Pattern, tokens: readonly Token[], start: number): Match | undefined {
	attemptElements = pattern.elements;
	attemptTokens = tokens;
	gapCount = 0;
	reportStart = -1;
	reportEnd = -1;
	const end = step(0, start);
	const match =
		end <= start
			? undefined
			: {
					start,
					end,
					reportStart: reportStart >= 0 ? reportStart : start,
					reportEnd: reportEnd >= 0 ? reportEnd : end,
					gaps: attemptGaps.slice(0, gapCount),
					pattern
				};
	attemptTokens = NO_TOKENS;
	return match;
}

// Shortest gaps first, so the reported span is as tight as the pattern allows.
function step(elementIndex: number, tokenIndex: number): number {
	const elements = attemptElements;
	const tokens = attemptTokens;
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
			const mark = gapCount;
			for (let skip = 0; skip <= element.max; skip++) {
				const end = step(elementIndex + 1, tokenIndex + skip);
				if (end >= 0) return end;
				const skipped = tokens[tokenIndex + skip];
				if (!skipped || (skipped.punctuation && !element.crossPunctuation)) break;
				attemptGaps[gapCount++] = tokenIndex + skip;
			}
			gapCount = mark;
			return -1;
		}
		case 'token': {
			const lengths = lengthsAt(element.test, tokens, tokenIndex);
			for (let at = 0; at < lengths.length; at++) {
				const end = step(elementIndex + 1, tokenIndex + lengths[at]);
				if (end >= 0) return end;
			}
			return element.optional ? step(elementIndex + 1, tokenIndex) : -1;
		}
	}
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
