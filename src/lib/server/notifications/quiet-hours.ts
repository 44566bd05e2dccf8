/**
 * Quiet hours in the person's own time zone. Pure functions, so the edge cases (across midnight,
 * daylight saving, zones far from the server's) are tested without a database.
 */
const MINUTE = 60_000;

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * One formatter per zone, kept: making one costs far more than using it, and the minute's tick
 * asks for the same few zones for every notice and every hour slot.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string): Intl.DateTimeFormat {
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
		formats.set(timeZone, format);
	}
	return format;
}

/** The wall-clock date and minute of the day at `instant` in `timeZone`. */
export function localClock(instant: Date, timeZone: string): { date: string; minutes: number } {
	const parts = Object.fromEntries(formatIn(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
	return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
	const parts = Object.fromEntries(formatIn(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
	const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
	return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant the wall clock in `timeZone` reads `time` on `date` (YYYY-MM-DD). A time skipped by
 * a daylight-saving change lands just after the gap; a repeated one on one of its two occurrences.
 */
export function zonedTime(date: string, time: string, timeZone: string): Date {
	const [y, mo, d] = date.split('-').map(Number);
	const wall = Date.UTC(y, mo - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
	let guess = wall - offsetAt(wall, timeZone);
	const second = wall - offsetAt(guess, timeZone);
	if (second !== guess) guess = Math.max(guess, second);
	return new Date(guess);
}

export function addDaysTo(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * 60 * MINUTE).toISOString().slice(0, 10);
}

export interface QuietHours {
	start: string | null;
	end: string | null;
	timeZone: string;
}

/** Whether `instant` falls in the quiet hours; a start after the end runs across midnight. */
export function inQuietHours(instant: Date, quiet: QuietHours): boolean {
	if (!quiet.start || !quiet.end || quiet.start === quiet.end) return false;
	const { minutes } = localClock(instant, quiet.timeZone);
	const start = toMinutes(quiet.start);
	const end = toMinutes(quiet.end);
	return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** When the quiet hours around `instant` end: the next moment the local clock reads the end time. */
export function quietHoursEnd(instant: Date, quiet: QuietHours): Date {
	const { date } = localClock(instant, quiet.timeZone);
	for (let days = 0; days <= 2; days++) {
		const candidate = zonedTime(addDaysTo(date, days), quiet.end!, quiet.timeZone);
		if (candidate.getTime() > instant.getTime()) return candidate;
	}
	return new Date(instant.getTime() + 24 * 60 * MINUTE);
}

/** A notice due at `instant`: then, or at the end of the quiet hours it falls in. */
export function deliveryTime(instant: Date, quiet: QuietHours): Date {
	return inQuietHours(instant, quiet) ? quietHoursEnd(instant, quiet) : instant;
}

/** When the quiet hours next begin after `instant`, or null without quiet hours. */
export function nextQuietStart(instant: Date, quiet: QuietHours): Date | null {
	if (!quiet.start || !quiet.end || quiet.start === quiet.end) return null;
	const { date } = localClock(instant, quiet.timeZone);
	for (let days = 0; days <= 2; days++) {
		const candidate = zonedTime(addDaysTo(date, days), quiet.start, quiet.timeZone);
		if (candidate.getTime() > instant.getTime()) return candidate;
	}
	return null;
}
