import { describe, expect, it } from 'vitest';
import { sizeOrder } from './bench-order';

describe('sizeOrder', () => {
	it('measures small first on even routes and large first on odd ones', () => {
		expect(sizeOrder([100, 10_000], 0)).toEqual([100, 10_000]);
		expect(sizeOrder([100, 10_000], 1)).toEqual([10_000, 100]);
		expect(sizeOrder([100, 10_000], 2)).toEqual([100, 10_000]);
	});

	it('puts each size first equally often over an even number of routes', () => {
		const firsts = Array.from({ length: 10 }, (_, i) => sizeOrder([100, 10_000], i)[0]);
		expect(firsts.filter((size) => size === 100)).toHaveLength(5);
	});

	it('leaves a single size alone, and never reorders the caller’s list', () => {
		const sizes = [5, 25, 125];
		expect(sizeOrder([1_000], 1)).toEqual([1_000]);
		expect(sizeOrder(sizes, 1)).toEqual([125, 25, 5]);
		expect(sizes).toEqual([5, 25, 125]);
	});
});
