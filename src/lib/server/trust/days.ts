/**
 * Calendar days as 'YYYY-MM-DD' strings (what a date field sends and PostgreSQL's `date` returns),
 * and weeks starting on Monday (ISO 8601), computed in UTC so every process agrees.
 */
export type Day = string;

export function dayOf(date: Date): Day {
	return date.toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return dayOf(d);
}

/** The Monday of the week `day` falls in. */
export function weekStart(day: Day): Day {
	const d = new Date(`${day}T00:00:00Z`);
	const fromMonday = (d.getUTCDay() + 6) % 7;
	return addDays(day, -fromMonday);
}

/** Whole weeks from one Monday to another. */
export function weeksBetween(fromMonday: Day, toMonday: Day): number {
	return Math.round((Date.parse(`${toMonday}T00:00:00Z`) - Date.parse(`${fromMonday}T00:00:00Z`)) / (7 * 86_400_000));
}
