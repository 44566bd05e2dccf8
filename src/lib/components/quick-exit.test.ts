import { describe, expect, it } from 'vitest';
import { ESCAPE_WINDOW_MS, quickExitTarget, tripleEscape } from './quick-exit';

describe('tripleEscape', () => {
	function pressing() {
		let now = 0;
		let left = 0;
		const onKey = tripleEscape(
			() => left++,
			() => now
		);
		return {
			press: (key: string, at: number) => {
				now = at;
				onKey({ key });
			},
			left: () => left
		};
	}

	it('leaves at the third Escape within the window', () => {
		const keys = pressing();
		keys.press('Escape', 0);
		keys.press('Escape', 500);
		expect(keys.left()).toBe(0);
		keys.press('Escape', ESCAPE_WINDOW_MS - 1);
		expect(keys.left()).toBe(1);
	});

	it('does not leave for presses spread wider than the window, or for other keys', () => {
		const keys = pressing();
		keys.press('Escape', 0);
		keys.press('Escape', 1000);
		keys.press('Escape', ESCAPE_WINDOW_MS + 1);
		expect(keys.left()).toBe(0);
		keys.press('Enter', ESCAPE_WINDOW_MS + 2);
		keys.press('a', ESCAPE_WINDOW_MS + 3);
		expect(keys.left()).toBe(0);
	});
});

describe('quickExitTarget', () => {
	it('is a neutral weather page in the reader’s language', () => {
		expect(quickExitTarget('nl')).toBe('https://www.knmi.nl/');
		expect(quickExitTarget('en')).toBe('https://www.bbc.com/weather');
	});
});
