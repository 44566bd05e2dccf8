import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { DomainError } from './errors';
import { errorText, localizeHref } from '$lib/i18n';
import type { SessionUser } from './auth/sessions';

/** Route helpers: the one place where domain errors and invalid input become HTTP answers. */

export type FieldErrors = Record<string, string>;

export function parseForm<S extends z.ZodType>(schema: S, form: FormData):
	| { ok: true; data: z.infer<S> }
	| { ok: false; errors: FieldErrors } {
	const raw: Record<string, unknown> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value === 'string') raw[key] = value;
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= errorText(issue.message);
	}
	return { ok: false, errors };
}

/** An invalid form: 400 with messages per field and the safe fields echoed back, never passwords. */
export function invalid(errors: FieldErrors, values: Record<string, string> = {}) {
	return fail(400, { errors, values });
}

/** Turns a DomainError into a failed action with a message in the user's language; rethrows the rest. */
export function actionFailure(err: unknown, values: Record<string, string> = {}) {
	if (err instanceof DomainError) {
		return fail(err.status, { message: errorText(err.code), code: err.code, values });
	}
	throw err;
}

/** Same, for load functions and endpoints: a DomainError becomes `error()`. */
export function raise(err: unknown): never {
	if (err instanceof DomainError) error(err.status, errorText(err.code));
	throw err;
}

export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, localizeHref(`/signin?next=${encodeURIComponent(next)}`));
	}
	return user;
}

export function requireAnonymous(event: Pick<RequestEvent, 'locals'>) {
	if (event.locals.user) redirect(303, localizeHref('/dashboard'));
}

/**
 * Only same-origin paths are followed after sign-in, so the parameter cannot send people away.
 * The check runs on the FINAL, localized location: `localizeHref` parses and re-serialises the
 * path, and a browser reads a backslash as a slash, so `/./\\evil.example` only becomes
 * `//evil.example` after localizing. What comes back is re-serialised from the URL parser, so
 * the Location header is plain ASCII (non-ASCII input is percent-encoded, never a 500).
 */
export function safeNext(next: string | null, fallback = '/dashboard') {
	const home = localizeHref(fallback);
	if (!next || !sameOriginPath(next)) return home;
	let localized: string;
	try {
		localized = localizeHref(next);
	} catch {
		return home;
	}
	return sameOriginPath(localized) ?? home;
}

const BASE = 'http://same-origin.invalid';

/** `href` as a path on this origin (path, query, fragment), or null when it could lead elsewhere. */
export function sameOriginPath(href: string): string | null {
	// Browsers drop tabs and newlines from URLs and read `\\` as `/`; refuse rather than guess.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0020\u007f\\]/.test(href)) return null;
	if (!href.startsWith('/') || href.startsWith('//')) return null;
	let url: URL;
	try {
		url = new URL(href, BASE);
	} catch {
		return null;
	}
	if (url.origin !== BASE) return null;
	const path = url.pathname + url.search + url.hash;
	return path.startsWith('/') && !path.startsWith('//') ? path : null;
}
