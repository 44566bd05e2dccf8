import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { KeysetCursor } from '$lib/schemas/cursor';
import { cursorMoment, olderThanCursor, pageOf } from '../db/keyset';
import { excerptOf } from '../db/excerpt';
import type { Database } from '../db';
import { apologyDrafts, apologyVersions, letters, paceStatus } from '../db/schema';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { recordSecurityEvent } from '../security/events';
import { once } from '../forms/once';
import { partnerOf } from './membership';
import { notify } from '../notifications/notify';

/**
 * The letterbox (practice 4: the hurt partner sets the pace). A letter is a snapshot sent to the
 * partner; it waits unopened until they choose to open it. The sender sees only "delivered" or
 * "opened". Leaving the couple withdraws every letter of that couple.
 *
 * When the recipient asked for space, a letter is kept back ("waiting"): it stays out of their
 * letterbox until they change their status or choose to see waiting letters. The sender is told
 * so before sending. Sending is idempotent: a form key per letter, and one letter per apology
 * version per couple.
 */

function access(row: { senderId: string; coupleId: string; withdrawnAt: Date | null }): ItemAccess {
	return { ownerId: row.senderId, visibility: row.withdrawnAt ? 'private' : 'shared', coupleId: row.withdrawnAt ? null : row.coupleId };
}

export type LetterKind = 'letter' | 'apology' | 'account' | 'account-addition' | 'impact' | 'restitution';

export interface SendInput {
	kind: LetterKind;
	body: string;
	/** The form key of the submission; a repeat with the same key returns the first letter. */
	formKey?: string;
}

async function recipientWantsSpace(db: Database, recipientId: string) {
	const [row] = await db.select({ status: paceStatus.status }).from(paceStatus).where(eq(paceStatus.userId, recipientId));
	return row?.status === 'space';
}

export async function sendLetter(db: Database, actor: Actor, input: SendInput) {
	const partner = await partnerOf(db, actor.userId);
	if (!partner) throw new DomainError('not_in_couple');
	const { id, replay } = await once(db, actor.userId, input.formKey, 'letter', async (tx) => {
		const id = newId();
		const waiting = await recipientWantsSpace(tx, partner.id);
		await tx.insert(letters).values({ id, senderId: actor.userId, recipientId: partner.id, coupleId: partner.coupleId, kind: input.kind, body: input.body, waiting });
		await recordSecurityEvent(tx, actor.userId, 'letter-sent');
		return id;
	});
	const waiting = await settleWaiting(db, id, partner.id);
	// A letter kept back while they asked for space tells them nothing; they see it when they choose.
	if (!replay && !waiting) await notify(db, { userId: partner.id, kind: 'letter', dedupeKey: `letter:${id}` });
	return { id, replay, waiting };
}

/**
 * Whether a letter still waits, read after it was committed. The recipient may have left "space"
 * between our reading of their status and our insert; their release could not see our letter yet,
 * so we deliver it here instead of leaving it waiting until their next change.
 */
async function settleWaiting(db: Database, id: string, recipientId: string) {
	const [row] = await db.select({ waiting: letters.waiting }).from(letters).where(eq(letters.id, id));
	if (!row?.waiting) return false;
	if (await recipientWantsSpace(db, recipientId)) return true;
	await db.update(letters).set({ waiting: false }).where(and(eq(letters.id, id), eq(letters.waiting, true)));
	return false;
}

/**
 * Sends one saved version of the sender's own apology draft. A version reaches a couple once: a
 * second click or a replayed post returns the letter already sent.
 */
