import { describe, expect, it } from 'vitest';
import { remembered } from './remembered';

describe('remembered', () => {
	it('computes each key once and gives the same answer again', () => {
		const asked: string[] = [];
		const length = remembered((key: string) => (asked.push(key), key.length));
		expect([length('ab'), length('abc'), length('ab')]).toEqual([2, 3, 2]);
		expect(asked).toEqual(['ab', 'abc']);
	});

	it('forgets everything once it holds its limit, and still answers right', () => {
		const asked: number[] = [];
		const double = remembered((n: number) => (asked.push(n), n * 2), 2);
		double(1);
		double(2);
		double(3); // full: 1 and 2 are forgotten, 3 is kept
		expect(double(3)).toBe(6);
		expect(double(1)).toBe(2);
		expect(asked).toEqual([1, 2, 3, 1]);
	});
});
