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
