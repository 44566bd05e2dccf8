import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { fetchCalendarFeed } from '$lib/server/calendar/feed';
import { errorText } from '$lib/i18n';

const HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

/** A refusal in the request's language, as plain text (a calendar app shows it, if anything). */
const refusal = (status: number, code: string, locale: 'nl' | 'en', headers: Record<string, string> = {}) =>
	new Response(`${errorText(code, locale)}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Language': locale, ...HEADERS, ...headers } });

/**
 * The private calendar feed (decision 019): read-only, no session, no cookie. A malformed,
 * unknown or revoked token is one and the same 404. A valid token is counted per feed (shared
 * fetchers such as Google's read many people's feeds from one address), any other per address.
 * Refusals are in the request's language (`/en/calendar/…` for English), a feed's own 429 in its owner's.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	const reply = await fetchCalendarFeed(getDb(), params.token, locals.address);
	if (reply.kind === 'limited') return refusal(429, 'too_many_attempts', reply.locale ?? locals.locale, { 'Retry-After': String(reply.retryAfterSeconds) });
	if (reply.kind === 'not_found') return refusal(404, 'not_found', locals.locale);
	return new Response(reply.body, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="herstelpad.ics"',
			...HEADERS
		}
	});
};

/** Any other method: the feed is only read. */
export const fallback: RequestHandler = ({ locals }) => refusal(405, 'calendar_read_only', locals.locale, { Allow: 'GET, HEAD' });
