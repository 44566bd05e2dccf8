import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { myReflectionsPage, sharedWithMePage } from '$lib/server/reflections/reflections';
import { formatCursor, keysetCursorSchema, type KeysetCursor } from '$lib/schemas/cursor';
import { REFLECTION_PROMPTS } from '$lib/server/reflections/prompts';
import { requireUser } from '$lib/server/http';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const actor = actorOf(user);
	const iso = <T extends { updatedAt: Date }>(r: T) => ({ ...r, updatedAt: r.updatedAt.toISOString() });
	// Each list a page at a time; a cursor that cannot be read shows its newest page.
	const mineBefore = keysetCursorSchema.parse(event.url.searchParams.get('mineBefore'));
	const sharedBefore = keysetCursorSchema.parse(event.url.searchParams.get('sharedBefore'));
	const mine = await myReflectionsPage(db, actor, mineBefore);
	const shared = await sharedWithMePage(db, actor, sharedBefore);
	// Plain links (no script needed). Each list's links keep the other list's page; "?" alone is
	// the newest of both: a bare "#…" would keep the query.
	const pageHref = (pages: { mineBefore: KeysetCursor | null; sharedBefore: KeysetCursor | null }, anchor: string) => {
		const query = new URLSearchParams();
		if (pages.mineBefore) query.set('mineBefore', formatCursor(pages.mineBefore));
		if (pages.sharedBefore) query.set('sharedBefore', formatCursor(pages.sharedBefore));
		return `?${query}#${anchor}`;
	};
	return {
		prompts: [...REFLECTION_PROMPTS],
		mine: mine.reflections.map(iso),
		minePages: {
			older: mine.older ? pageHref({ mineBefore: mine.older, sharedBefore }, 'mine') : null,
			newest: mineBefore ? pageHref({ mineBefore: null, sharedBefore }, 'mine') : null
		},
		shared: shared.reflections.map(iso),
		sharedPages: {
			older: shared.older ? pageHref({ mineBefore, sharedBefore: shared.older }, 'shared') : null,
			newest: sharedBefore ? pageHref({ mineBefore, sharedBefore: null }, 'shared') : null
		},
		inCouple: !!user.coupleId
	};
};
