import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { checkIns } from '../db/schema';
import type { Actor } from '../access/policy';
import { DomainError, notFound } from '../errors';
import { commitmentFor, timelinesOf } from './commitments';
import { localDay } from './days';
import { isDueOccasion, occasionEnd, occasionOf } from './timeline';

/**
 * Check-ins: on a due day (or, for a weekly commitment, in its week) the owner records kept,
 * partly or not kept, with an optional note. A check-in for a day already past is welcome and
 * marked "added later". The partner may say "I noticed" or "I didn't notice", or take it back;
 * nothing counts streaks, nothing asks for it.
 */
export type Outcome = 'kept' | 'partly' | 'not-kept';
export type Noticed = 'noticed' | 'not-noticed';

export async function recordCheckIn(db: Database, actor: Actor, id: string, input: { day: string; outcome: Outcome; note: string | null }, now = new Date()) {
	const row = await commitmentFor(db, actor, id, 'update');
	const today = localDay(now);
	const timeline = (await timelinesOf(db, [row])).get(row.id)!;
	const occasion = occasionOf(timeline, input.day) ?? (isDueOccasion(timeline, input.day, today) ? input.day : undefined);
	if (!occasion || !isDueOccasion(timeline, occasion, today)) throw new DomainError('check_in_not_due');
	const late = today > occasionEnd(timeline, occasion);
	// Recording again replaces the entry (a correction); the partner's "noticed" stays with the day.
	await db
		.insert(checkIns)
		.values({ commitmentId: id, ownerId: row.ownerId, day: occasion, outcome: input.outcome, note: input.note, late, recordedAt: now })
		.onConflictDoUpdate({ target: [checkIns.commitmentId, checkIns.day], set: { outcome: input.outcome, note: input.note, recordedAt: now } });
	return { day: occasion, late };
}

/** The partner's "I noticed" / "I didn't notice" on a recorded check-in; null takes it back. */
export async function markNoticed(db: Database, actor: Actor, id: string, day: string, noticed: Noticed | null, now = new Date()) {
	const row = await commitmentFor(db, actor, id, 'respond');
	if (row.ownerId === actor.userId) throw notFound();
	const updated = await db
		.update(checkIns)
		.set({ noticed, noticedAt: noticed ? now : null })
		.where(and(eq(checkIns.commitmentId, id), eq(checkIns.day, day)))
		.returning({ day: checkIns.day });
	if (updated.length === 0) throw notFound();
}

const entryColumns = {
	commitmentId: checkIns.commitmentId,
	day: checkIns.day,
	outcome: checkIns.outcome,
	note: checkIns.note,
	late: checkIns.late,
	recordedAt: checkIns.recordedAt,
	noticed: checkIns.noticed
};

export type CheckInEntry = { commitmentId: string; day: string; outcome: Outcome; note: string | null; late: boolean; recordedAt: Date; noticed: Noticed | null };

/** What counting needs of a check-in: which day, how it went, and the partner's "noticed". */
const markColumns = {
	commitmentId: checkIns.commitmentId,
	day: checkIns.day,
	outcome: checkIns.outcome,
	late: checkIns.late,
	noticed: checkIns.noticed
};

export type CheckInMark = Pick<CheckInEntry, keyof typeof markColumns>;

/**
 * Check-ins of commitments the caller already may read, from `fromDay` on: one query for all.
 * Without notes: calendars and weekly figures count, and a page over months of daily check-ins
 * (475 on the benchmark's busiest couple) would otherwise read every note to show none.
 */
export async function checkInsSince(db: Database, commitmentIds: string[], fromDay: string): Promise<CheckInMark[]> {
	if (commitmentIds.length === 0) return [];
	return db
		.select(markColumns)
		.from(checkIns)
		.where(and(inArray(checkIns.commitmentId, commitmentIds), gte(checkIns.day, fromDay)))
		.orderBy(desc(checkIns.day));
}

/** The latest entries of one commitment, newest first. */
export async function recentCheckIns(db: Database, actor: Actor, id: string, limit = 14) {
	await commitmentFor(db, actor, id, 'read');
	return latestCheckInsOf(db, id, limit);
}

/** For a commitment the caller has already been allowed to read. */
export function latestCheckInsOf(db: Database, id: string, limit = 14) {
	return db.select(entryColumns).from(checkIns).where(eq(checkIns.commitmentId, id)).orderBy(desc(checkIns.day)).limit(limit);
}
