import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { KeysetCursor } from '$lib/schemas/cursor';
import { cursorMoment, olderThanCursor, pageOf } from '../db/keyset';
import { excerptOf } from '../db/excerpt';
import type { Database } from '../db';
import { talkQuestions, talkReplies } from '../db/schema';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { notify } from '../notifications/notify';
import { once } from '../forms/once';

/**
 * Questions and answers (issue 11, item 3; research item 4). One partner asks, the other answers
 * in a thread; the asker may follow up, which opens the question again. Open questions stay in
 * view for both. The one who answers may say "I need time to answer this" and name the day by
 * which they will. A question may be marked as about facts or about why.
 *
 * A question belongs to the couple it was asked in and to its asker; a reply to its author. The
 * partner in that couple reads both and responds; nothing outlives the couple for anyone else.
 */

export type QuestionAbout = 'facts' | 'why';

/** How far ahead "I need time" may reach: long enough to think, short enough to stay a promise. */
export const NEED_TIME_MAX_DAYS = 14;

export const questionAccess = (row: { askerId: string; coupleId: string }): ItemAccess => ({ ownerId: row.askerId, visibility: 'shared', coupleId: row.coupleId });

const questionColumns = {
	id: talkQuestions.id,
	coupleId: talkQuestions.coupleId,
	askerId: talkQuestions.askerId,
	about: talkQuestions.about,
	body: talkQuestions.body,
	createdAt: talkQuestions.createdAt,
	needTimeUntil: talkQuestions.needTimeUntil,
	answeredAt: talkQuestions.answeredAt
};

type QuestionRow = Awaited<ReturnType<typeof load>>;

function stateOf(row: { answeredAt: Date | null; needTimeUntil: string | null }) {
	if (row.answeredAt) return 'answered' as const;
	return row.needTimeUntil ? ('need-time' as const) : ('open' as const);
}

export async function askQuestion(db: Database, actor: Actor, input: { body: string; about: QuestionAbout | null }, formKey?: string) {
	const coupleId = actor.coupleId;
	if (!coupleId) throw new DomainError('not_in_couple');
	return once(db, actor.userId, formKey, 'question', async (tx) => {
		const id = newId();
		await tx.insert(talkQuestions).values({ id, coupleId, askerId: actor.userId, body: input.body, about: input.about });
		return id;
	});
}

/** How many answered questions `/talk/questions` lists at a time; older ones are a link away. */
export const ANSWERED_PAGE_SIZE = 20;

/** What a list shows of a question: its opening, cut in the database. */
const EXCERPT_LENGTH = 160;
const listColumns = {
	id: talkQuestions.id,
	coupleId: talkQuestions.coupleId,
	askerId: talkQuestions.askerId,
	about: talkQuestions.about,
	excerpt: excerptOf(talkQuestions.body, EXCERPT_LENGTH),
	createdAt: talkQuestions.createdAt,
	needTimeUntil: talkQuestions.needTimeUntil,
	answeredAt: talkQuestions.answeredAt,
	cursorAt: cursorMoment(talkQuestions.createdAt)
};

/**
 * The couple's questions for `/talk/questions`: every open one (they stay in view for both until
 * answered), and one page of the answered ones, newest first: the newest, or those after the
 * cursor `answeredBefore`. `olderAnswered` is the cursor for the next page, or null.
 */
export async function questionsPage(db: Database, actor: Actor, answeredBefore: KeysetCursor | null = null, limit = ANSWERED_PAGE_SIZE) {
	if (!actor.coupleId) return { open: [], answered: [], olderAnswered: null };
	const inCouple = eq(talkQuestions.coupleId, actor.coupleId);
	const order = [desc(talkQuestions.createdAt), desc(talkQuestions.id)];
	const open = await db.select(listColumns).from(talkQuestions).where(and(inCouple, isNull(talkQuestions.answeredAt))).orderBy(...order);
	const fetched = await db
		.select(listColumns)
		.from(talkQuestions)
		.where(and(inCouple, isNotNull(talkQuestions.answeredAt), olderThanCursor(talkQuestions.createdAt, talkQuestions.id, answeredBefore)))
		.orderBy(...order)
		.limit(limit + 1);
	const answered = pageOf(fetched, limit);
	const shown = (rows: typeof open) =>
		rows
			.filter((r) => can(actor, 'read', questionAccess(r)))
			.map((r) => ({ id: r.id, about: r.about, excerpt: r.excerpt, mine: r.askerId === actor.userId, state: stateOf(r), needTimeUntil: r.needTimeUntil, createdAt: r.createdAt }));
	return { open: shown(open), answered: shown(answered.rows), olderAnswered: answered.older };
}

/** The couple's questions: open ones first (for both), then the newest page of answered ones; newest first. */
export async function listQuestions(db: Database, actor: Actor) {
	const { open, answered } = await questionsPage(db, actor);
	return [...open, ...answered];
}

