import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { apologyDrafts, apologyVersions, letters } from '../db/schema';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { recordSecurityEvent } from '../security/events';
import { partnerOf } from './membership';

/**
 * The letterbox (practice 4: the hurt partner sets the pace). A letter is a snapshot sent to the
 * partner; it waits unopened until they choose to open it. The sender sees only "delivered" or
 * "opened". Leaving the couple withdraws every letter of that couple.
 */

function access(row: { senderId: string; coupleId: string; withdrawnAt: Date | null }): ItemAccess {
	return { ownerId: row.senderId, visibility: row.withdrawnAt ? 'private' : 'shared', coupleId: row.withdrawnAt ? null : row.coupleId };
}

export async function sendLetter(db: Database, actor: Actor, input: { kind: 'letter' | 'apology'; body: string }) {
	const partner = await partnerOf(db, actor.userId);
	if (!partner) throw new DomainError('not_in_couple');
	const id = newId();
	await db.insert(letters).values({ id, senderId: actor.userId, recipientId: partner.id, coupleId: partner.coupleId, kind: input.kind, body: input.body });
	await recordSecurityEvent(db, actor.userId, 'letter-sent');
	return { id };
}

/** Sends one saved version of the sender's own apology draft. */
export async function sendApologyVersion(db: Database, actor: Actor, draftId: string, number: number) {
	const [version] = await db
		.select({ body: apologyVersions.body, ownerId: apologyDrafts.ownerId })
		.from(apologyVersions)
		.innerJoin(apologyDrafts, eq(apologyDrafts.id, apologyVersions.draftId))
		.where(and(eq(apologyVersions.draftId, draftId), eq(apologyVersions.number, number)));
	assertCan(actor, 'share', version ? { ownerId: version.ownerId, visibility: 'private', coupleId: null } : undefined);
	return sendLetter(db, actor, { kind: 'apology', body: version.body });
}

/** The recipient's letterbox. Bodies are not included: a letter is read only by opening it. */
export async function listLetterbox(db: Database, actor: Actor) {
	if (!actor.coupleId) return [];
	const rows = await db
		.select({ id: letters.id, senderId: letters.senderId, coupleId: letters.coupleId, withdrawnAt: letters.withdrawnAt, kind: letters.kind, sentAt: letters.sentAt, openedAt: letters.openedAt })
		.from(letters)
		.where(and(eq(letters.recipientId, actor.userId), eq(letters.coupleId, actor.coupleId), isNull(letters.withdrawnAt)))
		.orderBy(desc(letters.sentAt));
	// The query already narrows to this couple; the policy still has the last word, as for every read.
	return rows.filter((row) => can(actor, 'read', access(row))).map(({ id, kind, sentAt, openedAt }) => ({ id, kind, sentAt, openedAt }));
}

async function loadLetter(db: Database, id: string) {
	const [row] = await db
		.select({ id: letters.id, senderId: letters.senderId, recipientId: letters.recipientId, coupleId: letters.coupleId, withdrawnAt: letters.withdrawnAt, kind: letters.kind, body: letters.body, sentAt: letters.sentAt, openedAt: letters.openedAt })
		.from(letters)
		.where(eq(letters.id, id));
	return row;
}

/** Opening is the recipient's choice; the first opening is what the sender sees as "opened". */
export async function openLetter(db: Database, actor: Actor, id: string, now = new Date()) {
	const row = await loadLetter(db, id);
	assertCan(actor, 'read', row ? access(row) : undefined);
	if (row.recipientId === actor.userId && !row.openedAt) {
		await db.update(letters).set({ openedAt: now }).where(eq(letters.id, id));
		row.openedAt = now;
	}
	return { id: row.id, kind: row.kind, body: row.body, sentAt: row.sentAt, openedAt: row.openedAt, mine: row.senderId === actor.userId };
}

/** What the sender sees of their letters: their own text and only whether it was opened. */
export async function listSentLetters(db: Database, actor: Actor) {
	const rows = await db
		.select({ id: letters.id, kind: letters.kind, body: letters.body, sentAt: letters.sentAt, openedAt: letters.openedAt, withdrawnAt: letters.withdrawnAt })
		.from(letters)
		.where(eq(letters.senderId, actor.userId))
		.orderBy(desc(letters.sentAt));
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		body: r.body,
		sentAt: r.sentAt,
		state: r.withdrawnAt ? ('withdrawn' as const) : r.openedAt ? ('opened' as const) : ('delivered' as const)
	}));
}
