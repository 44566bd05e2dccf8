const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4\u2032]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Any UTF-16 code unit above ASCII (surrogates included). Testing for a non-ASCII unit instead of
// "all units in \u0000–\u007f" keeps control characters out of the pattern.
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Folds case, apostrophes and diacritics so that data entries and text meet in one form:
 * writers type "één" and "een", "I’m" and "I'm" interchangeably.
 */
export function normalizeWord(value: string): string {
	const lower = value.toLowerCase();
	// Most words are plain ASCII; skip Unicode normalisation for them.
	if (!NON_ASCII.test(lower)) return lower;
	return lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, "'");
}