export async function sendApologyVersion(db: Database, actor: Actor, draftId: string, number: number) {
	const [version] = await db
		.select({ id: apologyVersions.id, body: apologyVersions.body, ownerId: apologyDrafts.ownerId })
		.from(apologyVersions)
		.innerJoin(apologyDrafts, eq(apologyDrafts.id, apologyVersions.draftId))
		.where(and(eq(apologyVersions.draftId, draftId), eq(apologyVersions.number, number)));
	assertCan(actor, 'share', version ? { ownerId: version.ownerId, visibility: 'private', coupleId: null } : undefined);
	const partner = await partnerOf(db, actor.userId);
	if (!partner) throw new DomainError('not_in_couple');
	const id = newId();
	const waiting = await recipientWantsSpace(db, partner.id);
	const [inserted] = await db
		.insert(letters)
		.values({ id, senderId: actor.userId, recipientId: partner.id, coupleId: partner.coupleId, kind: 'apology', body: version.body, waiting, sourceVersionId: version.id })
		.onConflictDoNothing({ target: [letters.sourceVersionId, letters.coupleId] })
		.returning({ id: letters.id, waiting: letters.waiting });
	if (inserted) {
		await recordSecurityEvent(db, actor.userId, 'letter-sent');
		const waiting = inserted.waiting && (await settleWaiting(db, inserted.id, partner.id));
		if (!waiting) await notify(db, { userId: partner.id, kind: 'letter', dedupeKey: `letter:${inserted.id}` });
		return { id: inserted.id, replay: false, waiting };
	}
	const [earlier] = await db
		.select({ id: letters.id, waiting: letters.waiting })
		.from(letters)
		.where(and(eq(letters.sourceVersionId, version.id), eq(letters.coupleId, partner.coupleId)));
	return { id: earlier.id, replay: true, waiting: earlier.waiting };
}

/** The state of each version of a draft that reached the actor's current couple, by version number. */
export async function sentVersionsOf(db: Database, actor: Actor, draftId: string) {
	if (!actor.coupleId) return new Map<number, LetterState>();
	const rows = await db
		.select({ number: apologyVersions.number, openedAt: letters.openedAt, withdrawnAt: letters.withdrawnAt, waiting: letters.waiting })
		.from(letters)
		.innerJoin(apologyVersions, eq(apologyVersions.id, letters.sourceVersionId))
		.where(and(eq(apologyVersions.draftId, draftId), eq(letters.senderId, actor.userId), eq(letters.coupleId, actor.coupleId)));
	return new Map(rows.map((r) => [r.number, stateOf(r)]));
}

export type LetterState = 'waiting' | 'delivered' | 'opened' | 'withdrawn';

/** What the sender may know of a letter, and all the export holds about its opening. */
export function stateOf(r: { openedAt: Date | null; withdrawnAt: Date | null; waiting: boolean }): LetterState {
	if (r.withdrawnAt) return 'withdrawn';
	if (r.openedAt) return 'opened';
	return r.waiting ? 'waiting' : 'delivered';
}

/** How many letters wait for the recipient, kept back while they asked for space. */
export async function countWaitingLetters(db: Database, actor: Actor) {
	if (!actor.coupleId) return 0;
	const rows = await db
		.select({ id: letters.id })
		.from(letters)
		.where(and(eq(letters.recipientId, actor.userId), eq(letters.coupleId, actor.coupleId), eq(letters.waiting, true), isNull(letters.withdrawnAt)));
	return rows.length;
}

/** The recipient's choice (or their changed status) lets waiting letters into the letterbox. */
export async function releaseWaitingLetters(db: Database, actor: Actor) {
	if (!actor.coupleId) return;
	await db
		.update(letters)
		.set({ waiting: false })
		.where(and(eq(letters.recipientId, actor.userId), eq(letters.coupleId, actor.coupleId), eq(letters.waiting, true)));
}

/** How many opened letters the letterbox and the sent list show at a time; older ones are a link away. */
export const LETTER_PAGE_SIZE = 20;

const letterCursorAt = cursorMoment(letters.sentAt);

/** The letters in someone's letterbox in their couple: delivered, neither kept back nor withdrawn. */
const inLetterboxOf = (userId: string, coupleId: string) => and(eq(letters.recipientId, userId), eq(letters.coupleId, coupleId), isNull(letters.withdrawnAt), eq(letters.waiting, false));

/**
 * The letterbox: every letter not opened yet (they wait for the recipient's choice, so none may
 * hide on a later page), then one page of the opened ones, newest first: the newest, or those
 * after the cursor `openedBefore`. `olderOpened` is the cursor for the next page, or null. Bodies
 * are not included: a letter is read only by opening it.
 */
