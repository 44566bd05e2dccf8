import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { myReflectionsPage, sharedWithMePage } from '$lib/server/reflections/reflections';
import { formatCursor, keysetCursorSchema } from '$lib/schemas/cursor';
import { pageLinks } from '$lib/server/page-links';
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
	const shownMine = mineBefore && formatCursor(mineBefore);
	const shownShared = sharedBefore && formatCursor(sharedBefore);
	return {
		prompts: [...REFLECTION_PROMPTS],
		mine: mine.reflections.map(iso),
		// Each list's links keep the other list's page (decision 025).
		minePages: pageLinks('mineBefore', mine.older && formatCursor(mine.older), shownMine, 'mine', { sharedBefore: shownShared }),
		shared: shared.reflections.map(iso),
		sharedPages: pageLinks('sharedBefore', shared.older && formatCursor(shared.older), shownShared, 'shared', { mineBefore: shownMine }),
		inCouple: !!user.coupleId
	};
};
