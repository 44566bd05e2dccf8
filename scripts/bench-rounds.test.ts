import { describe, expect, it } from 'vitest';
import { addStatuses, combineRounds, median, pairedGrowth, type Figures } from './bench-rounds';

const run = (p95: number, more: Partial<Figures> = {}): Figures => ({
	requests: 1_000,
	rps: 100,
	p50: p95 / 2,
	p95,
	p99: p95 * 1.5,
	errors: 0,
	statuses: '',
	cpuPerRequest: 5,
	queriesPerRequest: 4,
	actorSettingsPerRequest: 1,
	...more
});

describe('median', () => {
	it('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([30, 10, 20])).toBe(20);
		expect(median([40, 10, 30, 20])).toBe(25);
		expect(median([7])).toBe(7);
	});

	it('leaves out runs without a figure, and has none for no runs', () => {
		expect(median([NaN, 3, 9])).toBe(6);
		expect(median([])).toBeNaN();
		expect(median([NaN])).toBeNaN();
	});
});

describe('combineRounds', () => {
	it('gives each figure its median over the rounds, not the figures of one round', () => {
		const combined = combineRounds([run(100, { rps: 300, cpuPerRequest: 4 }), run(300, { rps: 100, cpuPerRequest: 6 }), run(200, { rps: 200, cpuPerRequest: 9 })]);
		expect(combined.p95).toBe(200);
		expect(combined.rps).toBe(200);
		expect(combined.cpuPerRequest).toBe(6);
		expect(combined.p50).toBe(100);
	});

	it('adds up requests, errors and the status codes of every round', () => {
		const combined = combineRounds([run(100, { errors: 3, statuses: '503×3' }), run(100, { errors: 0 }), run(100, { errors: 3, statuses: '503×2 timeout×1' })]);
		expect(combined.requests).toBe(3_000);
		expect(combined.errors).toBe(6);
		expect(combined.statuses).toBe('503×5 timeout×1');
	});

	it('keeps a single round as it was', () => {
		const one = run(123, { statuses: '500×1', errors: 1 });
		expect(combineRounds([one])).toEqual(one);
	});

	it('refuses to make figures out of no runs', () => {
		expect(() => combineRounds([])).toThrow(/no runs/);
	});
});

describe('addStatuses', () => {
	it('sums each code over the lists and ignores empty ones', () => {
		expect(addStatuses(['', '503×1', '429×2 503×4'])).toBe('503×5 429×2');
		expect(addStatuses(['', ''])).toBe('');
	});
});

describe('pairedGrowth', () => {
	it('compares the sizes round by round, so a slow round at both sizes does not count as growth', () => {
		// Round 2 was slow for both sizes (the machine was busy); the medians of p95 alone would
		// compare 100 against 110 however the rounds lay, the rounds themselves say 1.1× each time.
		const growth = pairedGrowth([100, 400, 100], [110, 440, 110]);
		expect(growth?.median).toBeCloseTo(1.1);
		expect(growth?.low).toBeCloseTo(1.1);
		expect(growth?.high).toBeCloseTo(1.1);
		expect(growth?.rounds).toBe(3);
	});

	it('gives the median ratio and the range of the rounds', () => {
		const growth = pairedGrowth([100, 100, 100], [90, 150, 120]);
		expect(growth).toEqual({ median: 1.2, low: 0.9, high: 1.5, rounds: 3 });
	});

	it('leaves out rounds without both figures, and gives nothing when none is left', () => {
		const two = pairedGrowth([100, NaN, 100], [120, 130, 140]);
		expect(two?.median).toBeCloseTo(1.3);
		expect([two?.low, two?.high, two?.rounds]).toEqual([1.2, 1.4, 2]);
		expect(pairedGrowth([NaN], [100])).toBeNull();
		expect(pairedGrowth([], [])).toBeNull();
	});
});
