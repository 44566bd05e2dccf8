import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { listVisibleCommitments, timelinesOf } from './commitments';
import { checkInsSince } from './check-ins';
import { addDays, localDay, mondayOf } from './days';
import { isDueOccasion, occasionOf } from './timeline';

/**
 * What is due now for the actor's own commitments: today's occasion (or this week's, for a
 * weekly one) and whether it has an entry. Three queries, however long the history.
 */
export async function dueNow(db: Database, actor: Actor, now = new Date()) {
	return (await deedsToday(db, actor, now)).due;
}

/** For the home page: what is due now, and how many of the partner's shared commitments are ongoing. */
export async function deedsToday(db: Database, actor: Actor, now = new Date()) {
	const today = localDay(now);
	const visible = await listVisibleCommitments(db, actor, { activeOnly: true });
	const partnerOngoing = visible.filter((r) => r.ownerId !== actor.userId).length;
	const rows = visible.filter((r) => r.ownerId === actor.userId);
	const timelines = await timelinesOf(db, rows);
	const recorded = new Set((await checkInsSince(db, rows.map((r) => r.id), addDays(mondayOf(today), 0))).map((e) => `${e.commitmentId}/${e.day}`));
	const due: { id: string; title: string; occasion: string; weekly: boolean; recorded: boolean }[] = [];
	for (const row of rows) {
		const timeline = timelines.get(row.id)!;
		const occasion = occasionOf(timeline, today);
		if (!occasion || !isDueOccasion(timeline, occasion, today)) continue;
		due.push({ id: row.id, title: row.title, occasion, weekly: occasion !== today, recorded: recorded.has(`${row.id}/${occasion}`) });
	}
	return { due, partnerOngoing };
}
