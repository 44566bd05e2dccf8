import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import type { Database } from '../db';
import { letters, talkAccountEntries, talkAccounts } from '../db/schema';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { DomainError, isUniqueViolation } from '../errors';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { openLetter, sendLetter, stateOf, type LetterState } from '../couple/letters';
import { partnerOf } from '../couple/membership';

/**
 * One honest account (issue 11, item 2; research item 4): the repairing partner writes what
 * happened as dated entries, and sends it once, as a whole. It travels like a letter (a letter of
 * kind `account` in the letterbox), so the letterbox rules hold: it waits while the partner asked
 * for space, the partner opens it when they choose, the sender sees only its state, and leaving
 * the couple withdraws it.
 *
 * After sending nothing changes silently: entries are frozen, and anything more is an addition —
 * marked "added later" with its date and the reason given, delivered as its own letter
 * (`account-addition`), optionally correcting an earlier entry (which stays, marked as corrected).
 */

export interface EntryInput {
	fromDate: string;
	toDate: string | null;
	approximate: boolean;
	body: string;
}

export interface AdditionInput extends EntryInput {
	reason: string;
	correctsId: string | null;
}

/** Labels for the plain-text copy the letter keeps (the export shows it), in the writer's language. */
export interface SnapshotLabels {
	addedLater: string;
	reason: string;
	corrects: string;
}

type AccountRow = { ownerId: string; coupleId: string | null; sentAt: Date | null };

/** A draft is private; a sent account is shared with the couple it was sent to, while its letter stands. */
export const accountAccess = (row: AccountRow, letter?: { withdrawnAt: Date | null } | null): ItemAccess => {
	const shared = !!row.sentAt && !!row.coupleId && !letter?.withdrawnAt;
	return { ownerId: row.ownerId, visibility: shared ? 'shared' : 'private', coupleId: shared ? row.coupleId : null };
};

const accountColumns = { id: talkAccounts.id, ownerId: talkAccounts.ownerId, coupleId: talkAccounts.coupleId, letterId: talkAccounts.letterId, createdAt: talkAccounts.createdAt, sentAt: talkAccounts.sentAt };
const entryColumns = {
	id: talkAccountEntries.id,
	accountId: talkAccountEntries.accountId,
	fromDate: talkAccountEntries.fromDate,
	toDate: talkAccountEntries.toDate,
	approximate: talkAccountEntries.approximate,
	body: talkAccountEntries.body,
	createdAt: talkAccountEntries.createdAt,
	addedLater: talkAccountEntries.addedLater,
	reason: talkAccountEntries.reason,
	correctsId: talkAccountEntries.correctsId,
	letterId: talkAccountEntries.letterId
};

/** The actor's account for now: the one sent to their current couple, else their draft. */
async function ownAccount(db: Database, actor: Actor) {
	const rows = await db
		.select(accountColumns)
		.from(talkAccounts)
		.where(and(eq(talkAccounts.ownerId, actor.userId), actor.coupleId ? or(isNull(talkAccounts.sentAt), eq(talkAccounts.coupleId, actor.coupleId)) : isNull(talkAccounts.sentAt)))
		.orderBy(desc(talkAccounts.createdAt));
	return rows.find((r) => r.sentAt) ?? rows[0];
}

async function entriesOf(db: Database, accountId: string) {
	return db.select(entryColumns).from(talkAccountEntries).where(eq(talkAccountEntries.accountId, accountId)).orderBy(asc(talkAccountEntries.fromDate), asc(talkAccountEntries.createdAt));
}

async function letterStates(db: Database, ids: (string | null)[]) {
	const wanted = ids.filter((id): id is string => !!id);
	if (!wanted.length) return new Map<string, { openedAt: Date | null; withdrawnAt: Date | null; waiting: boolean }>();
	const rows = await db.select({ id: letters.id, openedAt: letters.openedAt, withdrawnAt: letters.withdrawnAt, waiting: letters.waiting }).from(letters).where(inArray(letters.id, wanted));
	return new Map(rows.map((r) => [r.id, r]));
}

/** What the writer sees: their draft, or what they sent with the state of each delivery. */
export async function getMyAccount(db: Database, actor: Actor) {
	const account = await ownAccount(db, actor);
	if (!account) return null;
	const entries = await entriesOf(db, account.id);
	const states = await letterStates(db, [account.letterId, ...entries.map((e) => e.letterId)]);
	const state = (id: string | null): LetterState | null => {
		const row = id ? states.get(id) : undefined;
		return row ? stateOf(row) : null;
	};
	return {
		id: account.id,
		sentAt: account.sentAt,
		// Sent to a couple that has since ended: kept for the writer, seen by nobody.
		state: account.sentAt ? (state(account.letterId) ?? 'withdrawn') : null,
		entries: entries.map((e) => ({ ...publicEntry(e, entries), state: e.addedLater ? state(e.letterId) : null }))
	};
}

