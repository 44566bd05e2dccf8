import { and, asc, desc, eq, inArray, lt, ne, or } from 'drizzle-orm';
import type { KeysetCursor } from '$lib/schemas/cursor';
import type { Database } from '../db';
import { cursorMoment, olderThanCursor, pageOf } from '../db/keyset';
import { commitmentComments, commitmentEvents, commitments } from '../db/schema';
import type { CommitmentStatus, RhythmKind } from '../db/tables/deeds';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { DomainError, notFound } from '../errors';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { recordSecurityEvent } from '../security/events';
import { addDays, localDay } from './days';
import { loadWish, markWishCommitted } from './wishes';
import { notify } from '../notifications/notify';
import { findSuggestion } from './suggestions';
import type { Timeline } from './timeline';

/**
 * The repairing partner's commitments: title, why and rhythm, from scratch, from a suggestion or
 * from a wish of the partner (then `askedFor`, which nothing later removes). Shared with the
 * partner per item; the partner reads and comments. Pausing, changing and ending each add an
 * event with the reason, so the history is never rewritten.
 */
export interface Rhythm {
	rhythm: RhythmKind;
	/** ISO weekdays, only for `weekdays`. */
	weekdays: number[];
}

/** How far back a commitment may start: something already being done for a while. */
export const MAX_START_DAYS_BACK = 366;

const columns = {
	id: commitments.id,
	ownerId: commitments.ownerId,
	title: commitments.title,
	why: commitments.why,
	rhythm: commitments.rhythm,
	weekdays: commitments.weekdays,
	status: commitments.status,
	startsOn: commitments.startsOn,
	askedFor: commitments.askedFor,
	suggestion: commitments.suggestion,
	sharedCoupleId: commitments.sharedCoupleId,
	createdAt: commitments.createdAt,
	updatedAt: commitments.updatedAt
};

export type CommitmentRow = Awaited<ReturnType<typeof loadCommitment>>;

export const commitmentAccess = (row: { ownerId: string; sharedCoupleId: string | null }): ItemAccess => ({
	ownerId: row.ownerId,
	visibility: row.sharedCoupleId ? 'shared' : 'private',
	coupleId: row.sharedCoupleId
});

export async function loadCommitment(db: Database, id: string) {
	const [row] = await db.select(columns).from(commitments).where(eq(commitments.id, id));
	return row;
}

/** Loads and asks the policy; the row when allowed, "not found" otherwise. */
export async function commitmentFor(db: Database, actor: Actor, id: string, action: 'read' | 'update' | 'share' | 'unshare' | 'respond') {
	const row = await loadCommitment(db, id);
	assertCan(actor, action, row ? commitmentAccess(row) : undefined);
	return row;
}

const normalised = (input: Rhythm): Rhythm => ({
	rhythm: input.rhythm,
	weekdays: input.rhythm === 'weekdays' ? [...new Set(input.weekdays)].filter((d) => d >= 1 && d <= 7).sort() : []
});

export interface NewCommitment extends Rhythm {
	title: string;
	why: string;
	share: boolean;
	startsOn?: string;
	wishId?: string;
	suggestion?: string;
}

export async function createCommitment(db: Database, actor: Actor, input: NewCommitment, formKey?: string, now = new Date()) {
	const rhythm = normalised(input);
	if (rhythm.rhythm === 'weekdays' && rhythm.weekdays.length === 0) throw new DomainError('weekdays_required');
	const today = localDay(now);
	const startsOn = input.startsOn ?? today;
	if (startsOn > today || startsOn < addDays(today, -MAX_START_DAYS_BACK)) throw new DomainError('start_out_of_range');
	const suggestion = input.suggestion && findSuggestion(input.suggestion) ? input.suggestion : null;
	const result = await once(db, actor.userId, formKey, 'commitment', async (tx) => {
		const id = newId();
		// A wish is answered in the same transaction: either both happen or neither.
		if (input.wishId) await markWishCommitted(tx, actor, input.wishId, now);
		await tx.insert(commitments).values({
			id,
			ownerId: actor.userId,
			title: input.title,
			why: input.why,
			...rhythm,
			startsOn,
			askedFor: !!input.wishId,
			wishId: input.wishId ?? null,
			suggestion,
			sharedCoupleId: input.share ? actor.coupleId : null
		});
		await tx.insert(commitmentEvents).values({ commitmentId: id, kind: 'created', fromDay: today, title: input.title, why: input.why, ...rhythm, status: 'active' });
		return id;
	});
	// A wish answered with a commitment: its writer may want to know (after the commit, never inside it).
	if (input.wishId && !result.replay) {
		const wish = await loadWish(db, input.wishId);
		if (wish) await notify(db, { userId: wish.ownerId, kind: 'answer', dedupeKey: `wish:${input.wishId}` });
	}
	return result;
}

type Row = NonNullable<CommitmentRow>;

