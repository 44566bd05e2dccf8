import { describe, expect, it } from 'vitest';
import { deliveryTime, inQuietHours, quietHoursEnd, zonedTime } from './quiet-hours';

const at = (iso: string) => new Date(iso);

describe('quiet hours, in the person’s own time zone', () => {
	const night = { start: '22:00', end: '07:00', timeZone: 'Europe/Amsterdam' };

	it('runs across midnight when the start is after the end', () => {
		// 21:59, 22:00, 03:00, 06:59, 07:00 in Amsterdam (winter: UTC+1)
		expect(inQuietHours(at('2026-01-14T20:59:00Z'), night)).toBe(false);
		expect(inQuietHours(at('2026-01-14T21:00:00Z'), night)).toBe(true);
		expect(inQuietHours(at('2026-01-15T02:00:00Z'), night)).toBe(true);
		expect(inQuietHours(at('2026-01-15T05:59:00Z'), night)).toBe(true);
		expect(inQuietHours(at('2026-01-15T06:00:00Z'), night)).toBe(false);
	});

	it('also works within one day, and not at all without both times or with equal ones', () => {
		const afternoon = { start: '13:00', end: '15:30', timeZone: 'Europe/Amsterdam' };
		expect(inQuietHours(at('2026-01-14T12:30:00Z'), afternoon)).toBe(true);
		expect(inQuietHours(at('2026-01-14T14:30:00Z'), afternoon)).toBe(false);
		expect(inQuietHours(at('2026-01-14T11:59:00Z'), afternoon)).toBe(false);
		expect(inQuietHours(at('2026-01-15T02:00:00Z'), { start: null, end: null, timeZone: 'Europe/Amsterdam' })).toBe(false);
		expect(inQuietHours(at('2026-01-15T02:00:00Z'), { start: '07:00', end: '07:00', timeZone: 'Europe/Amsterdam' })).toBe(false);
	});

	it('reads the clock of the person’s zone, not the server’s', () => {
		// 23:00 UTC is midnight in Amsterdam but 18:00 in New York and 08:00 the next day in Tokyo.
		const instant = at('2026-01-14T23:00:00Z');
		expect(inQuietHours(instant, night)).toBe(true);
		expect(inQuietHours(instant, { ...night, timeZone: 'America/New_York' })).toBe(false);
		expect(inQuietHours(instant, { ...night, timeZone: 'Asia/Tokyo' })).toBe(false);
		expect(inQuietHours(at('2026-01-14T14:00:00Z'), { ...night, timeZone: 'Asia/Tokyo' })).toBe(true);
	});

	it('postpones to the end of the quiet hours: the same night’s morning, also before midnight', () => {
		expect(quietHoursEnd(at('2026-01-14T22:30:00Z'), night).toISOString()).toBe('2026-01-15T06:00:00.000Z');
		expect(quietHoursEnd(at('2026-01-15T03:00:00Z'), night).toISOString()).toBe('2026-01-15T06:00:00.000Z');
		expect(deliveryTime(at('2026-01-15T03:00:00Z'), night).toISOString()).toBe('2026-01-15T06:00:00.000Z');
		expect(deliveryTime(at('2026-01-15T09:00:00Z'), night).toISOString()).toBe('2026-01-15T09:00:00.000Z');
		// In New York, 07:00 local is 12:00 UTC in winter.
		expect(quietHoursEnd(at('2026-01-15T05:00:00Z'), { ...night, timeZone: 'America/New_York' }).toISOString()).toBe('2026-01-15T12:00:00.000Z');
	});

	it('knows summer time: 07:00 in Amsterdam is 05:00 UTC in July, and daylight-saving nights end right', () => {
		expect(quietHoursEnd(at('2026-07-15T01:00:00Z'), night).toISOString()).toBe('2026-07-15T05:00:00.000Z');
		// The night the clocks go forward (29 March 2026, 02:00 → 03:00): 07:00 is 05:00 UTC.
		expect(quietHoursEnd(at('2026-03-28T23:00:00Z'), night).toISOString()).toBe('2026-03-29T05:00:00.000Z');
		expect(zonedTime('2026-10-25', '07:00', 'Europe/Amsterdam').toISOString()).toBe('2026-10-25T06:00:00.000Z');
		// A time the clocks skip lands just after the gap.
		expect(zonedTime('2026-03-29', '02:30', 'Europe/Amsterdam').toISOString()).toBe('2026-03-29T01:30:00.000Z');
	});
});
