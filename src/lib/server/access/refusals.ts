import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { securityEvents } from '../db/schema';
import { currentActor, runAsActor } from '../db/actor-context';
import { log } from '../log';

/** One event a minute is enough to show that someone tried; more would only flood their list. */
export const REFUSAL_EVENT_SECONDS = 60;

/**
 * Records that the access policy refused something for this user: kind and time only, never
 * which item or what was asked. At most one such event per user per REFUSAL_EVENT_SECONDS.
 */
export async function recordRefusedAccess(db: Database, userId: string, now = new Date()) {
	const since = new Date(now.getTime() - REFUSAL_EVENT_SECONDS * 1000);
	await db.execute(sql`
		insert into ${securityEvents} (user_id, kind, created_at)
		select ${userId}, 'access-refused', ${now.toISOString()}::timestamptz
		where not exists (
			select 1 from ${securityEvents}
			where user_id = ${userId} and kind = 'access-refused' and created_at > ${since.toISOString()}::timestamptz
		)`);
}

/**
 * Runs a signed-in user's request: the database learns who is acting (row-level security), and
 * if the policy refused anything meanwhile, that is recorded once the answer is ready. The answer
 * itself is whatever the work returned (a refusal is the same 404 as a missing item).
 */
export async function actAs<T>(db: Database, userId: string, work: () => T | Promise<T>): Promise<T> {
	return runAsActor(userId, async () => {
		try {
			return await work();
		} finally {
			// Recording must never change the answer the person gets.
			if (currentActor()?.note.refused) {
				await recordRefusedAccess(db, userId).catch((err) => log.error('security.refusal-not-recorded', { type: err instanceof Error ? err.name : typeof err }));
			}
		}
	});
}
