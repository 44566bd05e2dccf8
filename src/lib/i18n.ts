import { m } from '$lib/paraglide/messages.js';
import { localizeHref, getLocale } from '$lib/paraglide/runtime.js';

export { m, localizeHref, getLocale };

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: 'nl' | 'en' }) => string;
const messages = m as unknown as Record<string, MessageFn | undefined>;

/**
 * The message for `value` out of a listed set: `choose(paceTexts, status)`, with the set listed in
 * the page (`const wishSizeTexts = { everyday: m.wish_size_everyday, … }`) or, when several pages
 * share it, in its own module in $lib/message-sets/ (one per set: a module shared by pages is
 * shipped whole to each of them). Pages pick messages this way rather than with `t()`: a key built at run time
 * makes the bundler keep every message of both languages on every page.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function choose(set: Record<string, (...args: any[]) => string>, value: string | number | null, inputs?: Record<string, unknown>): string {
	const fn = Object.hasOwn(set, String(value)) ? set[String(value)] : undefined;
	if (!fn) throw new Error(`no message for ${value}`);
	return fn(inputs);
}

/**
 * Server code only (a guard test keeps it out of pages): text for an error code (`error_<code>` in messages/*.json); unknown codes get a generic text.
 * In the request's language, or in `locale` when given (a route without the request's message context). */
export function errorText(code: string, locale?: 'nl' | 'en'): string {
	return (messages[`error_${code}`] ?? messages.error_generic)!({}, locale ? { locale } : undefined);
}

/** Server code only (a guard test keeps it out of pages): a message by its computed key, e.g. `role_repairing`. */
export function t(key: string, inputs?: Record<string, unknown>): string {
	const fn = messages[key];
	if (!fn) throw new Error(`missing message ${key}`);
	return fn(inputs);
}

/**
 * Every render localizes its links again (the layout alone has a few dozen), and for an app path
 * the answer depends only on the path and the language: kept per language (bounded). Anything
 * else (a full URL) is localized each time, as it may depend on the origin.
 */
const localized = new Map<string, string>();
export const href = (path: string) => {
	if (!path.startsWith('/') || path.startsWith('//')) return localizeHref(path);
	const key = `${getLocale()} ${path}`;
	let value = localized.get(key);
	if (value === undefined) {
		value = localizeHref(path);
		if (localized.size >= 2_000) localized.clear();
		localized.set(key, value);
	}
	return value;
};
