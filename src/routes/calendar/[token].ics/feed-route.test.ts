import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { signUp } from '$lib/server/auth/accounts';
import { createCalendarFeed, FEED_LIMIT, GUESS_LIMIT } from '$lib/server/calendar/feed';
import { newToken } from '$lib/server/security/tokens';
import { fallback, GET } from './+server';

type Handler = (event: unknown) => Promise<Response> | Response;

/** One request to the feed address, as the hooks would hand it over (address and language). */
const fetchFeed = (token: string, address: string, locale: 'nl' | 'en' = 'nl') =>
	(GET as Handler)({ params: { token }, locals: { address, locale }, request: new Request(`http://localhost/calendar/${token}.ics`) });

describe(`the calendar feed address (${databaseKind})`, () => {
	const database = useAppDatabase();
	const feedFor = async (name: string, locale: 'nl' | 'en' = 'nl') => {
		const db = database();
		const { userId } = await signUp(db, { email: `${name}@example.org`, password: 'a quiet morning walk', displayName: name, locale });
		return createCalendarFeed(db, userId);
	};

	it('counts valid fetches per feed, so people behind one shared fetcher (Google, Outlook) do not starve each other', async () => {
		const shared = '203.0.113.7';
		const feeds = [await feedFor('fa', 'en'), await feedFor('fb'), await feedFor('fc')];
		// Many subscribers' feeds from one address, each fetched often: more than any one limit in total.
		for (let i = 0; i < FEED_LIMIT.max; i++) {
			for (const token of feeds) expect((await fetchFeed(token, shared)).status).toBe(200);
		}
		// One feed fetched more than its own limit is refused, from any address, in its owner's language.
		const refused = await fetchFeed(feeds[0], '198.51.100.1', 'nl');
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(refused.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await refused.text()).toBe('Too many attempts. Please wait a little and try again.\n');
		expect((await fetchFeed(feeds[1], shared, 'en')).status).toBe(429);
		// A new subscriber behind the same fetcher is not held back.
		expect((await fetchFeed(await feedFor('fd'), shared)).status).toBe(200);
	});

	it('counts malformed and unknown tokens per address: guessing is refused, the feeds there still work', async () => {
		const guesser = '192.0.2.66';
		const token = await feedFor('ga');
		for (let i = 0; i < GUESS_LIMIT.max; i++) expect((await fetchFeed(i % 2 ? newToken() : `bad-${i}`, guesser)).status).toBe(404);
		const refused = await fetchFeed(newToken(), guesser);
		expect(refused.status).toBe(429);
		expect(await refused.text()).toBe('Te veel pogingen. Wacht even en probeer het dan opnieuw.\n');
		expect((await fetchFeed('x', guesser)).status).toBe(429);
		// Another address guessing is not refused; a real feed behind the guessing address still opens.
		expect((await fetchFeed(newToken(), '192.0.2.67')).status).toBe(404);
		expect((await fetchFeed(token, guesser)).status).toBe(200);
	});

	it('answers a bad token and any other method in the request language, as plain text', async () => {
		const nl = await fetchFeed(newToken(), '192.0.2.10', 'nl');
		expect(nl.status).toBe(404);
		expect(nl.headers.get('content-language')).toBe('nl');
		expect(nl.headers.get('cache-control')).toBe('no-store');
		expect(await nl.text()).toBe('Dit bestaat niet (meer).\n');
		const en = await fetchFeed('not-a-token', '192.0.2.10', 'en');
		expect(en.status).toBe(404);
		expect(await en.text()).toBe('This does not exist (any more).\n');

		const post = (locale: 'nl' | 'en') => (fallback as Handler)({ params: { token: 'x' }, locals: { address: '192.0.2.10', locale }, request: new Request('http://localhost/calendar/x.ics', { method: 'POST' }) });
		const postNl = await post('nl');
		expect(postNl.status).toBe(405);
		expect(postNl.headers.get('allow')).toBe('GET, HEAD');
		expect(await postNl.text()).toBe('Dit adres kan alleen gelezen worden, door je agenda-app.\n');
		expect(await (await post('en')).text()).toBe('This address can only be read, by your calendar app.\n');
	});
});
