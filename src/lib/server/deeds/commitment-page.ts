import type { Database } from '../db';
import type { Actor } from '../access/policy';
import type { KeysetCursor } from '$lib/schemas/cursor';
import { commentsOf, commitmentFor, commitmentView, historyOf } from './commitments';
import { latestCheckInsOf } from './check-ins';
import { consistencyOf } from './consistency';

/**
 * Everything one commitment's page shows, behind a single policy check: the page would otherwise
 * load the commitment and ask the policy once per part (five times for the same row). The comments
 * and the history are one page each: the newest, or those before the cursor given.
 */
export async function commitmentPage(db: Database, actor: Actor, id: string, pages: { commentsBefore?: KeysetCursor | null; historyBefore?: number | null } = {}, now = new Date()) {
	const row = await commitmentFor(db, actor, id, 'read');
	const [consistency, recent, comments, history] = [
		await consistencyOf(db, row, now),
		await latestCheckInsOf(db, id),
		await commentsOf(db, actor, id, pages.commentsBefore ?? null),
		await historyOf(db, id, pages.historyBefore ?? null)
	];
	return { commitment: commitmentView(row, actor), consistency, recent, comments, history };
}
