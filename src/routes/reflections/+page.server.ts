import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { listMyReflections, listSharedWithMe } from '$lib/server/reflections/reflections';
import { REFLECTION_PROMPTS } from '$lib/server/reflections/prompts';
import { requireUser } from '$lib/server/http';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const actor = actorOf(user);
	const iso = <T extends { updatedAt: Date }>(r: T) => ({ ...r, updatedAt: r.updatedAt.toISOString() });
	return {
		prompts: [...REFLECTION_PROMPTS],
		mine: (await listMyReflections(db, actor)).map(iso),
		shared: (await listSharedWithMe(db, actor)).map(iso),
		inCouple: !!user.coupleId
	};
};
