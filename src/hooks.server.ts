import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getEnv } from '$lib/server/env';
import { closeDatabase, configFromEnv, getDb, initDatabase } from '$lib/server/db';
import { purgeExpiredSessions, validateSession } from '$lib/server/auth/sessions';
import { purgeStaleLimits } from '$lib/server/security/rate-limit';
import { startJobs, stopJobs } from '$lib/server/jobs';
import { describeDevice } from '$lib/server/auth/device';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '$lib/server/auth/web';
import { log } from '$lib/server/log';
import { isForbiddenCrossSiteForm } from '$lib/server/security/csrf';
import { actAs } from '$lib/server/access/refusals';
import { echoableValues, enhancedRefusal, isEnhancedAction, pageRefusal } from '$lib/server/security/refusal';
import { errorText, localizeHref, m } from '$lib/i18n';
import { handleBody } from '$lib/server/security/body';
import { analysisPool } from '$lib/server/coach/analyze';
import { isIndexable } from '$lib/server/guide/public-pages';
import { isStorable } from '$lib/server/offline/public-pages';
import { vapidKeysOf } from '$lib/server/notifications/push';

export const init: ServerInit = async () => {
	const env = getEnv();
	const handle = await initDatabase(configFromEnv(env));
	log.info('database.ready', { kind: handle.kind });
	// Notifications' VAPID key pair exists from the first start on (one row; src/lib/server/notifications/push.ts).
	await vapidKeysOf(handle.db);
	// Mails, reminders and the daily housekeeping run as jobs on the same database (src/lib/server/jobs).
	await startJobs(handle);
	// Housekeeping once at start-up too (cheap); the schedule runs it daily after that.
	await purgeExpiredSessions(handle.db);
	await purgeStaleLimits(handle.db);
	// The analyser's workers load while the server starts, not when the first person saves.
	analysisPool().warm();
	// PGlite would keep the process alive on SIGTERM otherwise. Jobs stop first: they use the database.
	process.once('sveltekit:shutdown', () => void stopJobs().finally(() => closeDatabase()));
};

const handleParaglide: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/**
 * A refused post says why in the person's language and keeps their text: `use:enhance` gets an
 * ActionResult it can show, a plain form post a small page whose back button returns to the form.
 */
const handleCsrf: Handle = async ({ event, resolve }) => {
	if (!isForbiddenCrossSiteForm(event.request, event.url, { originConfigured: Boolean(getEnv().ORIGIN) })) return resolve(event);
	const message = errorText('cross_site');
	if (isEnhancedAction(event.request)) return enhancedRefusal(403, message, await echoableValues(event.request));
	// Answering before the body is read makes Node reset the connection, and the person would see
	// a network error instead of the reason (the body size limit bounds what is read).
	await event.request.arrayBuffer().catch(() => undefined);
	return pageRefusal(403, {
		lang: event.locals.locale,
		title: m.error_cross_site_title(),
		message,
		back: m.error_cross_site_back(),
		home: m.error_page_home(),
		homeHref: localizeHref('/')
	});
};

/**
 * Reads the session; writes only what validateSession decides (sliding expiry, hourly last-use,
 * device on first use). The user's language is not written here: a plain GET must not change
 * data, so the language is recorded when the person switches it (see /language).
 */
const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	try {
		event.locals.address = event.getClientAddress();
	} catch {
		event.locals.address = 'unknown';
	}
	const token = readSessionCookie(event.cookies);
	if (token) {
		const device = describeDevice(event.request.headers.get('user-agent'));
		const session = await validateSession(getDb(), token, new Date(), device);
		if (session) {
			event.locals.user = session.user;
			event.locals.sessionId = session.sessionId;
			if (session.extended) setSessionCookie(event.cookies, { token, expiresAt: session.expiresAt });
		} else {
			clearSessionCookie(event.cookies);
		}
	}
	// The rest of the request acts as this user for the database's row-level security.
	return event.locals.user ? actAs(getDb(), event.locals.user.id, () => resolve(event)) : resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	// same-origin, not no-referrer: under no-referrer a plain form post carries `Origin: null`, and
	// over plain http (a second device at home) Chromium sends no Sec-Fetch-Site either, so the
	// CSRF check could not tell our own form from another site's. Other sites still get nothing.
	h.set('Referrer-Policy', 'same-origin');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	h.set('Cross-Origin-Resource-Policy', 'same-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (getEnv().production) h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// Nothing personal may linger in a shared browser's or proxy's cache, nor in the service worker's
	// (which never keeps a no-store answer). Only a signed-out, public page on the offline list may be
	// kept, and is checked again each time. Static assets are served before this hook.
	const signedIn = Boolean(event.locals.user);
	// A post's answer may echo what was typed (a comment's name and e-mail): never kept.
	const storable = event.request.method === 'GET' && isStorable(event.route.id, signedIn, response.status);
	h.set('Cache-Control', storable ? 'no-cache' : 'no-store');
	// Only the public side may be indexed (issue 12); every private or signed-in view says noindex.
	if (!isIndexable(event.route.id, signedIn, response.status)) h.set('X-Robots-Tag', 'noindex');
	return response;
};

// Headers wrap everything after the language, so a refusal gets them too; the body gate runs after
// the CSRF check (cross-site posts are refused unread) and before any database work.
export const handle = sequence(handleParaglide, handleHeaders, handleCsrf, handleBody, handleSession);

export const handleError: HandleServerError = ({ error, status }) => {
	// Log the type only: messages can contain submitted text.
	if (status >= 500) log.error('request.failed', { status, type: error instanceof Error ? error.name : typeof error });
	return { message: errorText(status === 404 ? 'not_found' : 'generic') };
};
