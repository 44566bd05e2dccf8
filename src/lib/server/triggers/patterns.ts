import { APP_TIME_ZONE, addDays, isoWeekday, localDay, mondayOf } from '../deeds/days';

/**
 * Patterns in the log over the last weeks: how many moments per week (and how strong on average),
 * per weekday and per part of the day, in the app's time zone as every time the interface shows.
 * Pure, so the computation is tested without a database.
 */

export type DayPart = 'night' | 'morning' | 'afternoon' | 'evening';
export const DAY_PARTS: { part: DayPart; from: number; to: number }[] = [
	{ part: 'night', from: 0, to: 6 },
	{ part: 'morning', from: 6, to: 12 },
	{ part: 'afternoon', from: 12, to: 18 },
	{ part: 'evening', from: 18, to: 24 }
];

export const PATTERN_WEEKS = 12;

const localHour = new Intl.DateTimeFormat('en-GB', { timeZone: APP_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

export interface Moment {
	occurredAt: Date;
	strength: number | null;
}

const mean = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null);

/** The first moment that counts: the Monday `weeks - 1` weeks before this week's, at local midnight (a day's margin for the query). */
export function patternsSince(now = new Date(), weeks = PATTERN_WEEKS) {
	const first = addDays(mondayOf(localDay(now)), -7 * (weeks - 1));
	return new Date(new Date(`${first}T00:00:00Z`).getTime() - 86_400_000);
}

export function triggerPatterns(moments: Moment[], now = new Date(), weeks = PATTERN_WEEKS) {
	const thisWeek = mondayOf(localDay(now));
	const starts = Array.from({ length: weeks }, (_, i) => addDays(thisWeek, -7 * (weeks - 1 - i)));
	const perWeek = new Map(starts.map((w) => [w, [] as Moment[]]));
	const weekdays = Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, count: 0 }));
	const parts = DAY_PARTS.map((p) => ({ part: p.part, count: 0 }));
	let total = 0;
	for (const m of moments) {
		const day = localDay(m.occurredAt);
		const bucket = perWeek.get(mondayOf(day));
		if (!bucket) continue;
		bucket.push(m);
		total++;
		weekdays[isoWeekday(day) - 1].count++;
		const hour = Number(localHour.format(m.occurredAt));
		parts[DAY_PARTS.findIndex((p) => hour >= p.from && hour < p.to)].count++;
	}
	return {
		total,
		weeks: starts.map((weekStart) => {
			const list = perWeek.get(weekStart)!;
			return { weekStart, count: list.length, strength: mean(list.flatMap((m) => (m.strength === null ? [] : [m.strength]))) };
		}),
		weekdays,
		parts
	};
}

export type TriggerPatterns = ReturnType<typeof triggerPatterns>;