/**
 * How many of the couple's questions are still open, waiting or given time (the `/talk` hub).
 * Reads only those, and only what the policy needs, not every question ever asked.
 */
export async function countOpenQuestions(db: Database, actor: Actor) {
	if (!actor.coupleId) return 0;
	const rows = await db
		.select({ askerId: talkQuestions.askerId, coupleId: talkQuestions.coupleId })
		.from(talkQuestions)
		.where(and(eq(talkQuestions.coupleId, actor.coupleId), isNull(talkQuestions.answeredAt)));
	return rows.filter((row) => can(actor, 'read', questionAccess(row))).length;
}

async function load(db: Database, id: string) {
	const [row] = await db.select(questionColumns).from(talkQuestions).where(eq(talkQuestions.id, id));
	return row;
}

export async function getThread(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'read', row ? questionAccess(row) : undefined);
	const replies = await db
		.select({ id: talkReplies.id, authorId: talkReplies.authorId, kind: talkReplies.kind, body: talkReplies.body, createdAt: talkReplies.createdAt })
		.from(talkReplies)
		.where(eq(talkReplies.questionId, id))
		.orderBy(asc(talkReplies.createdAt));
	return {
		id: row.id,
		about: row.about,
		body: row.body,
		createdAt: row.createdAt,
		mine: row.askerId === actor.userId,
		/** False once the couple it was asked in has ended: the asker may still read it. */
		current: row.coupleId === actor.coupleId,
		state: stateOf(row),
		needTimeUntil: row.needTimeUntil,
		replies: replies.map((r) => ({ id: r.id, kind: r.kind, body: r.body, createdAt: r.createdAt, mine: r.authorId === actor.userId }))
	};
}

async function loadForResponse(db: Database, actor: Actor, id: string): Promise<NonNullable<QuestionRow>> {
	const row = await load(db, id);
	// Both may write in the thread: the asker owns it, the partner responds to it.
	assertCan(actor, 'respond', row ? questionAccess(row) : undefined);
	// A question from an ended couple stays its asker's to read, but the thread is closed.
	if (row.coupleId !== actor.coupleId) throw new DomainError('not_in_couple');
	return row;
}

/** The partner's reply answers the question; the asker's reply follows up and opens it again. */
export async function replyToQuestion(db: Database, actor: Actor, id: string, body: string, formKey?: string, now = new Date()) {
	const row = await loadForResponse(db, actor, id);
	const kind = row.askerId === actor.userId ? ('follow-up' as const) : ('answer' as const);
	const result = await once(db, actor.userId, formKey, 'question-reply', async (tx) => {
		const replyId = newId();
		await tx.insert(talkReplies).values({ id: replyId, questionId: id, coupleId: row.coupleId, authorId: actor.userId, kind, body });
		await tx
			.update(talkQuestions)
			.set(kind === 'answer' ? { answeredAt: now, needTimeUntil: null } : { answeredAt: null })
			.where(eq(talkQuestions.id, id));
		return replyId;
	});
	if (kind === 'answer' && !result.replay) await notify(db, { userId: row.askerId, kind: 'answer', dedupeKey: `question-reply:${result.id}` });
	return result;
}

/** "I need time to answer this", by a day within NEED_TIME_MAX_DAYS; only the one who answers says it. */
export async function askForTime(db: Database, actor: Actor, id: string, until: string, today = new Date()) {
	const row = await loadForResponse(db, actor, id);
	if (row.askerId === actor.userId) throw new DomainError('not_found');
	const first = isoDay(today);
	const last = isoDay(new Date(today.getTime() + NEED_TIME_MAX_DAYS * 86_400_000));
	if (until < first || until > last) throw new DomainError('need_time_day');
	await db.update(talkQuestions).set({ needTimeUntil: until, answeredAt: null }).where(eq(talkQuestions.id, id));
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** What the user wrote: their questions and their replies, never the partner's text. */
export async function exportQuestions(db: Database, userId: string) {
	const iso = (d: Date | null) => (d ? d.toISOString() : null);
	const asked = await db.select(questionColumns).from(talkQuestions).where(eq(talkQuestions.askerId, userId)).orderBy(asc(talkQuestions.createdAt));
	const replies = await db
		.select({ kind: talkReplies.kind, body: talkReplies.body, createdAt: talkReplies.createdAt, questionId: talkReplies.questionId })
		.from(talkReplies)
		.where(eq(talkReplies.authorId, userId))
		.orderBy(asc(talkReplies.createdAt));
	return {
		questionsAsked: asked.map((q) => ({ ref: q.id, about: q.about, text: q.body, askedAt: iso(q.createdAt), needTimeUntil: q.needTimeUntil, answeredAt: iso(q.answeredAt) })),
		repliesWritten: replies.map((r) => ({ question: r.questionId, kind: r.kind, text: r.body, at: iso(r.createdAt) }))
	};
}
