/**
 * Calendar days as 'YYYY-MM-DD' strings (what a date field sends and PostgreSQL's `date` returns),
 * and weeks starting on Monday (ISO 8601), computed in UTC so every process agrees.
 */
import { remembered } from '../remembered';

export type Day = string;

export function dayOf(date: Date): Day {
	return date.toISOString().slice(0, 10);
}

// The charts group a year of check-ins into weeks on every page view, over the same few hundred
// days: each answer is kept (`remembered`).
const shifted = remembered((key: string) => {
	const at = key.lastIndexOf('|');
	const d = new Date(`${key.slice(0, at)}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + Number(key.slice(at + 1)));
	return dayOf(d);
});

export function addDays(day: Day, n: number): Day {
	return shifted(`${day}|${n}`);
}

const mondayOf = remembered((day: string) => {
	const d = new Date(`${day}T00:00:00Z`);
	const fromMonday = (d.getUTCDay() + 6) % 7;
	return addDays(day, -fromMonday);
});

/** The Monday of the week `day` falls in. */
export function weekStart(day: Day): Day {
	return mondayOf(day);
}

/** Whole weeks from one Monday to another. */
export function weeksBetween(fromMonday: Day, toMonday: Day): number {
	return Math.round((Date.parse(`${toMonday}T00:00:00Z`) - Date.parse(`${fromMonday}T00:00:00Z`)) / (7 * 86_400_000));
}
