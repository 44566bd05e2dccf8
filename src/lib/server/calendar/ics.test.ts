import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { escapeText, foldLine, offsetMinutes, serializeCalendar, type IcsEvent } from './ics';

/** ical.js reads the calendar; occurrences of its first event, in UTC, as Dates. */
function occurrences(text: string, count: number): Date[] {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
	const iterator = event.iterator();
	const out: Date[] = [];
	for (let next = iterator.next(); next && out.length < count; next = iterator.next()) out.push(next.toJSDate());
	return out;
}

const wallClock = (at: Date, timeZone: string) =>
	new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

const weekly = (timeZone: string, local: string): IcsEvent => ({ uid: 'x@test', summary: 's', start: { local, timeZone }, minutes: 60, rrule: 'FREQ=WEEKLY' });
const calendarOf = (events: IcsEvent[]) => serializeCalendar({ prodId: '-//Test//Test//EN', name: 'Test', events, now: new Date('2026-11-30T12:00:00Z') });

describe('the iCalendar writer', () => {
	it('escapes text values and ends every line in CRLF', () => {
		expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
		const text = calendarOf([{ ...weekly('Europe/Amsterdam', '2026-12-07T20:00'), summary: 'one; two, three\\four\nfive' }]);
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
		expect(event.getFirstPropertyValue('summary')).toBe('one; two, three\\four\nfive');
	});

	it('folds lines at 75 octets without splitting a character, and unfolds to the same text', () => {
		const long = 'DESCRIPTION:' + 'één café, '.repeat(30);
		const folded = foldLine(long);
		for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(folded.split('\r\n').slice(1).every((line) => line.startsWith(' '))).toBe(true);
		expect(folded.replace(/\r\n /g, '')).toBe(long);
		expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
		const text = calendarOf([{ ...weekly('Europe/Amsterdam', '2026-12-07T20:00'), description: 'één café, '.repeat(30) }]);
		const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
		expect(event.getFirstPropertyValue('description')).toBe('één café, '.repeat(30));
	});

	it.each([
		['Europe/Amsterdam', '2026-03-16T20:00'],
		['Europe/London', '2026-10-19T07:30'],
		['America/New_York', '2026-03-02T21:00'],
		['Australia/Sydney', '2026-03-23T19:00'],
		['Asia/Kolkata', '2026-01-05T20:30'],
		['America/Sao_Paulo', '2026-01-05T20:00'],
		['UTC', '2026-01-05T20:00']
	])('keeps a weekly event at the same wall-clock time across DST changes in %s', (timeZone, local) => {
		const text = calendarOf([weekly(timeZone, local)]);
		expect(text).toContain(`BEGIN:VTIMEZONE\r\nTZID:${timeZone}\r\n`);
		// Two years of weeks: every DST change in between (and the rule that carries on past the years written out).
		const dates = occurrences(text, 110);
		expect(dates).toHaveLength(110);
		const expected = wallClock(new Date(`${local}:00Z`), 'UTC');
		for (const date of dates) expect(wallClock(date, timeZone), `${date.toISOString()} in ${timeZone}`).toBe(expected);
	});

	it.each([
		['Asia/Jerusalem', '2026-01-05T20:00'],
		['America/Santiago', '2026-01-05T20:00'],
		['Africa/Casablanca', '2026-01-05T20:00'],
		['America/Nuuk', '2026-01-05T20:00'],
		['Asia/Gaza', '2026-01-05T20:00']
	])('keeps a weekly event at its wall-clock time in %s, whose changes follow no nth-weekday rule', (timeZone, local) => {
		const text = calendarOf([weekly(timeZone, local)]);
		// Six years of weeks, compared with the platform's own conversion: every change, the first one too.
		const dates = occurrences(text, 300);
		expect(dates).toHaveLength(300);
		const expected = wallClock(new Date(`${local}:00Z`), 'UTC');
		const wrong = dates.filter((date) => wallClock(date, timeZone) !== expected).map((date) => date.toISOString());
		expect(wrong, `${timeZone}`).toEqual([]);
	});

	it('reads offsets from the platform, half hours included', () => {
		expect(offsetMinutes('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(330);
		expect(offsetMinutes('Europe/Amsterdam', Date.UTC(2026, 0, 1))).toBe(60);
		expect(offsetMinutes('Europe/Amsterdam', Date.UTC(2026, 6, 1))).toBe(120);
		expect(offsetMinutes('America/New_York', Date.UTC(2026, 0, 1))).toBe(-300);
	});

	it('writes all-day events as dates that last one day', () => {
		const text = calendarOf([{ uid: 'd@test', summary: 'day', start: { day: '2026-12-31' }, rrule: 'FREQ=DAILY' }]);
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
		expect(event.startDate.isDate).toBe(true);
		expect(event.startDate.toString()).toBe('2026-12-31');
		expect(event.endDate.toString()).toBe('2027-01-01');
		expect(text).not.toContain('VTIMEZONE');
	});
});
