import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { createCalendarFeed, feedUrl, getCalendarFeed, revokeCalendarFeed } from '$lib/server/calendar/feed';
import { requireUser } from '$lib/server/http';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const feed = await getCalendarFeed(getDb(), user.id);
	// Never the token: only its hash is kept, so the address can be shown only right after it is made.
	return { feed: feed ? { createdAt: feed.createdAt.toISOString() } : null };
};

export const actions: Actions = {
	/** Turns the feed on, or replaces its address (the old one stops working at once). */
	create: async (event) => {
		const user = requireUser(event);
		const token = await createCalendarFeed(getDb(), user.id);
		return { url: feedUrl(token) };
	},
	revoke: async (event) => {
		const user = requireUser(event);
		await revokeCalendarFeed(getDb(), user.id);
		return { revoked: true };
	}
};
