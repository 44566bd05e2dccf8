import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getEnv } from '$lib/server/env';
import { closeDatabase, configFromEnv, getDb, initDatabase } from '$lib/server/db';
import { SESSION_COOKIE, purgeExpiredSessions, validateSession } from '$lib/server/auth/sessions';
import { purgeStaleLimits } from '$lib/server/security/rate-limit';
import { setLocale } from '$lib/server/users/users';
import { sessionCookieOptions } from '$lib/server/auth/cookies';
import { log } from '$lib/server/log';
import { isForbiddenCrossSiteForm } from '$lib/server/security/csrf';
import { handleBody } from '$lib/server/security/body';
import { errorText } from '$lib/i18n';

export const init: ServerInit = async () => {
	const env = getEnv();
	const handle = await initDatabase(configFromEnv(env));
	log.info('database.ready', { kind: handle.kind });
	// Housekeeping at start-up; a scheduled job can take this over when there is a job queue.
	await purgeExpiredSessions(handle.db);
	await purgeStaleLimits(handle.db);
	// PGlite would keep the process alive on SIGTERM otherwise.
	process.once('sveltekit:shutdown', () => void closeDatabase());
};

const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const handleCsrf: Handle = ({ event, resolve }) => {
	if (isForbiddenCrossSiteForm(event.request, event.url)) {
		return new Response(errorText('cross_site'), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return resolve(event);
};

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	try {
		event.locals.address = event.getClientAddress();
	} catch {
		event.locals.address = 'unknown';
	}
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const db = getDb();
		const session = await validateSession(db, token);
		if (session) {
			event.locals.user = session.user;
			event.locals.sessionId = session.sessionId;
			if (session.extended) event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(session.expiresAt));
			// The language someone reads in is the language their e-mails should be in.
			if (session.user.locale !== event.locals.locale) {
				await setLocale(db, session.user.id, event.locals.locale);
				session.user.locale = event.locals.locale;
			}
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'no-referrer');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	h.set('Cross-Origin-Resource-Policy', 'same-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (getEnv().production) h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// Nothing personal may linger in a shared browser's or proxy's cache. Static assets are served
	// before this hook and keep their own caching.
	h.set('Cache-Control', 'no-store');
	return response;
};

export const handle = sequence(handleParaglide, handleCsrf, handleSession, handleHeaders, handleBody);

export const handleError: HandleServerError = ({ error, status }) => {
	// Log the type only: messages can contain submitted text.
	if (status >= 500) log.error('request.failed', { status, type: error instanceof Error ? error.name : typeof error });
	return { message: errorText(status === 404 ? 'not_found' : 'generic') };
};
