/**
 * Control characters (NUL above all) cannot be stored in PostgreSQL text and are never typed on
 * purpose, so every stored text is checked for them; tab and line breaks are of course allowed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const hasControlCharacters = (value: string) => CONTROL.test(value);

/** For `.refine()`: the error code is a message-key suffix, like every schema error. */
export const withoutControlCharacters = [(value: string) => !hasControlCharacters(value), { error: 'text_invalid_characters' }] as const;

/** Ids are UUIDs; anything else cannot exist, so it never reaches the database. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