function publicEntry(e: Awaited<ReturnType<typeof entriesOf>>[number], all: { id: string; correctsId: string | null }[]) {
	return {
		id: e.id,
		fromDate: e.fromDate,
		toDate: e.toDate,
		approximate: e.approximate,
		body: e.body,
		addedLater: e.addedLater,
		addedAt: e.addedLater ? e.createdAt : null,
		reason: e.reason,
		correctsId: e.correctsId,
		correctedBy: all.filter((other) => other.correctsId === e.id).map((other) => other.id)
	};
}

async function draftFor(db: Database, actor: Actor) {
	const account = await ownAccount(db, actor);
	if (account?.sentAt) throw new DomainError('account_sent');
	if (account) return account.id;
	const id = newId();
	try {
		await db.insert(talkAccounts).values({ id, ownerId: actor.userId });
	} catch (err) {
		// Two first entries at once: the other request made the draft.
		if (!isUniqueViolation(err)) throw err;
		const again = await ownAccount(db, actor);
		if (!again || again.sentAt) throw new DomainError('conflict');
		return again.id;
	}
	return id;
}

/** Adds an entry to the draft (made on first use). Once sent, only additions are possible. */
export async function addEntry(db: Database, actor: Actor, input: EntryInput, formKey?: string) {
	const accountId = await draftFor(db, actor);
	return once(db, actor.userId, formKey, 'account-entry', async (tx) => {
		const id = newId();
		await tx.insert(talkAccountEntries).values({ id, accountId, ownerId: actor.userId, ...input });
		return id;
	});
}

async function loadEntry(db: Database, id: string) {
	const [row] = await db
		.select({ id: talkAccountEntries.id, accountId: talkAccountEntries.accountId, ownerId: talkAccounts.ownerId, coupleId: talkAccounts.coupleId, sentAt: talkAccounts.sentAt })
		.from(talkAccountEntries)
		.innerJoin(talkAccounts, eq(talkAccounts.id, talkAccountEntries.accountId))
		.where(eq(talkAccountEntries.id, id));
	return row;
}

/** Changes an entry of the draft. After sending this is refused: nothing changes silently. */
export async function updateEntry(db: Database, actor: Actor, id: string, input: EntryInput) {
	const row = await loadEntry(db, id);
	assertCan(actor, 'update', row ? accountAccess(row) : undefined);
	if (row.sentAt) throw new DomainError('account_sent');
	await db.update(talkAccountEntries).set({ ...input, updatedAt: new Date() }).where(eq(talkAccountEntries.id, id));
}

export async function removeEntry(db: Database, actor: Actor, id: string) {
	const row = await loadEntry(db, id);
	assertCan(actor, 'delete', row ? accountAccess(row) : undefined);
	if (row.sentAt) throw new DomainError('account_sent');
	await db.delete(talkAccountEntries).where(eq(talkAccountEntries.id, id));
}

const period = (e: { fromDate: string; toDate: string | null; approximate: boolean }) => `${e.approximate ? '~' : ''}${e.fromDate}${e.toDate ? ` – ${e.toDate}` : ''}`;

/** The plain-text copy a letter keeps of the whole account (what the export shows under letters). */
export function accountSnapshot(entries: { fromDate: string; toDate: string | null; approximate: boolean; body: string }[]) {
	return entries.map((e) => `${period(e)}\n${e.body}`).join('\n\n');
}

/**
 * Sends the draft as a whole to the partner's letterbox. A second click, or a replay, finds it
 * sent and changes nothing.
 */
export async function sendAccount(db: Database, actor: Actor, formKey?: string, now = new Date()) {
	const partner = await partnerOf(db, actor.userId);
	if (!partner) throw new DomainError('not_in_couple');
	const account = await ownAccount(db, { ...actor, coupleId: partner.coupleId });
	if (!account) throw new DomainError('account_empty');
	if (account.sentAt) return { replay: true, waiting: account.letterId ? !!(await letterStates(db, [account.letterId])).get(account.letterId)?.waiting : false };
	const entries = await entriesOf(db, account.id);
	if (!entries.length) throw new DomainError('account_empty');
	// Claim the draft first, so two sends at once deliver one letter.
	const [claimed] = await db
		.update(talkAccounts)
		.set({ sentAt: now, coupleId: partner.coupleId })
		.where(and(eq(talkAccounts.id, account.id), isNull(talkAccounts.sentAt)))
		.returning({ id: talkAccounts.id });
	if (!claimed) return { replay: true, waiting: false };
	try {
		const { id: letterId, waiting } = await sendLetter(db, actor, { kind: 'account', body: accountSnapshot(entries), formKey });
		await db.update(talkAccounts).set({ letterId }).where(eq(talkAccounts.id, account.id));
		return { replay: false, waiting };
	} catch (err) {
		await db.update(talkAccounts).set({ sentAt: null, coupleId: null }).where(eq(talkAccounts.id, account.id));
		throw err;
	}
}

