import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { commitmentFor, listVisibleCommitments, timelinesOf } from './commitments';
import { checkInsSince, type CheckInMark, type Noticed, type Outcome } from './check-ins';
import { addDays, localDay, mondayOf } from './days';
import { dueOccasions, occasionEnd, type Timeline } from './timeline';

/**
 * Consistency (practice 7): what was due, and what was kept, per day and per week. Figures, not a
 * score: an occasion counts as due once it is over or has an entry, so today never counts against
 * anyone before it has ended.
 */
export interface Tally {
	due: number;
	kept: number;
	partly: number;
	notKept: number;
}

export interface WeekTally extends Tally {
	/** The ISO week's Monday, 'YYYY-MM-DD'. */
	weekStart: string;
}

const empty = (): Tally => ({ due: 0, kept: 0, partly: 0, notKept: 0 });

function add(tally: Tally, outcome: Outcome | undefined) {
	tally.due++;
	if (outcome === 'kept') tally.kept++;
	else if (outcome === 'partly') tally.partly++;
	else if (outcome === 'not-kept') tally.notKept++;
}

/** Counts one commitment's occasions from `from` to `today` into weeks (by occasion day). */
function countInto(weeks: Map<string, Tally>, timeline: Timeline, entries: Map<string, CheckInMark>, from: string, today: string) {
	for (const occasion of dueOccasions(timeline, from, today)) {
		const entry = entries.get(occasion);
		if (!entry && occasionEnd(timeline, occasion) >= today) continue; // still open: not counted yet
		const week = weeks.get(mondayOf(occasion));
		if (week) add(week, entry?.outcome);
	}
}

const byDay = (entries: CheckInMark[]) => {
	const map = new Map<string, Map<string, CheckInMark>>();
	for (const e of entries) {
		if (!map.has(e.commitmentId)) map.set(e.commitmentId, new Map());
		map.get(e.commitmentId)!.set(e.day, e);
	}
	return map;
};

/**
 * Per ISO week, oldest first, over the actor's own commitments and those their partner shared:
 * what was due and how it went. `weeks` counts back from the current week. Three queries,
 * whatever the number of commitments or check-ins.
 */
export async function weeklyConsistency(db: Database, actor: Actor, weeks: number, now = new Date()): Promise<WeekTally[]> {
	const count = Math.max(1, Math.min(Math.floor(weeks), 104));
	const today = localDay(now);
	const first = addDays(mondayOf(today), -7 * (count - 1));
	const result = new Map<string, Tally>();
	for (let i = 0; i < count; i++) result.set(addDays(first, 7 * i), empty());
	const rows = await listVisibleCommitments(db, actor);
	const timelines = await timelinesOf(db, rows);
	const entries = byDay(await checkInsSince(db, rows.map((r) => r.id), first));
	for (const row of rows) countInto(result, timelines.get(row.id)!, entries.get(row.id) ?? new Map(), first, today);
	return [...result].map(([weekStart, tally]) => ({ weekStart, ...tally }));
}

export type DayState = 'not-due' | 'open' | 'upcoming' | Outcome;

export interface CalendarDay {
	day: string;
	state: DayState;
	/** Due (a day, or the Monday standing for a weekly week) and not in the future. */
	due: boolean;
	noticed: Noticed | null;
	late: boolean;
}

export const CALENDAR_WEEKS = 12;

/** One commitment's last 12 weeks: a calendar (weeks × 7 days), weekly figures and the share kept over 4 and 12 weeks. */
export async function commitmentConsistency(db: Database, actor: Actor, id: string, now = new Date()) {
	return consistencyOf(db, await commitmentFor(db, actor, id, 'read'), now);
}

/** The same for a commitment the caller has already been allowed to read. */
export async function consistencyOf(db: Database, row: { id: string; startsOn: string }, now = new Date()) {
	const today = localDay(now);
	const first = addDays(mondayOf(today), -7 * (CALENDAR_WEEKS - 1));
	const timeline = (await timelinesOf(db, [row])).get(row.id)!;
	const entries = byDay(await checkInsSince(db, [row.id], first)).get(row.id) ?? new Map<string, CheckInMark>();
	const due = new Set(dueOccasions(timeline, first, today));
	const weeks: { weekStart: string; days: CalendarDay[] }[] = [];
	for (let w = 0; w < CALENDAR_WEEKS; w++) {
		const weekStart = addDays(first, 7 * w);
		const days: CalendarDay[] = [];
		for (let d = 0; d < 7; d++) {
			const day = addDays(weekStart, d);
			const entry = entries.get(day);
			let state: DayState = 'not-due';
			if (entry) state = entry.outcome;
			else if (day > today) state = 'upcoming';
			else if (due.has(day)) state = occasionEnd(timeline, day) >= today ? 'upcoming' : 'open';
			days.push({ day, state, due: due.has(day), noticed: entry?.noticed ?? null, late: entry?.late ?? false });
		}
		weeks.push({ weekStart, days });
	}
	const tallies = new Map<string, Tally>(weeks.map((w) => [w.weekStart, empty()]));
	countInto(tallies, timeline, entries, first, today);
	const weekly = [...tallies].map(([weekStart, tally]) => ({
		weekStart,
		...tally,
		noticed: weeks.find((w) => w.weekStart === weekStart)!.days.filter((d) => d.noticed === 'noticed').length
	}));
	const sum = (list: Tally[]) => list.reduce((acc, t) => ({ due: acc.due + t.due, kept: acc.kept + t.kept, partly: acc.partly + t.partly, notKept: acc.notKept + t.notKept }), empty());
	return { weeks, weekly, last4: sum(weekly.slice(-4)), last12: sum(weekly), today };
}

export type CommitmentConsistency = Awaited<ReturnType<typeof commitmentConsistency>>;

/** Kept as a whole percentage of what was due, or null when nothing was due yet. */
export const shareKept = (t: Tally) => (t.due === 0 ? null : Math.round((100 * t.kept) / t.due));
