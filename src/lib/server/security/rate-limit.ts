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
 * same count. One upsert: a stale window restarts at 1. Callers count an attempt *before* doing the
 * work it asks for (a password check, a mail): a read now and a write later would let parallel
 * requests all pass the read. There is deliberately no "peek".
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

/**
 * Gives back the hit of an attempt that turned out fine (a right password), so the people behind
 * one shared address are not throttled by their own successful sign-ins. Atomic, never below zero.
 */
export async function refundHit(db: Database, key: string) {
	await db
		.update(rateLimits)
		.set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
		.where(sql`${rateLimits.key} = ${key}`);
}

export async function clearLimit(db: Database, key: string) {
	await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

/** Clears every window whose key starts with `prefix` (starts_with, so `_` and `%` in it are plain text). */
export async function clearLimitsStartingWith(db: Database, prefix: string) {
	await db.delete(rateLimits).where(sql`starts_with(${rateLimits.key}, ${prefix})`);
}

/** Windows are at most an hour long; anything older than a day is dead weight. */
export async function purgeStaleLimits(db: Database, now = new Date()) {
	await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}
