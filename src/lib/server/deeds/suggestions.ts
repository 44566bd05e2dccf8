import data from './suggestions.json';
import type { RhythmKind } from '../db/tables/deeds';

/**
 * Commitments we suggest, written in both languages (practice 3: chores, kind messages,
 * gratitude, a weekly relationship hour). Data, not code; suggestions.test.ts checks it.
 */
export interface Suggestion {
	id: string;
	rhythm: RhythmKind;
	weekdays?: number[];
	nl: { title: string; why: string };
	en: { title: string; why: string };
}

export const SUGGESTIONS = data as Suggestion[];

export function suggestionsFor(locale: 'nl' | 'en') {
	return SUGGESTIONS.map((s) => ({ id: s.id, rhythm: s.rhythm, weekdays: s.weekdays ?? [], title: s[locale].title, why: s[locale].why }));
}

export function findSuggestion(id: string) {
	return SUGGESTIONS.find((s) => s.id === id);
}