export async function letterboxPage(db: Database, actor: Actor, openedBefore: KeysetCursor | null = null, limit = LETTER_PAGE_SIZE) {
	if (!actor.coupleId) return { unopened: [], opened: [], olderOpened: null };
	const columns = { id: letters.id, senderId: letters.senderId, coupleId: letters.coupleId, withdrawnAt: letters.withdrawnAt, kind: letters.kind, sentAt: letters.sentAt, openedAt: letters.openedAt, cursorAt: letterCursorAt };
	const inMyLetterbox = inLetterboxOf(actor.userId, actor.coupleId);
	const order = [desc(letters.sentAt), desc(letters.id)];
	const unopened = await db.select(columns).from(letters).where(and(inMyLetterbox, isNull(letters.openedAt))).orderBy(...order);
	const fetched = await db
		.select(columns)
		.from(letters)
		.where(and(inMyLetterbox, isNotNull(letters.openedAt), olderThanCursor(letters.sentAt, letters.id, openedBefore)))
		.orderBy(...order)
		.limit(limit + 1);
	const opened = pageOf(fetched, limit);
	// The query already narrows to this couple; the policy still has the last word, as for every read.
	const shown = (rows: typeof unopened) => rows.filter((row) => can(actor, 'read', access(row))).map(({ id, kind, sentAt, openedAt }) => ({ id, kind, sentAt, openedAt }));
	return { unopened: shown(unopened), opened: shown(opened.rows), olderOpened: opened.older };
}

/** The letterbox's first page: every unopened letter, then the newest opened ones. */
export async function listLetterbox(db: Database, actor: Actor) {
	const { unopened, opened } = await letterboxPage(db, actor);
	return [...unopened, ...opened];
}

/**
 * How many letters in the letterbox the actor has not opened yet (the home page, "Together").
 * Reads only those letters, and only what the policy needs: the letterbox itself grows with every
 * letter, apology version and addition ever received.
 */
export async function countUnopenedLetters(db: Database, actor: Actor) {
	if (!actor.coupleId) return 0;
	const rows = await db
		.select({ senderId: letters.senderId, coupleId: letters.coupleId, withdrawnAt: letters.withdrawnAt })
		.from(letters)
		.where(and(inLetterboxOf(actor.userId, actor.coupleId), isNull(letters.openedAt)));
	return rows.filter((row) => can(actor, 'read', access(row))).length;
}

async function loadLetter(db: Database, id: string) {
	const [row] = await db
		.select({ id: letters.id, senderId: letters.senderId, recipientId: letters.recipientId, coupleId: letters.coupleId, withdrawnAt: letters.withdrawnAt, waiting: letters.waiting, kind: letters.kind, body: letters.body, sentAt: letters.sentAt, openedAt: letters.openedAt })
		.from(letters)
		.where(eq(letters.id, id));
	return row;
}

/** Opening is the recipient's choice; the first opening is what the sender sees as "opened". */
export async function openLetter(db: Database, actor: Actor, id: string, now = new Date()) {
	const row = await loadLetter(db, id);
	// A waiting letter is not in the letterbox yet; for the recipient it does not exist until released.
	const waitingForMe = row?.waiting && row.recipientId === actor.userId;
	assertCan(actor, 'read', row && !waitingForMe ? access(row) : undefined);
	if (row.recipientId === actor.userId && !row.openedAt) {
		await db.update(letters).set({ openedAt: now }).where(eq(letters.id, id));
		row.openedAt = now;
	}
	return { id: row.id, kind: row.kind, body: row.body, sentAt: row.sentAt, openedAt: row.openedAt, mine: row.senderId === actor.userId };
}

/** What the sender's list shows of a letter's text: its opening, cut in the database. */
const SENT_EXCERPT_LENGTH = 140;

/**
 * What the sender sees of their letters, a page at a time, newest first: their own words (the
 * opening of each) and only whether it was opened. `older` is the cursor for the next page.
 */
export async function sentLettersPage(db: Database, actor: Actor, before: KeysetCursor | null = null, limit = LETTER_PAGE_SIZE) {
	const fetched = await db
		.select({ id: letters.id, kind: letters.kind, excerpt: excerptOf(letters.body, SENT_EXCERPT_LENGTH), sentAt: letters.sentAt, openedAt: letters.openedAt, withdrawnAt: letters.withdrawnAt, waiting: letters.waiting, cursorAt: letterCursorAt })
		.from(letters)
		.where(and(eq(letters.senderId, actor.userId), olderThanCursor(letters.sentAt, letters.id, before)))
		.orderBy(desc(letters.sentAt), desc(letters.id))
		.limit(limit + 1);
	const { rows, older } = pageOf(fetched, limit);
	return { letters: rows.map((r) => ({ id: r.id, kind: r.kind, excerpt: r.excerpt, sentAt: r.sentAt, state: stateOf(r) })), older };
}

/** The newest page of what the sender sees of their letters. */
export async function listSentLetters(db: Database, actor: Actor) {
	return (await sentLettersPage(db, actor)).letters;
}