const view = (row: Row, actor: Actor) => ({
	id: row.id,
	title: row.title,
	why: row.why,
	rhythm: row.rhythm,
	weekdays: row.weekdays,
	status: row.status,
	startsOn: row.startsOn,
	askedFor: row.askedFor,
	suggestion: row.suggestion,
	shared: !!row.sharedCoupleId && row.sharedCoupleId === actor.coupleId,
	mine: row.ownerId === actor.userId,
	updatedAt: row.updatedAt
});

export type CommitmentView = ReturnType<typeof view>;

export async function getCommitment(db: Database, actor: Actor, id: string) {
	return view(await commitmentFor(db, actor, id, 'read'), actor);
}

export const commitmentView = view;

/**
 * The actor's own commitments and the partner's shared ones (own first, each oldest first): one
 * query. `activeOnly` leaves paused and ended ones out in SQL (the home page needs only what runs).
 */
export async function listVisibleCommitments(db: Database, actor: Actor, { activeOnly = false } = {}) {
	const rows = await db
		.select(columns)
		.from(commitments)
		.where(
			and(
				actor.coupleId
					? or(eq(commitments.ownerId, actor.userId), and(eq(commitments.sharedCoupleId, actor.coupleId), ne(commitments.ownerId, actor.userId)))
					: eq(commitments.ownerId, actor.userId),
				activeOnly ? eq(commitments.status, 'active') : undefined
			)
		)
		.orderBy(asc(commitments.createdAt));
	const own = rows.filter((row) => row.ownerId === actor.userId);
	const partner = rows.filter((row) => row.ownerId !== actor.userId && can(actor, 'read', commitmentAccess(row)));
	return [...own, ...partner];
}

export async function listCommitments(db: Database, actor: Actor) {
	const rows = await listVisibleCommitments(db, actor);
	return { mine: rows.filter((r) => r.ownerId === actor.userId).map((r) => view(r, actor)), partner: rows.filter((r) => r.ownerId !== actor.userId).map((r) => view(r, actor)) };
}

/** The history (oldest first) of commitments the caller already may read; one query for all. */
export async function timelinesOf(db: Database, rows: { id: string; startsOn: string }[]) {
	const map = new Map<string, Timeline>(rows.map((r) => [r.id, { startsOn: r.startsOn, states: [] }]));
	if (rows.length === 0) return map;
	const events = await db
		.select({ commitmentId: commitmentEvents.commitmentId, fromDay: commitmentEvents.fromDay, rhythm: commitmentEvents.rhythm, weekdays: commitmentEvents.weekdays, status: commitmentEvents.status })
		.from(commitmentEvents)
		.where(inArray(commitmentEvents.commitmentId, rows.map((r) => r.id)))
		.orderBy(asc(commitmentEvents.id));
	for (const e of events) map.get(e.commitmentId)?.states.push(e);
	return map;
}

export async function commitmentHistory(db: Database, actor: Actor, id: string, before: number | null = null) {
	await commitmentFor(db, actor, id, 'read');
	return historyOf(db, id, before);
}

/**
 * How many changes a commitment's page lists at a time. Every change, pause and resumption adds
 * one, so a commitment paused and resumed often would otherwise make its page grow without end.
 */
export const HISTORY_PAGE_SIZE = 20;

/**
 * One page of the history of a commitment the caller has already been allowed to read, newest
 * first: the newest, or those before the event `before`. `earlier` is the cursor for the page
 * after (the id of the last event shown), or null. Events are numbered in the order they happened,
 * so the id alone is the cursor, and the index on (commitment, id) serves every page alike.
 */
export async function historyOf(db: Database, id: string, before: number | null = null, limit = HISTORY_PAGE_SIZE) {
	const rows = await db
		.select({ id: commitmentEvents.id, kind: commitmentEvents.kind, fromDay: commitmentEvents.fromDay, title: commitmentEvents.title, why: commitmentEvents.why, rhythm: commitmentEvents.rhythm, weekdays: commitmentEvents.weekdays, status: commitmentEvents.status, reason: commitmentEvents.reason, at: commitmentEvents.at })
		.from(commitmentEvents)
		.where(and(eq(commitmentEvents.commitmentId, id), before === null ? undefined : lt(commitmentEvents.id, before)))
		.orderBy(desc(commitmentEvents.id))
		.limit(limit + 1);
	const events = rows.slice(0, limit);
	return { events, earlier: rows.length > limit ? events.at(-1)!.id : null };
}

async function addEvent(db: Database, row: Row, kind: 'changed' | 'paused' | 'resumed' | 'ended', next: { title: string; why: string; status: CommitmentStatus } & Rhythm, reason: string | null, now: Date) {
	await db.transaction(async (raw) => {
		const tx = raw as unknown as Database;
		await tx.update(commitments).set({ title: next.title, why: next.why, rhythm: next.rhythm, weekdays: next.weekdays, status: next.status, updatedAt: now }).where(eq(commitments.id, row.id));
		await tx.insert(commitmentEvents).values({ commitmentId: row.id, kind, fromDay: localDay(now), title: next.title, why: next.why, rhythm: next.rhythm, weekdays: next.weekdays, status: next.status, reason, at: now });
	});
}

