import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { checkIns, commitmentComments, commitmentEvents, commitments, wishes } from '../db/schema';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The deeds a person owns, for the data export (docs/export-format.md): their wishes (with the
 * partner's answer, which is about their own wish), their commitments with history and check-ins
 * (the partner's "noticed" included, as it is part of the check-in they see), and the comments
 * they wrote. Never the partner's commitments or comments.
 */
export async function exportDeeds(db: Database, userId: string) {
	const ownWishes = await db.select().from(wishes).where(eq(wishes.ownerId, userId)).orderBy(asc(wishes.createdAt));
	const own = await db.select().from(commitments).where(eq(commitments.ownerId, userId)).orderBy(asc(commitments.createdAt));
	const ids = own.map((c) => c.id);
	const events = ids.length ? await db.select().from(commitmentEvents).where(inArray(commitmentEvents.commitmentId, ids)).orderBy(asc(commitmentEvents.id)) : [];
	const entries = ids.length ? await db.select().from(checkIns).where(inArray(checkIns.commitmentId, ids)).orderBy(asc(checkIns.day)) : [];
	const comments = await db.select().from(commitmentComments).where(eq(commitmentComments.authorId, userId)).orderBy(asc(commitmentComments.createdAt));
	return {
		wishes: ownWishes.map((w) => ({
			size: w.size,
			text: w.body,
			shared: w.sharedCoupleId !== null,
			answer: w.answer,
			answerReason: w.answerReason,
			answeredAt: iso(w.answeredAt),
			createdAt: iso(w.createdAt)
		})),
		commitments: own.map((c) => ({
			title: c.title,
			why: c.why,
			rhythm: c.rhythm,
			weekdays: c.weekdays,
			status: c.status,
			startsOn: c.startsOn,
			askedFor: c.askedFor,
			suggestion: c.suggestion,
			shared: c.sharedCoupleId !== null,
			createdAt: iso(c.createdAt),
			history: events
				.filter((e) => e.commitmentId === c.id)
				.map((e) => ({ kind: e.kind, fromDay: e.fromDay, title: e.title, why: e.why, rhythm: e.rhythm, weekdays: e.weekdays, status: e.status, reason: e.reason, at: iso(e.at) })),
			checkIns: entries
				.filter((e) => e.commitmentId === c.id)
				.map((e) => ({ day: e.day, outcome: e.outcome, note: e.note, late: e.late, recordedAt: iso(e.recordedAt), partnerNoticed: e.noticed })),
			// Comments are exported by whoever wrote them: here only the owner's own.
			ownComments: comments.filter((m) => m.commitmentId === c.id).map((m) => ({ text: m.body, createdAt: iso(m.createdAt) }))
		})),
		commitmentComments: comments.filter((m) => !ids.includes(m.commitmentId)).map((m) => ({ text: m.body, createdAt: iso(m.createdAt) }))
	};
}
