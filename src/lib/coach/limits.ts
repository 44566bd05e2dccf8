/**
 * The length limit on its own, so the browser's editor can know it without loading the analyser
 * (which it fetches lazily) and the server's schema, the API and the CLI all share one figure.
 */

/** The longest apology that can be saved or analysed, in UTF-16 code units (`text.length`). */
export const MAX_APOLOGY_LENGTH = 20_000;

/**
 * The part of a text the analyser looks at: all of it up to the limit, else the first
 * `MAX_APOLOGY_LENGTH` code units (one less when that would split a surrogate pair). The editor
 * uses it to keep giving feedback on a text that is too long to save, instead of throwing.
 */
export function analysablePart(text: string): string {
	if (text.length <= MAX_APOLOGY_LENGTH) return text;
	const cut = text.slice(0, MAX_APOLOGY_LENGTH);
	const last = cut.charCodeAt(cut.length - 1);
	return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
