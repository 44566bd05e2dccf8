import { isBlocked, overlaps, PatternSet, type Match } from './match';
import { compilePattern, type Alternatives, type WordSets } from './pattern';
import type { Token } from './tokens';

/**
 * The shape of `data/<lang>/<rule-id>.json`. Lists are sorted and unique (checked by a test).
 *
 * - `patterns`: what the rule looks for (see `pattern.ts` for the pattern language).
 * - `exceptions`: a pattern match is dropped when an exception matches tokens it overlaps
 *   ("niet alleen …, maar ook" is no but-apology).
 * - `blockers` and `blockWindow`: a match is dropped when a blocker word (usually `@negation`)
 *   stands in one of its gaps, or up to `blockWindow` words before it in the same clause
 *   ("ik ga niet doen alsof het niets betekende" is no minimizing).
 * - `unblocked`: patterns the blockers do not apply to, for shapes whose negation is part of what
 *   they look for (counterfactual blame: "als jij er niet … was geweest, was het nooit gebeurd").
 *   Exceptions still apply.
 * - `sets`: word sets only this rule uses, next to the shared ones in `common.json`.
 */
export interface RuleData {
	$comment?: string;
	sets?: Record<string, string[]>;
	patterns: string[];
	unblocked?: string[];
	exceptions?: string[];
	blockers?: string[];
	blockWindow?: number;
}

/** Shared data per language: word sets and contraction expansions. */
export interface CommonData {
	$comment?: string;
	sets: Record<string, string[]>;
	expansions?: Record<string, string[]>;
}

/** A rule's data, compiled once. */
export class CompiledRule {
	private readonly patterns: PatternSet;
	private readonly unblocked: PatternSet;
	private readonly exceptions: PatternSet;
	private readonly blockers: Alternatives | undefined;
	private readonly window: number;

	constructor(data: RuleData, common: CommonData) {
		const sets: WordSets = { ...common.sets, ...data.sets };
		this.patterns = new PatternSet(data.patterns, sets);
		this.unblocked = new PatternSet(data.unblocked ?? [], sets);
		this.exceptions = new PatternSet(data.exceptions ?? [], sets);
		this.window = data.blockWindow ?? 0;
		if (data.blockers && data.blockers.length > 0) {
			const blocker = compilePattern(data.blockers.join('|'), sets).elements[0];
			this.blockers = blocker.kind === 'token' ? blocker.test : undefined;
		}
	}

	/** Non-overlapping matches that survive exceptions and blockers, in order. */
	find(tokens: readonly Token[]): Match[] {
		const blockable = this.patterns.findAll(tokens);
		const unblocked = this.unblocked.findAll(tokens);
		if (blockable.length === 0 && unblocked.length === 0) return [];
		const candidates = unblocked.length === 0 ? blockable : mergeByStart(blockable, unblocked);
		const exceptions = this.exceptions.findAll(tokens);
		const kept: Match[] = [];
		for (const match of candidates) {
			if (exceptions.some((exception) => overlaps(exception, match))) continue;
			if (this.blockers && !unblocked.includes(match) && isBlocked(match, tokens, this.blockers, this.window)) continue;
			if (kept.some((other) => overlaps(other, match))) continue;
			kept.push(match);
		}
		return kept;
	}
}

/** Two lists of matches, each in order of start, as one list in order of start (stable: `a` first on ties). */
function mergeByStart(a: readonly Match[], b: readonly Match[]): Match[] {
	const merged: Match[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) merged.push(a[i++]);
		else merged.push(b[j++]);
	}
	return merged;
}
