/**
 * Calendar days as 'YYYY-MM-DD' strings. A "day" is a local day in the app's time zone
 * (Europe/Amsterdam, as every date the interface shows), so "today" is the same day for both
 * partners whatever the server's clock zone.
 */
import { APP_TIME_ZONE } from '../../time-zone';
import { remembered } from '../remembered';

export { APP_TIME_ZONE };

const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: APP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function localDay(at: Date): string {
	return localDate.format(at);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The pages that count or draw weeks do day arithmetic thousands of times per request over the
 * same few hundred days, so both directions are kept: reading a day's text (a sixth of the cost
 * of parsing it again, measured) and writing it back (a Date and an ISO string, costlier still).
 */
const toUtc = remembered((day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
const fromUtc = remembered((ms: number) => new Date(ms).toISOString().slice(0, 10));

export function addDays(day: string, n: number): string {
	return fromUtc(toUtc(day) + n * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
	// Days since 1970-01-01, a Thursday (4): the weekday without making a Date.
	const d = (((Math.floor(toUtc(day) / DAY_MS) + 4) % 7) + 7) % 7;
	return d === 0 ? 7 : d;
}

export function mondayOf(day: string): string {
	return addDays(day, 1 - isoWeekday(day));
}

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day in the form YYYY-MM-DD (2026-02-30 is not). */
export function isDay(value: string): boolean {
	return DAY_PATTERN.test(value) && fromUtc(toUtc(value)) === value;
}