/** Title, why and rhythm change from today; the mark "you asked for this" stays. */
export async function changeCommitment(db: Database, actor: Actor, id: string, input: { title: string; why: string; reason: string | null } & Rhythm, now = new Date()) {
	const row = await commitmentFor(db, actor, id, 'update');
	if (row.status === 'ended') throw new DomainError('commitment_ended');
	const rhythm = normalised(input);
	if (rhythm.rhythm === 'weekdays' && rhythm.weekdays.length === 0) throw new DomainError('weekdays_required');
	await addEvent(db, row, 'changed', { title: input.title, why: input.why, status: row.status, ...rhythm }, input.reason, now);
}

export async function pauseCommitment(db: Database, actor: Actor, id: string, reason: string, now = new Date()) {
	const row = await commitmentFor(db, actor, id, 'update');
	if (row.status !== 'active') throw new DomainError('commitment_not_active');
	await addEvent(db, row, 'paused', { ...row, status: 'paused' }, reason, now);
}

export async function resumeCommitment(db: Database, actor: Actor, id: string, reason: string | null, now = new Date()) {
	const row = await commitmentFor(db, actor, id, 'update');
	if (row.status !== 'paused') throw new DomainError('commitment_not_paused');
	await addEvent(db, row, 'resumed', { ...row, status: 'active' }, reason, now);
}

export async function endCommitment(db: Database, actor: Actor, id: string, reason: string, now = new Date()) {
	const row = await commitmentFor(db, actor, id, 'update');
	if (row.status === 'ended') throw new DomainError('commitment_ended');
	await addEvent(db, row, 'ended', { ...row, status: 'ended' }, reason, now);
}

export async function shareCommitment(db: Database, actor: Actor, id: string) {
	await commitmentFor(db, actor, id, 'share');
	if (!actor.coupleId) throw new DomainError('not_in_couple');
	await db.update(commitments).set({ sharedCoupleId: actor.coupleId }).where(eq(commitments.id, id));
	await recordSecurityEvent(db, actor.userId, 'share');
}

export async function unshareCommitment(db: Database, actor: Actor, id: string) {
	await commitmentFor(db, actor, id, 'unshare');
	await db.update(commitments).set({ sharedCoupleId: null }).where(eq(commitments.id, id));
	await recordSecurityEvent(db, actor.userId, 'unshare');
}

/** Either partner comments on a commitment they may read. */
export async function addComment(db: Database, actor: Actor, id: string, body: string, formKey?: string) {
	await commitmentFor(db, actor, id, 'respond');
	return once(db, actor.userId, formKey, 'commitment-comment', async (tx) => {
		const commentId = newId();
		await tx.insert(commitmentComments).values({ id: commentId, commitmentId: id, authorId: actor.userId, body });
		return commentId;
	});
}

/** The newest page of a commitment's comments, oldest first (see commentsOf). */
export async function listComments(db: Database, actor: Actor, id: string) {
	await commitmentFor(db, actor, id, 'read');
	return (await commentsOf(db, actor, id)).comments;
}

/** How many comments a commitment's page shows at a time: months of them must not make one page without end. */
export const COMMENT_PAGE_SIZE = 30;


/**
 * For a commitment the caller has already been allowed to read: one page of its comments, the
 * newest by default or those just before the `before` cursor, shown oldest first as a conversation
 * reads. `earlier` is the cursor of the page before it, or null at the first comment. One query,
 * one row more than a page: whether it comes back says whether there is an earlier page.
 */
export async function commentsOf(db: Database, actor: Actor, id: string, before: KeysetCursor | null = null, limit = COMMENT_PAGE_SIZE) {
	const fetched = await db
		.select({ id: commitmentComments.id, authorId: commitmentComments.authorId, body: commitmentComments.body, createdAt: commitmentComments.createdAt, cursorAt: cursorMoment(commitmentComments.createdAt) })
		.from(commitmentComments)
		.where(and(eq(commitmentComments.commitmentId, id), olderThanCursor(commitmentComments.createdAt, commitmentComments.id, before)))
		.orderBy(desc(commitmentComments.createdAt), desc(commitmentComments.id))
		.limit(limit + 1);
	const { rows, older } = pageOf(fetched, limit);
	return {
		comments: rows.reverse().map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt, mine: r.authorId === actor.userId })),
		earlier: older
	};
}

/** The author takes back their own comment. */
export async function deleteComment(db: Database, actor: Actor, commentId: string) {
	const [row] = await db.select({ authorId: commitmentComments.authorId, commitmentId: commitmentComments.commitmentId }).from(commitmentComments).where(eq(commitmentComments.id, commentId));
	if (!row) throw notFound();
	await commitmentFor(db, actor, row.commitmentId, 'read');
	if (row.authorId !== actor.userId) throw notFound();
	await db.delete(commitmentComments).where(eq(commitmentComments.id, commentId));
}
