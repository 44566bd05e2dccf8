import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BACKGROUND_COLOR, THEME_COLOR } from '$lib/server/offline/manifest';

const css = readFileSync('src/lib/styles/tokens.css', 'utf8');
const pairs = new Map([...css.matchAll(/--([\w-]+): light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\);/g)].map((m) => [m[1], { light: m[2], dark: m[3] }]));
const fallback = css.slice(css.indexOf('@supports not'));
const fallbackValues = new Map([...fallback.matchAll(/--([\w-]+): (#[0-9a-f]{6});/g)].map((m) => [m[1], m[2]]));

function luminance(hex: string) {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string) {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

describe('design tokens', () => {
	it('give every colour a light and a dark value, and the fallback the same light values', () => {
		expect(pairs.size).toBeGreaterThanOrEqual(15);
		expect(Object.fromEntries(fallbackValues)).toEqual(Object.fromEntries([...pairs].map(([name, v]) => [name, v.light])));
	});

	// Text 4.5:1, large text, controls and focus rings 3:1 (WCAG 2.2 AA 1.4.3 and 1.4.11).
	const needs: [fg: string, bg: string, ratio: number][] = [
		['text', 'bg', 4.5],
		['text', 'surface', 4.5],
		['text', 'surface-2', 4.5],
		['text', 'accent-soft', 4.5],
		['muted', 'bg', 4.5],
		['muted', 'surface', 4.5],
		['accent-strong', 'bg', 4.5],
		['accent-strong', 'surface', 4.5],
		['accent-strong', 'accent-soft', 4.5],
		['accent-text', 'accent', 4.5],
		['danger', 'surface', 4.5],
		['danger-text', 'danger', 4.5],
		['ok', 'surface', 4.5],
		['exit-text', 'exit-bg', 4.5],
		['text', 'mark', 4.5],
		['focus', 'bg', 3],
		['focus', 'surface', 3],
		['muted', 'surface', 3]
	];
	for (const scheme of ['light', 'dark'] as const) {
		it(`keeps text readable in the ${scheme} scheme`, () => {
			const low = needs
				.map(([fg, bg, ratio]) => ({ pair: `${fg} on ${bg}`, ratio, got: contrast(pairs.get(fg)![scheme], pairs.get(bg)![scheme]) }))
				.filter((check) => check.got < check.ratio)
				.map((check) => `${check.pair}: ${check.got.toFixed(2)} < ${check.ratio}`);
			expect(low).toEqual([]);
		});
	}

	it('give the manifest its colours', () => {
		expect(THEME_COLOR).toBe(pairs.get('accent')!.light);
		expect(BACKGROUND_COLOR).toBe(pairs.get('bg')!.light);
	});
});
