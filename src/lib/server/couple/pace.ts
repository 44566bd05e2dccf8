import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { needs, paceStatus } from '../db/schema';
import { assertCan, type Actor } from '../access/policy';
import { newId } from '../security/tokens';
import { partnerOf } from './membership';

/**
 * Pace signals of the hurt partner: a status and a needs list. Both exist to be seen by the
 * partner, so they are always shared within the couple (the interface says so).
 */
export type PaceState = 'space' | 'ready-to-read' | 'ready-to-talk';

export async function setPaceStatus(db: Database, actor: Actor, input: { status: PaceState; note: string | null }) {
	await db
		.insert(paceStatus)
		.values({ userId: actor.userId, status: input.status, note: input.note })
		.onConflictDoUpdate({ target: paceStatus.userId, set: { status: input.status, note: input.note, updatedAt: new Date() } });
}

export async function getPaceStatus(db: Database, userId: string) {
	const [row] = await db
		.select({ status: paceStatus.status, note: paceStatus.note, updatedAt: paceStatus.updatedAt })
		.from(paceStatus)
		.where(eq(paceStatus.userId, userId));
	return row ?? null;
}

export async function getPartnerPace(db: Database, actor: Actor) {
	const partner = await partnerOf(db, actor.userId);
	if (!partner) return null;
	return { partner: { displayName: partner.displayName, role: partner.role }, status: await getPaceStatus(db, partner.id), needs: await listNeeds(db, partner.id) };
}

export async function addNeed(db: Database, actor: Actor, body: string) {
	const id = newId();
	await db.insert(needs).values({ id, ownerId: actor.userId, body });
	return { id };
}

export async function listNeeds(db: Database, ownerId: string) {
	return db
		.select({ id: needs.id, body: needs.body, createdAt: needs.createdAt, acknowledgedAt: needs.acknowledgedAt })
		.from(needs)
		.where(eq(needs.ownerId, ownerId))
		.orderBy(asc(needs.createdAt));
}

async function needAccess(db: Database, id: string) {
	const [row] = await db.select({ ownerId: needs.ownerId }).from(needs).where(eq(needs.id, id));
	if (!row) return undefined;
	const partner = await partnerOf(db, row.ownerId);
	return { ownerId: row.ownerId, visibility: 'shared' as const, coupleId: partner?.coupleId ?? null };
}

export async function removeNeed(db: Database, actor: Actor, id: string) {
	assertCan(actor, 'delete', await needAccess(db, id));
	await db.delete(needs).where(and(eq(needs.id, id), eq(needs.ownerId, actor.userId)));
}

/** The partner says "I have read this and take it seriously"; they cannot change the need. */
export async function acknowledgeNeed(db: Database, actor: Actor, id: string, now = new Date()) {
	const item = await needAccess(db, id);
	assertCan(actor, 'respond', item);
	if (item.ownerId === actor.userId) return;
	await db.update(needs).set({ acknowledgedAt: now }).where(eq(needs.id, id));
}
