/**
 * A small iCalendar (RFC 5545) writer: just what the private feed needs (decision 019). Lines end
 * in CRLF and are folded at 75 octets (never inside a UTF-8 character), TEXT values are escaped,
 * and a time zone is written as a VTIMEZONE built from the platform's own zone data (Intl), so a
 * calendar app places a weekly event at the same wall-clock time on both sides of a DST change.
 *
 * Written here rather than taken from `ical-generator`: its current major needs Node 22 and it
 * leaves VTIMEZONE to a separate generator; the feed needs about a hundred lines. Tests parse the
 * output with `ical.js` as the independent check.
 */

export type IcsStart =
	/** An all-day event on a local day, YYYY-MM-DD. */
	| { day: string }
	/** A timed event at a wall-clock time (YYYY-MM-DDTHH:MM) in an IANA zone. */
	| { local: string; timeZone: string };

export interface IcsEvent {
	uid: string;
	summary: string;
	description?: string;
	url?: string;
	start: IcsStart;
	/** Minutes, for a timed event; an all-day event lasts its one day. */
	minutes?: number;
	/** An RRULE value, e.g. `FREQ=WEEKLY;BYDAY=MO`. */
	rrule?: string;
	lastModified?: Date;
}

export interface IcsCalendar {
	/** The product identifier, e.g. `-//Herstelpad//Calendar//NL`. */
	prodId: string;
	name: string;
	events: IcsEvent[];
	/** When the feed was made (DTSTAMP of every event). */
	now: Date;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
	return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds one content line at 75 octets (§3.1); continuation lines start with one space. */
export function foldLine(line: string): string {
	if (encoder.encode(line).length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// The first line holds 75 octets; each continuation line 74 after its leading space.
		const max = parts.length === 0 ? 75 : 74;
		if (octets + size > max) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const compact = (local: string) => local.replace(/[-:]/g, '');
const utcStamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function dayAfter(day: string): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/** PT1H, PT1H30M, PT45M. */
const duration = (minutes: number) => `PT${minutes >= 60 ? `${Math.floor(minutes / 60)}H` : ''}${minutes % 60 ? `${minutes % 60}M` : ''}`;

function eventLines(event: IcsEvent, now: Date): string[] {
	const lines = ['BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${utcStamp(now)}`];
	if ('day' in event.start) {
		lines.push(`DTSTART;VALUE=DATE:${compact(event.start.day)}`, `DTEND;VALUE=DATE:${compact(dayAfter(event.start.day))}`, 'TRANSP:TRANSPARENT');
	} else {
		lines.push(`DTSTART;TZID=${event.start.timeZone}:${compact(event.start.local)}00`, `DURATION:${duration(event.minutes ?? 60)}`);
	}
	if (event.rrule) lines.push(`RRULE:${event.rrule}`);
	lines.push(`SUMMARY:${escapeText(event.summary)}`);
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	if (event.url) lines.push(`URL;VALUE=URI:${event.url}`);
	if (event.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`);
	lines.push('CLASS:PRIVATE', 'END:VEVENT');
	return lines;
}

/** The whole calendar as text: CRLF line ends, folded lines, one VTIMEZONE per zone used. */
export function serializeCalendar(calendar: IcsCalendar): string {
	const zones = new Map<string, number>();
	for (const event of calendar.events) {
		if ('timeZone' in event.start) {
			const year = Number(event.start.local.slice(0, 4));
			zones.set(event.start.timeZone, Math.min(zones.get(event.start.timeZone) ?? year, year));
		}
	}
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${calendar.prodId}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(calendar.name)}`,
		// Ask subscribing apps to look again every few hours (Apple and Outlook read these).
		'REFRESH-INTERVAL;VALUE=DURATION:PT4H',
		'X-PUBLISHED-TTL:PT4H',
		...[...zones].flatMap(([zone, year]) => timeZoneLines(zone, year)),
		...calendar.events.flatMap((event) => eventLines(event, calendar.now)),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// VTIMEZONE from Intl: the zone's offset changes over a few years, written as yearly rules when
// they follow one (as almost every zone with DST does), else as one observance per change.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Years of transitions looked at, from the first event's year on. */
const YEARS = 6;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes at an instant. */
export function offsetMinutes(timeZone: string, at: number): number {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset', year: 'numeric' });
		formatters.set(timeZone, format);
	}
	const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
	const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
	if (!match) return 0;
	return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

interface Transition {
	/** The instant of the change, ms since the epoch. */
	at: number;
	from: number;
	to: number;
}

function transitions(timeZone: string, fromYear: number, toYear: number): Transition[] {
	const out: Transition[] = [];
	const end = Date.UTC(toYear, 0, 1);
	let t = Date.UTC(fromYear, 0, 1);
	let offset = offsetMinutes(timeZone, t);
	for (; t < end; t += DAY) {
		const next = offsetMinutes(timeZone, t + DAY);
		if (next === offset) continue;
		// Narrow the day down to the minute of the change.
		let lo = t;
		let hi = t + DAY;
		while (hi - lo > MINUTE) {
			const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
			if (offsetMinutes(timeZone, mid) === offset) lo = mid;
			else hi = mid;
		}
		out.push({ at: hi, from: offset, to: next });
		offset = next;
	}
	return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const formatOffset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
/** The wall-clock time just before the change, as the observance's DTSTART wants it (local, in the old offset). */
const localBefore = (tr: Transition) => new Date(tr.at + tr.from * MINUTE);
const localStamp = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** `n`th weekday of its month (1…4), or -1 when it is the last one. */
function yearlyRule(tr: Transition): { month: number; byDay: string; time: string } {
	const local = localBefore(tr);
	const date = local.getUTCDate();
	const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
	const nth = date + 7 > daysInMonth ? -1 : Math.ceil(date / 7);
	return { month: local.getUTCMonth() + 1, byDay: `${nth}${DAYS[local.getUTCDay()]}`, time: localStamp(local).slice(9) };
}

/** Zone data changes only with a Node upgrade: each zone and year is worked out once per process. */
const zoneCache = new Map<string, string[]>();

function timeZoneLines(timeZone: string, firstYear: number): string[] {
	const key = `${timeZone}|${firstYear}`;
	let lines = zoneCache.get(key);
	if (!lines) {
		lines = buildTimeZoneLines(timeZone, firstYear);
		zoneCache.set(key, lines);
	}
	return lines;
}

function buildTimeZoneLines(timeZone: string, firstYear: number): string[] {
	const fromYear = firstYear - 1;
	const toYear = firstYear + YEARS;
	const found = transitions(timeZone, fromYear, toYear);
	const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
	if (found.length === 0) {
		const offset = formatOffset(offsetMinutes(timeZone, Date.UTC(firstYear, 0, 1)));
		lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD', 'END:VTIMEZONE');
		return lines;
	}
	// Observances: the changes with the same offsets, in the same direction.
	const groups = new Map<string, Transition[]>();
	for (const tr of found) {
		const key = `${tr.from}/${tr.to}`;
		groups.set(key, [...(groups.get(key) ?? []), tr]);
	}
	for (const group of groups.values()) {
		const { from, to } = group[0];
		const kind = to > from ? 'DAYLIGHT' : 'STANDARD';
		const observance = (tr: Transition, ...more: string[]) => [`BEGIN:${kind}`, `DTSTART:${localStamp(localBefore(tr))}`, `TZOFFSETFROM:${formatOffset(from)}`, `TZOFFSETTO:${formatOffset(to)}`, ...more, `END:${kind}`];
		const first = group[0];
		const rule = yearlyRule(first);
		const years = group.map((tr) => localBefore(tr).getUTCFullYear());
		const everyYear = years.every((y, i) => y === years[0] + i);
		const sameRule = group.every((tr) => {
			const r = yearlyRule(tr);
			return r.month === rule.month && r.byDay === rule.byDay && r.time === rule.time;
		});
		if (group.length > 1 && everyYear && sameRule) {
			// Still in force at the end of the years looked at: the rule goes on; else it ends with its last change.
			const ongoing = years.at(-1)! >= toYear - 1;
			lines.push(...observance(first, `RRULE:FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.byDay}${ongoing ? '' : `;UNTIL=${utcStamp(new Date(group.at(-1)!.at))}`}`));
		} else {
			// No nth-weekday rule (Jerusalem, Santiago, Casablanca, Nuuk, Gaza…): one observance per change,
			// each with only its DTSTART. A single RDATE line listing them all is read by ical.js and
			// Thunderbird as its first date only, and the DTSTART's own change was then skipped too.
			for (const tr of group) lines.push(...observance(tr));
		}
	}
	lines.push('END:VTIMEZONE');
	return lines;
}
