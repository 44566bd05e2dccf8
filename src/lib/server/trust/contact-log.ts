import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '../db';
import type { DayKeysetCursor } from '$lib/schemas/cursor';
import { cursorMoment, dayPageOf, olderThanDayCursor } from '../db/keyset';
import { contactLog, contactQuestions } from '../db/schema';
import { assertCan, can, type Actor } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { trustAccess } from './access';
import type { Day } from './days';

/**
 * The contact log (practice 5): the repairing partner writes down the day all contact with the
 * affair partner ended, and every contact after it. Always shared with the partner once they are
 * a couple (the interface says so before the first entry). Nothing identifies the third person:
 * there are no fields for a name, a number or a picture. An entry cannot be changed afterwards;
 * the partner may ask a question on it, and the answer is threaded under the question.
 */

export type Channel = 'in-person' | 'message' | 'call' | 'social-media' | 'work';

export type ContactInput =
	| { kind: 'ended'; day: Day; reason: string | null }
	| { kind: 'contact'; day: Day; channel: Channel; initiatedBy: 'me' | 'them'; planned: boolean; reason: string | null; said: string | null };

export async function addContactEntry(db: Database, actor: Actor, input: ContactInput, formKey?: string) {
	return once(db, actor.userId, formKey, 'contact-entry', async (tx) => {
		const id = newId();
		await tx.insert(contactLog).values({
			id,
			ownerId: actor.userId,
			coupleId: actor.coupleId,
			kind: input.kind,
			day: input.day,
			reason: input.reason,
			...(input.kind === 'contact' ? { channel: input.channel, initiatedBy: input.initiatedBy, planned: input.planned, said: input.said } : {})
		});
		return id;
	});
}

const entryColumns = {
	id: contactLog.id,
	ownerId: contactLog.ownerId,
	coupleId: contactLog.coupleId,
	kind: contactLog.kind,
	day: contactLog.day,
	channel: contactLog.channel,
	initiatedBy: contactLog.initiatedBy,
	planned: contactLog.planned,
	reason: contactLog.reason,
	said: contactLog.said,
	createdAt: contactLog.createdAt
};

async function loadEntry(db: Database, id: string) {
	const [row] = await db.select(entryColumns).from(contactLog).where(eq(contactLog.id, id));
	return row;
}

/** How many entries of the contact log its page shows at a time; older ones are a link away. */
export const CONTACT_PAGE_SIZE = 30;

/**
 * One page of the log the actor may read: their own entries (those written for an earlier couple
 * marked) and the partner's entries written for this couple, each with its questions and answers,
 * newest first by the day of the contact: the newest, or those after the cursor `before`. `older`
 * is the cursor for the next page, or null. A contact can happen every working day, and every
 * entry the partner reads brings a form to ask about it.
 */
export async function contactLogPage(db: Database, actor: Actor, before: DayKeysetCursor | null = null, limit = CONTACT_PAGE_SIZE) {
	const fetched = await db
		.select({ ...entryColumns, cursorAt: cursorMoment(contactLog.createdAt) })
		.from(contactLog)
		.where(
			and(
				actor.coupleId ? or(eq(contactLog.ownerId, actor.userId), eq(contactLog.coupleId, actor.coupleId)) : eq(contactLog.ownerId, actor.userId),
				olderThanDayCursor(contactLog.day, contactLog.createdAt, contactLog.id, before)
			)
		)
		.orderBy(desc(contactLog.day), desc(contactLog.createdAt), desc(contactLog.id))
		.limit(limit + 1);
	const page = dayPageOf(fetched, limit);
	const entries = page.rows.filter((r) => can(actor, 'read', trustAccess.contactEntry(r)));
	const questions = entries.length && actor.coupleId
		? await db
				.select({ id: contactQuestions.id, entryId: contactQuestions.entryId, askerId: contactQuestions.askerId, question: contactQuestions.question, answer: contactQuestions.answer, answeredAt: contactQuestions.answeredAt, createdAt: contactQuestions.createdAt })
				.from(contactQuestions)
				.where(and(inArray(contactQuestions.entryId, entries.map((e) => e.id)), eq(contactQuestions.coupleId, actor.coupleId)))
				.orderBy(asc(contactQuestions.createdAt))
		: [];
	return {
		entries: entries.map((e) => ({
			id: e.id,
			mine: e.ownerId === actor.userId,
			/** Written while solo or for an earlier couple: not seen by the current partner. */
			current: e.coupleId !== null && e.coupleId === actor.coupleId,
			kind: e.kind,
			day: e.day,
			channel: e.channel,
			initiatedBy: e.initiatedBy,
			planned: e.planned,
			reason: e.reason,
			said: e.said,
			createdAt: e.createdAt,
			questions: questions
				.filter((q) => q.entryId === e.id)
				.map((q) => ({ id: q.id, askedByMe: q.askerId === actor.userId, question: q.question, answer: q.answer, answeredAt: q.answeredAt, createdAt: q.createdAt }))
		})),
		older: page.older
	};
}

/** The newest page of the log the actor may read. */
export async function listContactLog(db: Database, actor: Actor) {
	return (await contactLogPage(db, actor)).entries;
}

/** The partner asks a question on an entry they can read; the writer cannot question themselves. */
export async function askContactQuestion(db: Database, actor: Actor, entryId: string, question: string, formKey?: string) {
	const entry = await loadEntry(db, entryId);
	assertCan(actor, 'respond', entry ? trustAccess.contactEntry(entry) : undefined);
	if (entry.ownerId === actor.userId || !actor.coupleId) throw new DomainError('not_found');
	const coupleId = actor.coupleId;
	return once(db, actor.userId, formKey, 'contact-question', async (tx) => {
		const id = newId();
		await tx.insert(contactQuestions).values({ id, entryId, askerId: actor.userId, coupleId, question });
		return id;
	});
}

/** The entry's writer answers a question asked in their current couple, once. */
export async function answerContactQuestion(db: Database, actor: Actor, questionId: string, answer: string, now = new Date()) {
	const [question] = await db
		.select({ entryId: contactQuestions.entryId, coupleId: contactQuestions.coupleId, answer: contactQuestions.answer })
		.from(contactQuestions)
		.where(eq(contactQuestions.id, questionId));
	const entry = question ? await loadEntry(db, question.entryId) : undefined;
	assertCan(actor, 'update', entry ? trustAccess.contactEntry(entry) : undefined);
	if (!question || question.coupleId !== actor.coupleId) throw new DomainError('not_found');
	if (question.answer !== null) throw new DomainError('conflict');
	const updated = await db
		.update(contactQuestions)
		.set({ answer, answeredAt: now })
		.where(and(eq(contactQuestions.id, questionId), isNull(contactQuestions.answer)))
		.returning({ id: contactQuestions.id });
	if (updated.length !== 1) throw new DomainError('conflict');
}
