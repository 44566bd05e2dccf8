const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4\u2032]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Folds case, apostrophes and diacritics so that data entries and text meet in one form:
 * writers type "één" and "een", "I’m" and "I'm" interchangeably.
 */
export function normalizeWord(value: string): string {
	const lower = value.toLowerCase();
	// Most words are plain ASCII; skip Unicode normalisation for them.
	if (/^[\x00-\x7f]*$/.test(lower)) return lower;
	return lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, "'");
}
