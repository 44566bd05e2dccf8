import { and, desc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { KeysetCursor } from '$lib/schemas/cursor';
import { cursorMoment, olderThanCursor, pageOf } from '../db/keyset';
import type { Database } from '../db';
import { wishes } from '../db/schema';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { DomainError, notFound } from '../errors';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { notify } from '../notifications/notify';
import { recordSecurityEvent } from '../security/events';

/**
 * The hurt partner's wishes: what would help them feel safer or closer, everyday or bigger.
 * Private until shared; the partner answers a shared wish with "I'll make this a commitment"
 * (done by creating the commitment, see commitments.ts), "let's talk about this" or "not now,
 * because …". The owner can never answer their own wish.
 */
export type WishSize = 'everyday' | 'bigger';
export type WishAnswer = 'commitment' | 'talk' | 'not-now';

const columns = {
	id: wishes.id,
	ownerId: wishes.ownerId,
	size: wishes.size,
	body: wishes.body,
	sharedCoupleId: wishes.sharedCoupleId,
	answer: wishes.answer,
	answerReason: wishes.answerReason,
	answeredAt: wishes.answeredAt,
	createdAt: wishes.createdAt
};

export const wishAccess = (row: { ownerId: string; sharedCoupleId: string | null }): ItemAccess => ({
	ownerId: row.ownerId,
	visibility: row.sharedCoupleId ? 'shared' : 'private',
	coupleId: row.sharedCoupleId
});

export async function loadWish(db: Database, id: string) {
	const [row] = await db.select(columns).from(wishes).where(eq(wishes.id, id));
	return row;
}

export async function addWish(db: Database, actor: Actor, input: { size: WishSize; body: string; share: boolean }, formKey?: string) {
	const sharedCoupleId = input.share ? actor.coupleId : null;
	return once(db, actor.userId, formKey, 'wish', async (tx) => {
		const id = newId();
		await tx.insert(wishes).values({ id, ownerId: actor.userId, size: input.size, body: input.body, sharedCoupleId });
		return id;
	});
}

const view = (row: Awaited<ReturnType<typeof loadWish>>, actor: Actor) => ({
	id: row.id,
	size: row.size,
	body: row.body,
	shared: !!row.sharedCoupleId && row.sharedCoupleId === actor.coupleId,
	answer: row.answer,
	answerReason: row.answerReason,
	answeredAt: row.answeredAt,
	createdAt: row.createdAt
});

export async function getWish(db: Database, actor: Actor, id: string) {
	const row = await loadWish(db, id);
	assertCan(actor, 'read', row ? wishAccess(row) : undefined);
	return { ...view(row, actor), mine: row.ownerId === actor.userId };
}

/** How many of one's own wishes, and of the partner's answered ones, `/deeds/wishes` shows at a time. */
export const WISH_PAGE_SIZE = 20;

const wishCursorAt = cursorMoment(wishes.createdAt);
const newestFirst = [desc(wishes.createdAt), desc(wishes.id)];

/** One page of the actor's own wishes, newest first: the newest, or those after `before`. */
export async function myWishesPage(db: Database, actor: Actor, before: KeysetCursor | null = null, limit = WISH_PAGE_SIZE) {
	const fetched = await db
		.select({ ...columns, cursorAt: wishCursorAt })
		.from(wishes)
		.where(and(eq(wishes.ownerId, actor.userId), olderThanCursor(wishes.createdAt, wishes.id, before)))
		.orderBy(...newestFirst)
		.limit(limit + 1);
	const { rows, older } = pageOf(fetched, limit);
	return { wishes: rows.map((row) => view(row, actor)), older };
}

/** The newest page of the actor's own wishes. */
export async function listMyWishes(db: Database, actor: Actor) {
	return (await myWishesPage(db, actor)).wishes;
}

/**
 * The wishes the partner shared with the actor's couple, newest first; nothing when solo. Every
 * one still waiting for an answer is there on every page; the answered ones come a page at a time
 * (the newest, or those after `answeredBefore`).
 */
export async function partnerWishesPage(db: Database, actor: Actor, answeredBefore: KeysetCursor | null = null, limit = WISH_PAGE_SIZE) {
	if (!actor.coupleId) return { waiting: [], answered: [], olderAnswered: null };
	const partners = and(eq(wishes.sharedCoupleId, actor.coupleId), ne(wishes.ownerId, actor.userId));
	const waiting = await db.select({ ...columns, cursorAt: wishCursorAt }).from(wishes).where(and(partners, isNull(wishes.answer))).orderBy(...newestFirst);
	const fetched = await db
		.select({ ...columns, cursorAt: wishCursorAt })
		.from(wishes)
		.where(and(partners, isNotNull(wishes.answer), olderThanCursor(wishes.createdAt, wishes.id, answeredBefore)))
		.orderBy(...newestFirst)
		.limit(limit + 1);
	const answered = pageOf(fetched, limit);
	const shown = (rows: typeof waiting) => rows.filter((row) => can(actor, 'read', wishAccess(row))).map((row) => view(row, actor));
	return { waiting: shown(waiting), answered: shown(answered.rows), olderAnswered: answered.older };
}

/** The partner's shared wishes on the first page: every waiting one, then the newest answered ones. */
export async function listPartnerWishes(db: Database, actor: Actor) {
	const { waiting, answered } = await partnerWishesPage(db, actor);
	return [...waiting, ...answered];
}

/** How many shared wishes wait for the actor's answer (for the home page). */
export async function countWishesAwaitingAnswer(db: Database, actor: Actor) {
	if (!actor.coupleId) return 0;
	const rows = await db
		.select({ id: wishes.id, ownerId: wishes.ownerId, sharedCoupleId: wishes.sharedCoupleId })
		.from(wishes)
		.where(and(eq(wishes.sharedCoupleId, actor.coupleId), ne(wishes.ownerId, actor.userId), isNull(wishes.answer)));
	return rows.filter((row) => can(actor, 'respond', wishAccess(row))).length;
}

export async function shareWish(db: Database, actor: Actor, id: string) {
	const row = await loadWish(db, id);
	assertCan(actor, 'share', row ? wishAccess(row) : undefined);
	if (!actor.coupleId) throw new DomainError('not_in_couple');
	await db.update(wishes).set({ sharedCoupleId: actor.coupleId, updatedAt: new Date() }).where(eq(wishes.id, id));
	await recordSecurityEvent(db, actor.userId, 'share');
}

export async function unshareWish(db: Database, actor: Actor, id: string) {
	const row = await loadWish(db, id);
	assertCan(actor, 'unshare', row ? wishAccess(row) : undefined);
	await db.update(wishes).set({ sharedCoupleId: null, updatedAt: new Date() }).where(eq(wishes.id, id));
	await recordSecurityEvent(db, actor.userId, 'unshare');
}

export async function deleteWish(db: Database, actor: Actor, id: string) {
	const row = await loadWish(db, id);
	assertCan(actor, 'delete', row ? wishAccess(row) : undefined);
	await db.delete(wishes).where(eq(wishes.id, id));
}

/** The partner's answer. "Not now" needs a reason; the answer can be changed later. */
export async function answerWish(db: Database, actor: Actor, id: string, input: { answer: 'talk' | 'not-now'; reason: string | null }, now = new Date()) {
	const row = await loadWish(db, id);
	assertCan(actor, 'respond', row ? wishAccess(row) : undefined);
	if (row.ownerId === actor.userId) throw notFound();
	await db
		.update(wishes)
		.set({ answer: input.answer, answerReason: input.answer === 'not-now' ? input.reason : null, answeredAt: now })
		.where(eq(wishes.id, id));
	// Once per wish: a changed answer later tells nothing new.
	await notify(db, { userId: row.ownerId, kind: 'answer', dedupeKey: `wish:${id}` });
}

/** Inside the creation of a commitment made from this wish: checks and marks the answer. */
export async function markWishCommitted(tx: Database, actor: Actor, id: string, now = new Date()) {
	const row = await loadWish(tx, id);
	assertCan(actor, 'respond', row ? wishAccess(row) : undefined);
	if (row.ownerId === actor.userId) throw notFound();
	await tx.update(wishes).set({ answer: 'commitment', answerReason: null, answeredAt: now }).where(eq(wishes.id, id));
	return row;
}
