import { describe, expect, it } from 'vitest';
import { CATEGORIES, NO_REPEAT_WEEKS, QUESTIONS, questionsFor, weekNumber, weekOf } from './questions';

describe('the hour’s questions (data)', () => {
	it('has at least 24 questions, each with a unique id, a known category and a Dutch and English text', () => {
		expect(QUESTIONS.length).toBeGreaterThanOrEqual(24);
		expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
		for (const q of QUESTIONS) {
			expect(CATEGORIES, q.id).toContain(q.category);
			for (const text of [q.nl, q.en]) {
				expect(text.trim().length, q.id).toBeGreaterThan(10);
				expect(text, q.id).toMatch(/\?$/);
			}
			expect(q.nl, q.id).not.toBe(q.en);
		}
	});

	it('has enough questions in every category for eight weeks without a repeat', () => {
		expect(CATEGORIES.length).toBeGreaterThanOrEqual(3);
		for (const category of CATEGORIES) expect(QUESTIONS.filter((q) => q.category === category).length, category).toBeGreaterThanOrEqual(NO_REPEAT_WEEKS);
	});
});

describe('the hour’s week and rotation', () => {
	const weeks = (from: string, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T12:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10));

	it('counts weeks from Monday in the chosen time zone', () => {
		expect(weekOf(new Date('2026-12-02T12:00:00Z'))).toBe('2026-11-30');
		// Sunday 23:30 UTC is Monday 00:30 in Amsterdam, still Sunday in New York.
		expect(weekOf(new Date('2026-12-06T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-12-07');
		expect(weekOf(new Date('2026-12-06T23:30:00Z'), 'America/New_York')).toBe('2026-11-30');
		expect(weekNumber('2026-12-07') - weekNumber('2026-11-30')).toBe(1);
		// Across a new year the count goes on.
		expect(weekNumber('2027-01-04') - weekNumber('2026-12-28')).toBe(1);
	});

	it('gives one question of every category a week, the same for the same couple and week', () => {
		const set = questionsFor('couple-a', '2026-11-30');
		expect(set.map((q) => q.category)).toEqual([...CATEGORIES]);
		expect(questionsFor('couple-a', '2026-11-30')).toEqual(set);
	});

	it('repeats no question within eight weeks, for any couple and any stretch of weeks', () => {
		for (const scope of ['couple-a', 'couple-b', '3f0e8a9c-1d2b-4c5d-8e7f-0a1b2c3d4e5f', 'solo-user']) {
			const ids = weeks('2026-01-05', 60).map((week) => questionsFor(scope, week).map((q) => q.id));
			for (let start = 0; start + NO_REPEAT_WEEKS <= ids.length; start++) {
				const window = ids.slice(start, start + NO_REPEAT_WEEKS).flat();
				expect(new Set(window).size, `${scope} from week ${start}`).toBe(window.length);
			}
		}
	});

	it('does not give every couple the same order', () => {
		const order = (scope: string) => weeks('2026-11-30', 8).map((w) => questionsFor(scope, w)[0]!.id).join();
		const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map(order));
		expect(orders.size).toBeGreaterThan(1);
	});
});
