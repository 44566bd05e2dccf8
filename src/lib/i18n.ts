import { m } from '$lib/paraglide/messages.js';
import { localizeHref, getLocale } from '$lib/paraglide/runtime.js';

export { m, localizeHref, getLocale };

type MessageFn = (inputs?: Record<string, unknown>) => string;
const messages = m as unknown as Record<string, MessageFn | undefined>;

/** Text for an error code (`error_<code>` in messages/*.json); unknown codes get a generic text. */
export function errorText(code: string): string {
	return (messages[`error_${code}`] ?? messages.error_generic)!();
}

/** Looks up a message by its computed key, e.g. `role_repairing`. */
export function t(key: string, inputs?: Record<string, unknown>): string {
	const fn = messages[key];
	if (!fn) throw new Error(`missing message ${key}`);
	return fn(inputs);
}

export const href = (path: string) => localizeHref(path);