/**
 * Something added after sending: visibly marked, with the reason, and delivered through the
 * letterbox like the account itself. With `correctsId` it corrects an earlier entry.
 */
export async function addLater(db: Database, actor: Actor, input: AdditionInput, labels: SnapshotLabels, formKey?: string) {
	const account = await ownAccount(db, actor);
	if (!account?.sentAt || !actor.coupleId || account.coupleId !== actor.coupleId) throw new DomainError('not_found');
	const entries = await entriesOf(db, account.id);
	const corrected = input.correctsId ? entries.find((e) => e.id === input.correctsId) : undefined;
	if (input.correctsId && !corrected) throw new DomainError('not_found');
	const snapshot = [
		labels.addedLater,
		`${labels.reason}: ${input.reason}`,
		corrected ? `${labels.corrects}: ${period(corrected)}` : null,
		'',
		`${period(input)}\n${input.body}`
	]
		.filter((line) => line !== null)
		.join('\n');
	const { id: letterId, waiting } = await sendLetter(db, actor, { kind: 'account-addition', body: snapshot, formKey });
	// A replayed post finds the entry the first one made.
	const [existing] = await db.select({ id: talkAccountEntries.id }).from(talkAccountEntries).where(eq(talkAccountEntries.letterId, letterId));
	if (existing) return { id: existing.id, waiting };
	const id = newId();
	await db.insert(talkAccountEntries).values({
		id,
		accountId: account.id,
		ownerId: actor.userId,
		fromDate: input.fromDate,
		toDate: input.toDate,
		approximate: input.approximate,
		body: input.body,
		addedLater: true,
		reason: input.reason,
		correctsId: corrected?.id ?? null,
		letterId
	});
	return { id, waiting };
}

/**
 * What the partner sees of the account sent to them: nothing while it waits (space) or after it
 * was withdrawn; only that it arrived until they open it; then every entry, and of each addition
 * its date and reason, its text once they open it too.
 */
export async function readPartnerAccount(db: Database, actor: Actor) {
	if (!actor.coupleId) return null;
	const [account] = await db
		.select(accountColumns)
		.from(talkAccounts)
		.where(and(eq(talkAccounts.coupleId, actor.coupleId), ne(talkAccounts.ownerId, actor.userId), isNotNull(talkAccounts.sentAt)))
		.orderBy(desc(talkAccounts.sentAt))
		.limit(1);
	if (!account || account.ownerId === actor.userId || !account.letterId) return null;
	const entries = await entriesOf(db, account.id);
	const states = await letterStates(db, [account.letterId, ...entries.map((e) => e.letterId)]);
	const letter = states.get(account.letterId);
	if (!letter || letter.waiting || !can(actor, 'read', accountAccess(account, letter))) return null;
	if (!letter.openedAt) return { letterId: account.letterId, sentAt: account.sentAt!, opened: false as const, entries: [] };
	const delivered = entries.filter((e) => {
		if (!e.addedLater) return true;
		const s = e.letterId ? states.get(e.letterId) : undefined;
		return !!s && !s.waiting && !s.withdrawnAt;
	});
	return {
		letterId: account.letterId,
		sentAt: account.sentAt!,
		opened: true as const,
		entries: delivered.map((e) => {
			const opened = !e.addedLater || !!(e.letterId && states.get(e.letterId)?.openedAt);
			const entry = publicEntry(e, delivered);
			return { ...entry, body: opened ? entry.body : null, letterId: e.letterId, opened };
		})
	};
}

/** Opening the account or one of its additions is the partner's choice, as in the letterbox. */
export async function openAccountLetter(db: Database, actor: Actor, letterId: string) {
	const letter = await openLetter(db, actor, letterId);
	if (letter.kind !== 'account' && letter.kind !== 'account-addition') throw new DomainError('not_found');
	return letter;
}

/** Everything the user wrote in their accounts, for the export (drafts and sent ones). */
export async function exportAccounts(db: Database, userId: string) {
	const accounts = await db.select(accountColumns).from(talkAccounts).where(eq(talkAccounts.ownerId, userId)).orderBy(asc(talkAccounts.createdAt));
	const iso = (d: Date | null) => (d ? d.toISOString() : null);
	const out = [];
	for (const a of accounts) {
		const entries = await entriesOf(db, a.id);
		out.push({
			sentAt: iso(a.sentAt),
			entries: entries.map((e) => ({
				ref: e.id,
				from: e.fromDate,
				to: e.toDate,
				approximate: e.approximate,
				text: e.body,
				addedLater: e.addedLater,
				addedAt: e.addedLater ? iso(e.createdAt) : null,
				reason: e.reason,
				corrects: e.correctsId
			}))
		});
	}
	return out;
}
