import { and, desc, eq, gte, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { triggerEntries, triggerSignals } from '../db/schema';
import { assertCan, can, triggerAccess, type Actor } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { partnerOf } from '../couple/membership';
import { notify } from '../notifications/notify';
import { recordSecurityEvent } from '../security/events';
import type { KeysetCursor } from '../../schemas/cursor';
import { cursorMoment, olderThanCursor, pageOf } from '../db/keyset';

/**
 * The trigger kit's log and its signal (issue 11, item 4; research item 5). "I'm triggered" writes
 * an entry in the person's own log and, in a couple, a signal to the partner. The signal says that
 * and when — never the strength or the note: those are the log's, private until the owner shares
 * that one entry (decision 012). The partner answers the signal with what they offer now: to
 * talk, closeness or space; the owner sees the answer beside their entry.
 *
 * Nothing refuses by role (as in decision 011): the interface offers the signal to the hurt
 * partner and the answer to the repairing one, but a couple with unset roles still works.
 */

export type TriggerAnswer = 'talk' | 'closeness' | 'space';

export interface EntryInput {
	strength: number | null;
	/** What set it off. */
	cause: string | null;
	helped?: string | null;
}

/** How long a signal stays a notice for the partner: a hard moment is now, not last week. */
export const SIGNAL_NOTICE_HOURS = 24;

const entryColumns = {
	id: triggerEntries.id,
	ownerId: triggerEntries.ownerId,
	occurredAt: triggerEntries.occurredAt,
	strength: triggerEntries.strength,
	cause: triggerEntries.cause,
	helped: triggerEntries.helped,
	sharedCoupleId: triggerEntries.sharedCoupleId
};

const signalColumns = {
	id: triggerSignals.id,
	entryId: triggerSignals.entryId,
	ownerId: triggerSignals.ownerId,
	coupleId: triggerSignals.coupleId,
	createdAt: triggerSignals.createdAt,
	answer: triggerSignals.answer,
	answeredAt: triggerSignals.answeredAt
};

/**
 * "I'm triggered": an entry in the log and, with a partner, the signal to them. Solo it is only
 * the entry. Returns whether a signal went out, so the page can say so.
 */
export async function signalTrigger(db: Database, actor: Actor, input: EntryInput, formKey?: string, now = new Date()) {
	// Asks the database which couple this is now: a signal must not reach a couple that just ended.
	const partner = actor.coupleId ? await partnerOf(db, actor.userId) : null;
	const result = await once(db, actor.userId, formKey, 'trigger', async (tx) => {
		const id = newId();
		await tx.insert(triggerEntries).values({ id, ownerId: actor.userId, occurredAt: now, strength: input.strength, cause: input.cause, helped: input.helped ?? null });
		if (partner) await tx.insert(triggerSignals).values({ id: newId(), entryId: id, ownerId: actor.userId, coupleId: partner.coupleId, createdAt: now });
		return id;
	});
	if (partner && !result.replay) await notify(db, { userId: partner.id, kind: 'trigger', dedupeKey: `trigger:${result.id}` });
	return { ...result, signalled: !!partner };
}

/** A moment for the log only: nobody is told. */
export async function logTrigger(db: Database, actor: Actor, input: EntryInput, formKey?: string, now = new Date()) {
	return once(db, actor.userId, formKey, 'trigger', async (tx) => {
		const id = newId();
		await tx.insert(triggerEntries).values({ id, ownerId: actor.userId, occurredAt: now, strength: input.strength, cause: input.cause, helped: input.helped ?? null });
		return id;
	});
}

async function loadEntry(db: Database, id: string) {
	const [row] = await db.select(entryColumns).from(triggerEntries).where(eq(triggerEntries.id, id));
	return row;
}

/** The owner fills in the log later: how strong, what set it off, what helped. */
export async function updateEntry(db: Database, actor: Actor, id: string, input: EntryInput, now = new Date()) {
	const row = await loadEntry(db, id);
	assertCan(actor, 'update', row ? triggerAccess.entry(row) : undefined);
	await db
		.update(triggerEntries)
		.set({ strength: input.strength, cause: input.cause, helped: input.helped ?? null, updatedAt: now })
		.where(eq(triggerEntries.id, id));
}

export async function deleteEntry(db: Database, actor: Actor, id: string) {
	const row = await loadEntry(db, id);
	assertCan(actor, 'delete', row ? triggerAccess.entry(row) : undefined);
	await db.delete(triggerEntries).where(eq(triggerEntries.id, id));
}

/** Shares this one entry (its strength, what set it off, what helped) with the current couple. */
export async function shareEntry(db: Database, actor: Actor, id: string) {
	const row = await loadEntry(db, id);
	assertCan(actor, 'share', row ? triggerAccess.entry(row) : undefined);
	if (!actor.coupleId) throw new DomainError('not_in_couple');
	await db.update(triggerEntries).set({ sharedCoupleId: actor.coupleId }).where(eq(triggerEntries.id, id));
	await recordSecurityEvent(db, actor.userId, 'share');
}

export async function unshareEntry(db: Database, actor: Actor, id: string) {
	const row = await loadEntry(db, id);
	assertCan(actor, 'unshare', row ? triggerAccess.entry(row) : undefined);
	await db.update(triggerEntries).set({ sharedCoupleId: null }).where(eq(triggerEntries.id, id));
	await recordSecurityEvent(db, actor.userId, 'unshare');
}

/**
 * How many moments one page of the log shows, and of the partner's shared ones: a few weeks of a
 * hard time, and a page that stays light however long the history grows (the page showed 200,
 * each with its forms: 156 KB of HTML).
 */
export const TRIGGER_PAGE_SIZE = 20;

/** One page of a list, newest first, and where the next (older) page starts, if there is one. */
export interface TriggerPage<T> {
	entries: T[];
	older: KeysetCursor | null;
}

const cursorAt = cursorMoment(triggerEntries.occurredAt);
/** Served by trigger_entries_owner_idx and trigger_entries_shared_idx, which end in (occurred_at, id) DESC. */
const olderThan = (before: KeysetCursor | null | undefined) => olderThanCursor(triggerEntries.occurredAt, triggerEntries.id, before);

/**
 * One page of the actor's own log, newest first (`before`: where the previous page ended), with the
 * partner's answer to each signal sent. Two queries, whatever the length of the history.
 */
export async function listMyEntries(db: Database, actor: Actor, before: KeysetCursor | null = null, limit = TRIGGER_PAGE_SIZE) {
	const fetched = await db
		.select({ ...entryColumns, cursorAt })
		.from(triggerEntries)
		.where(and(eq(triggerEntries.ownerId, actor.userId), olderThan(before)))
		.orderBy(desc(triggerEntries.occurredAt), desc(triggerEntries.id))
		.limit(limit + 1);
	const { rows, older } = pageOf(fetched, limit);
	const signals = rows.length
		? await db.select(signalColumns).from(triggerSignals).where(inArray(triggerSignals.entryId, rows.map((r) => r.id)))
		: [];
	const byEntry = new Map(signals.map((s) => [s.entryId, s]));
	const entries = rows.map((r) => {
		const signal = byEntry.get(r.id);
		return {
			id: r.id,
			occurredAt: r.occurredAt,
			strength: r.strength,
			cause: r.cause,
			helped: r.helped,
			/** Shared in the current couple; a share from an earlier couple counts for nobody. */
			shared: r.sharedCoupleId !== null && r.sharedCoupleId === actor.coupleId,
			signal: signal
				? { current: signal.coupleId === actor.coupleId, answer: signal.coupleId === actor.coupleId ? signal.answer : null, answeredAt: signal.coupleId === actor.coupleId ? signal.answeredAt : null }
				: null
		};
	});
	return { entries, older } satisfies TriggerPage<(typeof entries)[number]>;
}

/**
 * The actor's newest signal in the current couple since `since`, with the partner's answer: what
 * "I'm triggered" shows above the form, whichever page of the log is open. One query, limit 1.
 */
export async function latestOwnSignal(db: Database, actor: Actor, since: Date) {
	if (!actor.coupleId) return null;
	const [row] = await db
		.select(signalColumns)
		.from(triggerSignals)
		.where(and(eq(triggerSignals.coupleId, actor.coupleId), eq(triggerSignals.ownerId, actor.userId), gte(triggerSignals.createdAt, since)))
		.orderBy(desc(triggerSignals.createdAt))
		.limit(1);
	if (!row || !can(actor, 'read', triggerAccess.signal(row))) return null;
	return { at: row.createdAt, answer: row.answer, answeredAt: row.answeredAt };
}

/** Only what the log needs for patterns: when, and how strong. */
export async function myMoments(db: Database, actor: Actor, since: Date) {
	return db
		.select({ occurredAt: triggerEntries.occurredAt, strength: triggerEntries.strength })
		.from(triggerEntries)
		.where(and(eq(triggerEntries.ownerId, actor.userId), gte(triggerEntries.occurredAt, since)));
}

/** How many of the partner's signals a page shows at most: the newest, each with its answer form. */
export const PARTNER_SIGNAL_LIMIT = 10;

/**
 * The partner's signals in the actor's couple since `since`, newest first, at most `limit`: when,
 * the actor's answer, and — only for an entry its owner shared — what the entry says. Nothing else
 * of the log crosses. The limit keeps a page with an answer form per signal bounded however hard
 * a week was; `olderLeftOut` says whether older signals of that time were left out (one row more
 * is asked for, and only the signals shown get their entries looked up).
 */
export async function listPartnerSignals(db: Database, actor: Actor, since: Date, limit = PARTNER_SIGNAL_LIMIT) {
	if (!actor.coupleId) return { signals: [], olderLeftOut: false };
	const fetched = await db
		.select(signalColumns)
		.from(triggerSignals)
		.where(and(eq(triggerSignals.coupleId, actor.coupleId), ne(triggerSignals.ownerId, actor.userId), gte(triggerSignals.createdAt, since)))
		.orderBy(desc(triggerSignals.createdAt))
		.limit(limit + 1);
	const theirs = fetched.slice(0, limit).filter((r) => can(actor, 'read', triggerAccess.signal(r)));
	const entries = theirs.length ? await db.select(entryColumns).from(triggerEntries).where(inArray(triggerEntries.id, theirs.map((r) => r.entryId))) : [];
	const shared = new Map(entries.filter((e) => can(actor, 'read', triggerAccess.entry(e))).map((e) => [e.id, e]));
	const signals = theirs.map((s) => {
		const entry = shared.get(s.entryId);
		return {
			id: s.id,
			at: s.createdAt,
			answer: s.answer,
			answeredAt: s.answeredAt,
			entry: entry ? { strength: entry.strength, cause: entry.cause, helped: entry.helped } : null
		};
	});
	return { signals, olderLeftOut: fetched.length > limit };
}

/**
 * One page of the entries the partner shared with the actor's couple (also ones written without a
 * signal), newest first. The couple and "not my own" are in the query itself, so a page is never
 * emptied afterwards; the policy is asked of every row all the same.
 */
export async function listSharedWithMe(db: Database, actor: Actor, before: KeysetCursor | null = null, limit = TRIGGER_PAGE_SIZE): Promise<TriggerPage<{ id: string; occurredAt: Date; strength: number | null; cause: string | null; helped: string | null }>> {
	if (!actor.coupleId) return { entries: [], older: null };
	const fetched = await db
		.select({ ...entryColumns, cursorAt })
		.from(triggerEntries)
		.where(and(eq(triggerEntries.sharedCoupleId, actor.coupleId), ne(triggerEntries.ownerId, actor.userId), olderThan(before)))
		.orderBy(desc(triggerEntries.occurredAt), desc(triggerEntries.id))
		.limit(limit + 1);
	const { rows, older } = pageOf(fetched, limit);
	return {
		entries: rows
			.filter((r) => can(actor, 'read', triggerAccess.entry(r)))
			.map((r) => ({ id: r.id, occurredAt: r.occurredAt, strength: r.strength, cause: r.cause, helped: r.helped })),
		older
	};
}

/** The partner answers a signal (and may change the answer); the owner of the signal cannot. */
export async function answerSignal(db: Database, actor: Actor, id: string, answer: TriggerAnswer, now = new Date()) {
	const [row] = await db.select(signalColumns).from(triggerSignals).where(eq(triggerSignals.id, id));
	assertCan(actor, 'respond', row ? triggerAccess.signal(row) : undefined);
	if (row.ownerId === actor.userId) throw new DomainError('not_found');
	await db.update(triggerSignals).set({ answer, answeredAt: now, answeredBy: actor.userId }).where(eq(triggerSignals.id, id));
}

/**
 * For the home page: how many of the partner's signals of the last day still wait for an answer,
 * and the newest answer to the actor's own signals of the last day. Two queries at most.
 */
export async function triggerNotices(db: Database, actor: Actor, now = new Date()) {
	if (!actor.coupleId) return { waiting: 0, answer: null };
	const since = new Date(now.getTime() - SIGNAL_NOTICE_HOURS * 3_600_000);
	const rows = await db
		.select(signalColumns)
		.from(triggerSignals)
		.where(and(eq(triggerSignals.coupleId, actor.coupleId), gte(triggerSignals.createdAt, since)))
		.orderBy(desc(triggerSignals.createdAt));
	const visible = rows.filter((r) => can(actor, 'read', triggerAccess.signal(r)));
	const waiting = visible.filter((r) => r.ownerId !== actor.userId && r.answer === null).length;
	const answered = visible.find((r) => r.ownerId === actor.userId && r.answer !== null);
	return { waiting, answer: answered ? { answer: answered.answer!, answeredAt: answered.answeredAt! } : null };
}

/** The owner's log for the export: everything they wrote, and the partner's answer to each signal. */
export async function exportTriggerLog(db: Database, userId: string) {
	const iso = (d: Date | null) => (d ? d.toISOString() : null);
	const rows = await db.select(entryColumns).from(triggerEntries).where(eq(triggerEntries.ownerId, userId)).orderBy(triggerEntries.occurredAt);
	const signals = await db.select(signalColumns).from(triggerSignals).where(eq(triggerSignals.ownerId, userId));
	const byEntry = new Map(signals.map((s) => [s.entryId, s]));
	return rows.map((r) => {
		const s = byEntry.get(r.id);
		return {
			occurredAt: iso(r.occurredAt),
			strength: r.strength,
			cause: r.cause,
			helped: r.helped,
			shared: r.sharedCoupleId !== null,
			signalled: s ? { at: iso(s.createdAt), answer: s.answer, answeredAt: iso(s.answeredAt) } : null
		};
	});
}

/**
 * The answers the person gave to the partner's signals, for their export: what they offered and
 * when. The signal itself is the partner's (it is in the partner's export with its entry).
 */
export async function exportAnswersGiven(db: Database, userId: string) {
	const rows = await db
		.select({ answer: triggerSignals.answer, answeredAt: triggerSignals.answeredAt })
		.from(triggerSignals)
		.where(and(eq(triggerSignals.answeredBy, userId), isNotNull(triggerSignals.answer)))
		.orderBy(triggerSignals.answeredAt);
	return rows.map((r) => ({ at: r.answeredAt!.toISOString(), answer: r.answer! }));
}
