import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { coupleMembers, coupleNotices, couples, letters, paceStatus, reflections, users } from '../db/schema';
import { DomainError } from '../errors';
import { recordSecurityEvent } from '../security/events';
import { runAsSystem } from '../db/actor-context';

export interface Partner {
	id: string;
	displayName: string;
	role: 'repairing' | 'hurt' | null;
}

export async function coupleIdOf(db: Database, userId: string): Promise<string | null> {
	const [row] = await db.select({ coupleId: coupleMembers.coupleId }).from(coupleMembers).where(eq(coupleMembers.userId, userId));
	return row?.coupleId ?? null;
}

/** The other member of the user's couple, or null when the user is solo. Asks the database which couple that is. */
export async function partnerOf(db: Database, userId: string): Promise<(Partner & { coupleId: string }) | null> {
	return partnerInCouple(db, userId, await coupleIdOf(db, userId));
}

/**
 * For reading pages: the partner in the couple the session already knows (`actor.coupleId`, read
 * with the session at the start of the request), without asking again which couple that is; a
 * solo person costs no query at all, nor does a person whose session brought the partner along
 * (`actor.partner`, see validateSession). Changes (sending, leaving) use partnerOf, which asks.
 */
export async function partnerIn(
	db: Database,
	actor: { userId: string; coupleId: string | null; partner?: Partner | null }
): Promise<(Partner & { coupleId: string }) | null> {
	if (!actor.coupleId) return null;
	if (actor.partner !== undefined) return actor.partner && { id: actor.partner.id, displayName: actor.partner.displayName, role: actor.partner.role, coupleId: actor.coupleId };
	return partnerInCouple(db, actor.userId, actor.coupleId);
}

async function partnerInCouple(db: Database, userId: string, coupleId: string | null): Promise<(Partner & { coupleId: string }) | null> {
	if (!coupleId) return null;
	const [row] = await db
		.select({ id: users.id, displayName: users.displayName, role: users.role })
		.from(coupleMembers)
		.innerJoin(users, eq(users.id, coupleMembers.userId))
		.where(and(eq(coupleMembers.coupleId, coupleId), ne(coupleMembers.userId, userId)));
	return row ? { ...row, coupleId } : null;
}

/**
 * Leaving ends the couple for both at once: memberships go, shares made in this couple are
 * withdrawn, unopened letters are withdrawn, and the pace status (a signal to this partner) ends.
 * Each keeps their own items; needs stay bound to this couple, so no later partner sees them.
 * The partner who stays is told once, kindly, why they are on their own now (see notices.ts).
 */
export async function leaveCouple(db: Database, userId: string, reason: 'left' | 'deleted' = 'left') {
	const coupleId = await coupleIdOf(db, userId);
	if (!coupleId) throw new DomainError('not_in_couple');
	const members = await db.select({ userId: coupleMembers.userId }).from(coupleMembers).where(eq(coupleMembers.coupleId, coupleId));
	// Crosses users by design (the partner's shares, letters and status end too): see decision 006.
	await runAsSystem(() => db.transaction(async (tx) => {
		await tx.update(couples).set({ endedAt: new Date() }).where(eq(couples.id, coupleId));
		await tx.delete(coupleMembers).where(eq(coupleMembers.coupleId, coupleId));
		await tx.update(reflections).set({ sharedCoupleId: null }).where(eq(reflections.sharedCoupleId, coupleId));
		await tx.update(letters).set({ withdrawnAt: new Date() }).where(and(eq(letters.coupleId, coupleId), isNull(letters.withdrawnAt)));
		await tx.delete(paceStatus).where(inArray(paceStatus.userId, members.map((m) => m.userId)));
		const stayers = members.filter((m) => m.userId !== userId);
		const kind = reason === 'deleted' ? ('partner-deleted' as const) : ('partner-left' as const);
		for (const stayer of stayers) {
			await tx.insert(coupleNotices).values({ userId: stayer.userId, kind }).onConflictDoUpdate({ target: coupleNotices.userId, set: { kind, createdAt: new Date() } });
		}
	}));
	for (const member of members) await recordSecurityEvent(db, member.userId, 'couple-left');
}
