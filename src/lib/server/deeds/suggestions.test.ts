import { describe, expect, it } from 'vitest';
import { SUGGESTIONS, suggestionsFor } from './suggestions';
import { TEXT_LIMITS } from '$lib/schemas/limits';
import { hasControlCharacters } from '$lib/schemas/text';

/** The suggested commitments are data: checked here so a new one cannot break a form or a language. */
describe('suggested commitments', () => {
	it('has unique, stable kebab-case ids', () => {
		const ids = SUGGESTIONS.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
	});

	it('gives every suggestion a title and a why in Dutch and English, within the form’s limits', () => {
		for (const s of SUGGESTIONS) {
			for (const locale of ['nl', 'en'] as const) {
				const { title, why } = s[locale];
				expect(title.trim(), `${s.id} ${locale}`).not.toBe('');
				expect(why.trim(), `${s.id} ${locale}`).not.toBe('');
				expect(title.length).toBeLessThanOrEqual(TEXT_LIMITS.commitmentTitle);
				expect(why.length).toBeLessThanOrEqual(TEXT_LIMITS.commitmentWhy);
				expect(hasControlCharacters(title + why)).toBe(false);
			}
			// Two languages, two texts: a copy would mean a forgotten translation.
			expect(s.nl.title).not.toBe(s.en.title);
		}
	});

	it('has a valid rhythm, with weekdays exactly when the rhythm needs them', () => {
		for (const s of SUGGESTIONS) {
			expect(['daily', 'weekdays', 'weekly']).toContain(s.rhythm);
			if (s.rhythm === 'weekdays') {
				expect(s.weekdays?.length, s.id).toBeGreaterThan(0);
				for (const d of s.weekdays!) expect(d >= 1 && d <= 7, s.id).toBe(true);
			} else {
				expect(s.weekdays, s.id).toBeUndefined();
			}
		}
	});

	it('covers the practice’s examples: chores, kind messages, gratitude and a weekly relationship hour', () => {
		const ids = SUGGESTIONS.map((s) => s.id);
		expect(ids).toEqual(expect.arrayContaining(['household-share', 'late-message', 'say-thanks', 'relationship-hour']));
		expect(suggestionsFor('en').find((s) => s.id === 'say-thanks')?.title).toMatch(/grateful/);
	});
});
