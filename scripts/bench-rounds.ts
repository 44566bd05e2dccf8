/**
 * `npm run bench -- --rounds N`: each route is measured N times at every size, and the report
 * gives each figure's median over the rounds. One 10-second run per page swings its p95 by up to
 * half either way on a shared machine (docs/benchmarks.md, stop 23), so a single run cannot hold a
 * page to the 1.2× growth budget; the median of several can.
 *
 * Growth is taken round by round: in each round the sizes are measured seconds apart, so the ratio
 * of their p95s cancels what the machine was doing at that moment; the report gives the median of
 * those ratios, and their range.
 */

/** The figures of one run of one route at one size (what `scripts/bench.ts` measures). */
export interface Figures {
	requests: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
	/** Status codes other than 2xx and how often each came, e.g. "503×289 timeout×2". */
	statuses: string;
	cpuPerRequest: number;
	queriesPerRequest: number;
	/** The actor pool's `set_config` round trips per request (a connection changing hands between people). */
	actorSettingsPerRequest: number;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
	const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
	if (!sorted.length) return NaN;
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "503×3 timeout×1" and "503×2" → "503×5 timeout×1". */
export function addStatuses(lists: readonly string[]): string {
	const counts = new Map<string, number>();
	for (const list of lists) {
		for (const part of list.split(' ').filter(Boolean)) {
			const [code, count] = part.split('×');
			counts.set(code, (counts.get(code) ?? 0) + Number(count));
		}
	}
	return [...counts].map(([code, count]) => `${code}×${count}`).join(' ');
}

/** Several rounds' runs as one: the median of each rate and latency, the sum of requests and errors. */
export function combineRounds<T extends Figures>(runs: readonly T[]): Figures {
	if (!runs.length) throw new Error('combineRounds: no runs');
	if (runs.length === 1) return { ...runs[0] };
	const of = (key: 'rps' | 'p50' | 'p95' | 'p99' | 'cpuPerRequest' | 'queriesPerRequest' | 'actorSettingsPerRequest') => median(runs.map((r) => r[key]));
	return {
		requests: runs.reduce((sum, r) => sum + r.requests, 0),
		rps: of('rps'),
		p50: of('p50'),
		p95: of('p95'),
		p99: of('p99'),
		errors: runs.reduce((sum, r) => sum + r.errors, 0),
		statuses: addStatuses(runs.map((r) => r.statuses)),
		cpuPerRequest: of('cpuPerRequest'),
		queriesPerRequest: of('queriesPerRequest'),
		actorSettingsPerRequest: of('actorSettingsPerRequest')
	};
}

export interface Growth {
	/** The median over the rounds of p95 at this size over p95 at the base size. */
	median: number;
	low: number;
	high: number;
	rounds: number;
}

/**
 * p95 growth from the base size, round by round (the two p95s of a round were measured seconds
 * apart). Rounds where either size has no figure are left out; null when none is left.
 */
export function pairedGrowth(baseP95: readonly number[], p95: readonly number[]): Growth | null {
	const ratios: number[] = [];
	for (let i = 0; i < Math.min(baseP95.length, p95.length); i++) {
		const ratio = p95[i] / baseP95[i];
		if (Number.isFinite(ratio)) ratios.push(ratio);
	}
	if (!ratios.length) return null;
	return { median: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios), rounds: ratios.length };
}
