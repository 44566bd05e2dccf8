import { z } from 'zod';

/**
 * Control characters (NUL above all) cannot be stored in PostgreSQL text and are never typed on
 * purpose, so every stored text is checked for them; tab and line breaks are of course allowed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const hasControlCharacters = (value: string) => CONTROL.test(value);

/** For `.refine()`: the error code is a message-key suffix, like every schema error. */
export const withoutControlCharacters = [(value: string) => !hasControlCharacters(value), { error: 'text_invalid_characters' }] as const;

export { UUID } from './uuid';

/** Every stored text keeps line breaks as LF, whatever the browser sent. */
export const lineBreaks = (value: string) => value.replace(/\r\n?/g, '\n');

/** A required text field: trimmed, LF line breaks, at most `max` characters, no control characters. */
export const requiredText = (max: number, code = 'text_required') =>
	z
		.string({ error: code })
		.overwrite(lineBreaks)
		.trim()
		.min(1, { error: code })
		.max(max, { error: 'text_too_long' })
		.refine(...withoutControlCharacters);

/** An optional text field, checked like a required one; absent or blank becomes null. */
export const optionalText = (max: number) =>
	z
		.string()
		.overwrite(lineBreaks)
		.trim()
		.max(max, { error: 'text_too_long' })
		.refine(...withoutControlCharacters)
		.optional()
		.transform((v) => (v ? v : null));
