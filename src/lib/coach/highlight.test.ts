import { describe, expect, it } from 'vitest';
import type { Finding } from '$lib/coach';
import { segments } from './highlight';

const finding = (offset: number, endOffset: number, ruleId = 'minimizing'): Finding =>
	({ ruleId, severity: 'warning', message: '', line: 1, column: offset + 1, offset, endOffset, actual: '', expected: null }) as Finding;

describe('highlight segments', () => {
	it('keeps every character once, in order, and marks the findings', () => {
		const text = 'Het was maar een foutje, sorry.';
		const parts = segments(text, [finding(17, 23), finding(0, 0, 'missing-commitment')]);
		expect(parts.map((p) => p.text).join('')).toBe(text);
		expect(parts.filter((p) => p.ruleId).map((p) => p.text)).toEqual(['foutje']);
		expect(parts.find((p) => p.ruleId)?.index).toBe(0);
	});

	it('drops a finding that overlaps an earlier one', () => {
		const text = 'abcdefghij';
		const parts = segments(text, [finding(2, 6), finding(4, 8, 'blame-shift')]);
		expect(parts.map((p) => p.text).join('')).toBe(text);
		expect(parts.filter((p) => p.ruleId).map((p) => p.ruleId)).toEqual(['minimizing']);
	});
});
