import { and, desc, eq, ne } from 'drizzle-orm';
import type { KeysetCursor } from '$lib/schemas/cursor';
import type { Database } from '../db';
import { reflections } from '../db/schema';
import { cursorMoment, olderThanCursor, pageOf } from '../db/keyset';
import { excerptOf } from '../db/excerpt';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { recordSecurityEvent } from '../security/events';
import type { ReflectionPrompt } from './prompts';

/** Reflections are private by default; sharing is explicit per item and can be withdrawn. */

async function load(db: Database, id: string) {
	const [row] = await db
		.select({ id: reflections.id, ownerId: reflections.ownerId, prompt: reflections.prompt, body: reflections.body, sharedCoupleId: reflections.sharedCoupleId, createdAt: reflections.createdAt, updatedAt: reflections.updatedAt })
		.from(reflections)
		.where(eq(reflections.id, id));
	return row;
}

const access = (row: { ownerId: string; sharedCoupleId: string | null }): ItemAccess => ({
	ownerId: row.ownerId,
	visibility: row.sharedCoupleId ? 'shared' : 'private',
	coupleId: row.sharedCoupleId
});

export async function createReflection(db: Database, actor: Actor, input: { prompt: ReflectionPrompt; body: string }) {
	const id = newId();
	await db.insert(reflections).values({ id, ownerId: actor.userId, prompt: input.prompt, body: input.body });
	return { id };
}

export async function getReflection(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'read', row ? access(row) : undefined);
	return { id: row.id, prompt: row.prompt, body: row.body, shared: !!row.sharedCoupleId, mine: row.ownerId === actor.userId, updatedAt: row.updatedAt };
}

export async function updateReflection(db: Database, actor: Actor, id: string, body: string) {
	const row = await load(db, id);
	assertCan(actor, 'update', row ? access(row) : undefined);
	await db.update(reflections).set({ body, updatedAt: new Date() }).where(eq(reflections.id, id));
}

export async function deleteReflection(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'delete', row ? access(row) : undefined);
	await db.delete(reflections).where(eq(reflections.id, id));
}

export async function shareReflection(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'share', row ? access(row) : undefined);
	if (!actor.coupleId) throw new DomainError('not_in_couple');
	await db.update(reflections).set({ sharedCoupleId: actor.coupleId }).where(eq(reflections.id, id));
	await recordSecurityEvent(db, actor.userId, 'share');
}

export async function unshareReflection(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'unshare', row ? access(row) : undefined);
	await db.update(reflections).set({ sharedCoupleId: null }).where(eq(reflections.id, id));
	await recordSecurityEvent(db, actor.userId, 'unshare');
}

/** How many reflections each list on /reflections shows at a time; older ones are a link away. */
export const REFLECTION_PAGE_SIZE = 30;

/** What a list shows of a reflection's text: a glimpse, cut in the database, not the whole text. */
const EXCERPT_LENGTH = 120;
const excerpt = excerptOf(reflections.body, EXCERPT_LENGTH);
const cursorAt = cursorMoment(reflections.updatedAt);
const olderThan = (before: KeysetCursor | null) => olderThanCursor(reflections.updatedAt, reflections.id, before);

/**
 * One page of the actor's own reflections, the most recently changed first: the newest, or those
 * after the cursor `before`. `older` is the cursor for the next page, or null.
 */
export async function myReflectionsPage(db: Database, actor: Actor, before: KeysetCursor | null = null, limit = REFLECTION_PAGE_SIZE) {
	const fetched = await db
		.select({ id: reflections.id, prompt: reflections.prompt, excerpt, sharedCoupleId: reflections.sharedCoupleId, updatedAt: reflections.updatedAt, cursorAt })
		.from(reflections)
		.where(and(eq(reflections.ownerId, actor.userId), olderThan(before)))
		.orderBy(desc(reflections.updatedAt), desc(reflections.id))
		.limit(limit + 1);
	const { rows, older } = pageOf(fetched, limit);
	return {
		reflections: rows.map((r) => ({ id: r.id, prompt: r.prompt, excerpt: r.excerpt, shared: !!r.sharedCoupleId && r.sharedCoupleId === actor.coupleId, updatedAt: r.updatedAt })),
		older
	};
}

/** The newest page of the actor's own reflections. */
export async function listMyReflections(db: Database, actor: Actor) {
	return (await myReflectionsPage(db, actor)).reflections;
}

/**
 * One page of what the partner shared in the current couple, the most recently changed first;
 * nothing when solo. The couple and "not my own" are in the query, so a page is never emptied
 * afterwards; the policy still has the last word on every row, as for every read.
 */
export async function sharedWithMePage(db: Database, actor: Actor, before: KeysetCursor | null = null, limit = REFLECTION_PAGE_SIZE) {
	if (!actor.coupleId) return { reflections: [], older: null };
	const fetched = await db
		.select({ id: reflections.id, ownerId: reflections.ownerId, sharedCoupleId: reflections.sharedCoupleId, prompt: reflections.prompt, excerpt, updatedAt: reflections.updatedAt, cursorAt })
		.from(reflections)
		.where(and(eq(reflections.sharedCoupleId, actor.coupleId), ne(reflections.ownerId, actor.userId), olderThan(before)))
		.orderBy(desc(reflections.updatedAt), desc(reflections.id))
		.limit(limit + 1);
	const { rows, older } = pageOf(fetched, limit);
	return {
		reflections: rows.filter((r) => can(actor, 'read', access(r))).map((r) => ({ id: r.id, prompt: r.prompt, excerpt: r.excerpt, updatedAt: r.updatedAt })),
		older
	};
}

/** The newest page of what the partner shared in the current couple. */
export async function listSharedWithMe(db: Database, actor: Actor) {
	return (await sharedWithMePage(db, actor)).reflections;
}

