import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/admin/require-admin';
import { siteCounts } from '$lib/server/admin/counts';
import { commentCounts } from '$lib/server/comments/comments';

/** Numbers only: an administrator never sees a person's program data. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireAdmin(event);
	const db = getDb();
	return { counts: await siteCounts(db, actor), comments: await commentCounts(db, actor) };
};
