import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { calendarForToken, FEED_LIMIT } from '$lib/server/calendar/feed';
import { hitLimit } from '$lib/server/security/rate-limit';

const NOT_FOUND = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

/**
 * The private calendar feed (decision 019): read-only, no session, no cookie. A malformed,
 * unknown or revoked token is one and the same 404. Counted per address before the token is
 * looked up, so guessing costs as much as fetching.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	const db = getDb();
	const limit = await hitLimit(db, `calendar:address:${locals.address}`, FEED_LIMIT);
	if (!limit.allowed) return new Response('Too many requests\n', { status: 429, headers: { ...NOT_FOUND, 'Retry-After': String(limit.retryAfterSeconds) } });
	const body = await calendarForToken(db, params.token);
	if (body === null) return new Response('Not found\n', { status: 404, headers: NOT_FOUND });
	return new Response(body, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'inline; filename="herstelpad.ics"',
			'Cache-Control': 'no-store',
			'X-Robots-Tag': 'noindex'
		}
	});
};
