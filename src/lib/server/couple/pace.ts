import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { needs, paceStatus } from '../db/schema';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { partnerIn } from './membership';
import { releaseWaitingLetters } from './letters';

/**
 * Pace signals of the hurt partner: a status and a needs list. Both exist to be seen by the
 * partner, so they are always shared within the couple (the interface says so) — and only within
 * it: a need belongs to the couple it was written for, and a status ends with the couple, so
 * nothing written for one partner ever reaches a later one.
 */
export type PaceState = 'space' | 'ready-to-read' | 'ready-to-talk';

/** Leaving "space" is the moment letters kept back during it are delivered. */
export async function setPaceStatus(db: Database, actor: Actor, input: { status: PaceState; note: string | null }) {
	await db
		.insert(paceStatus)
		.values({ userId: actor.userId, status: input.status, note: input.note })
		.onConflictDoUpdate({ target: paceStatus.userId, set: { status: input.status, note: input.note, updatedAt: new Date() } });
	if (input.status !== 'space') await releaseWaitingLetters(db, actor);
}

/** "No status": the partner sees nothing, and nothing is kept back any more. */
export async function clearPaceStatus(db: Database, actor: Actor) {
	await db.delete(paceStatus).where(eq(paceStatus.userId, actor.userId));
	await releaseWaitingLetters(db, actor);
}

/** The actor's own status. */
export async function getOwnPaceStatus(db: Database, actor: Actor) {
	const [row] = await db
		.select({ status: paceStatus.status, note: paceStatus.note, updatedAt: paceStatus.updatedAt })
		.from(paceStatus)
		.where(eq(paceStatus.userId, actor.userId));
	return row ?? null;
}

/** What the actor sees of their partner's status (the partner as `partnerOf` gives it); it lives as long as the couple does. */
export async function readPartnerStatus(db: Database, actor: Actor, partner: { id: string; coupleId: string }) {
	const item: ItemAccess = { ownerId: partner.id, visibility: 'shared', coupleId: partner.coupleId };
	if (!can(actor, 'read', item)) return null;
	const [row] = await db
		.select({ status: paceStatus.status, note: paceStatus.note, updatedAt: paceStatus.updatedAt })
		.from(paceStatus)
		.where(eq(paceStatus.userId, partner.id));
	return row ?? null;
}

/**
 * The actor's own status and what they see of the partner's (as readPartnerStatus gives it), in
 * one query, for the home page, which shows the one and is quiet on the other.
 */
export async function readPaceStatuses(db: Database, actor: Actor, partner: { id: string; coupleId: string } | null) {
	const partnerVisible = partner !== null && can(actor, 'read', { ownerId: partner.id, visibility: 'shared', coupleId: partner.coupleId });
	const rows = await db
		.select({ userId: paceStatus.userId, status: paceStatus.status, note: paceStatus.note, updatedAt: paceStatus.updatedAt })
		.from(paceStatus)
		.where(partnerVisible ? inArray(paceStatus.userId, [actor.userId, partner.id]) : eq(paceStatus.userId, actor.userId));
	const of = (userId: string) => {
		const row = rows.find((r) => r.userId === userId);
		return row ? { status: row.status, note: row.note, updatedAt: row.updatedAt } : null;
	};
	return { own: of(actor.userId), partner: partnerVisible ? of(partner.id) : null };
}

const needAccess = (row: { ownerId: string; coupleId: string | null }): ItemAccess => ({
	ownerId: row.ownerId,
	visibility: 'shared',
	coupleId: row.coupleId
});

const needColumns = { id: needs.id, ownerId: needs.ownerId, coupleId: needs.coupleId, body: needs.body, createdAt: needs.createdAt, acknowledgedAt: needs.acknowledgedAt };

/** The partner's status and the needs they wrote for this couple; null when solo. */
export async function getPartnerPace(db: Database, actor: Actor) {
	const partner = await partnerIn(db, actor);
	if (!partner) return null;
	const rows = await db.select(needColumns).from(needs).where(eq(needs.ownerId, partner.id)).orderBy(asc(needs.createdAt));
	return {
		partner: { displayName: partner.displayName, role: partner.role },
		status: await readPartnerStatus(db, actor, partner),
		needs: rows.filter((row) => can(actor, 'read', needAccess(row))).map(({ id, body, createdAt, acknowledgedAt }) => ({ id, body, createdAt, acknowledgedAt }))
	};
}

export async function addNeed(db: Database, actor: Actor, body: string, formKey?: string) {
	return once(db, actor.userId, formKey, 'need', async (tx) => {
		const id = newId();
		await tx.insert(needs).values({ id, ownerId: actor.userId, coupleId: actor.coupleId, body });
		return id;
	});
}

/** The actor's own needs; `current` is false for those written for an earlier couple, which nobody sees any more. */
export async function listMyNeeds(db: Database, actor: Actor) {
	const rows = await db.select(needColumns).from(needs).where(eq(needs.ownerId, actor.userId)).orderBy(asc(needs.createdAt));
	return rows.map((row) => ({
		id: row.id,
		body: row.body,
		createdAt: row.createdAt,
		acknowledgedAt: row.acknowledgedAt,
		current: row.coupleId === null || row.coupleId === actor.coupleId
	}));
}

async function loadNeed(db: Database, id: string) {
	const [row] = await db.select({ ownerId: needs.ownerId, coupleId: needs.coupleId }).from(needs).where(eq(needs.id, id));
	return row ? needAccess(row) : undefined;
}

export async function removeNeed(db: Database, actor: Actor, id: string) {
	assertCan(actor, 'delete', await loadNeed(db, id));
	await db.delete(needs).where(eq(needs.id, id));
}

/** The partner says "I have read this and take it seriously"; they cannot change the need. */
export async function acknowledgeNeed(db: Database, actor: Actor, id: string, now = new Date()) {
	const item = await loadNeed(db, id);
	assertCan(actor, 'respond', item);
	if (item.ownerId === actor.userId) return;
	await db.update(needs).set({ acknowledgedAt: now }).where(eq(needs.id, id));
}
