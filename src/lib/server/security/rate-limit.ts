import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { rateLimits } from '../db/schema';

export interface Limit {
	max: number;
	windowSeconds: number;
}

export interface LimitState {
	allowed: boolean;
	retryAfterSeconds: number;
}

/**
 * Counts one hit on `key` in a fixed window kept in the database, so every app process shares the
 * same count. One upsert: a stale window restarts at 1.
 */
export async function hitLimit(db: Database, key: string, limit: Limit, now = new Date()): Promise<LimitState> {
	const windowStartFloor = new Date(now.getTime() - limit.windowSeconds * 1000);
	const [row] = await db
		.insert(rateLimits)
		.values({ key, windowStart: now, count: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${rateLimits.windowStart} <= ${windowStartFloor.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
				windowStart: sql`case when ${rateLimits.windowStart} <= ${windowStartFloor.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`
			}
		})
		.returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
	const ends = row.windowStart.getTime() + limit.windowSeconds * 1000;
	return {
		allowed: row.count <= limit.max,
		retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000))
	};
}

/** Reads without counting: used to refuse before doing expensive work such as hashing. */
export async function peekLimit(db: Database, key: string, limit: Limit, now = new Date()): Promise<LimitState> {
	const rows = await db
		.select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
		.from(rateLimits)
		.where(sql`${rateLimits.key} = ${key}`);
	const row = rows[0];
	if (!row) return { allowed: true, retryAfterSeconds: 0 };
	const ends = row.windowStart.getTime() + limit.windowSeconds * 1000;
	if (ends <= now.getTime()) return { allowed: true, retryAfterSeconds: 0 };
	return {
		allowed: row.count < limit.max,
		retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000))
	};
}

export async function clearLimit(db: Database, key: string) {
	await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

/** Windows are at most an hour long; anything older than a day is dead weight. */
export async function purgeStaleLimits(db: Database, now = new Date()) {
	await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}
