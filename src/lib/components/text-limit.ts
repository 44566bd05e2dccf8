import { numberFormat } from '../format';

/** How a long-text field reports its length: quiet until the text nears the limit. */
export const SHOW_FROM = 0.8;

export type LimitStage = 'quiet' | 'near' | 'close' | 'full' | 'over';

export function limitStage(length: number, max: number): LimitStage {
	if (length > max) return 'over';
	if (length === max) return 'full';
	if (length >= max * 0.95) return 'close';
	if (length >= max * SHOW_FROM) return 'near';
	return 'quiet';
}

/** Form controls in `form` whose text is longer than their `data-max-chars`. */
export function overLimitFields(form: HTMLFormElement): (HTMLTextAreaElement | HTMLInputElement)[] {
	return Array.from(form.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('[data-max-chars]')).filter(
		(el) => el.value.length > Number(el.dataset.maxChars)
	);
}

/** The counter's four texts, each filled with already formatted numbers. */
export interface LimitTexts {
	limit: (n: { max: string }) => string;
	counter: (n: { count: string; max: string }) => string;
	over: (n: { over: string; max: string }) => string;
	left: (n: { left: string }) => string;
}

/**
 * What a long-text field's counter shows and what it says to screen readers at `length`: the
 * hydrated counter (LimitCounter.svelte) and the page script (decision 021) both use this, the
 * first with the message functions, the second with the texts the server wrote into the page.
 * `spoken` is said only when the stage changes.
 */
export function limitTexts(length: number, max: number, format: (n: number) => string, texts: LimitTexts) {
	const stage = limitStage(length, max);
	const n = { count: format(length), max: format(max), over: format(length - max), left: format(max - length) };
	const shown = stage === 'quiet' ? texts.limit(n) : stage === 'over' ? texts.over(n) : texts.counter(n);
	const spoken = stage === 'quiet' ? '' : stage === 'over' ? texts.over(n) : texts.left(n);
	return { stage, shown, spoken };
}

/**
 * The counter's number format for a page language (nl-NL groups thousands with a dot): the app's
 * one cache of formats, so a page with many long-text fields (71 on /triggers) makes it once.
 */
export const counterNumbers = (locale: string): Intl.NumberFormat => numberFormat(locale);
