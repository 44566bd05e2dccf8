import { describe, expect, it } from 'vitest';
import { dateFormat, EXPORT_DATE_TIME, localeTag, numberFormat, utcDay } from './format';

describe('format', () => {
	it('formats in the interface language: Dutch by default, British English for en', () => {
		expect(localeTag('nl')).toBe('nl-NL');
		expect(localeTag('en')).toBe('en-GB');
		const options = { day: 'numeric', month: 'short', timeZone: 'UTC' } as const;
		expect(dateFormat('nl', options).format(utcDay('2026-03-05'))).toBe('5 mrt');
		expect(dateFormat('en', options).format(utcDay('2026-03-05'))).toBe('5 Mar');
		expect(numberFormat('nl', { maximumFractionDigits: 1 }).format(3.45)).toBe('3,5');
		expect(numberFormat('en', { maximumFractionDigits: 1 }).format(3.45)).toBe('3.5');
	});

	it('makes each formatter once and reuses it, but not across locales or options', () => {
		const a = dateFormat('nl', { dateStyle: 'long', timeZone: 'UTC' });
		expect(dateFormat('nl', { dateStyle: 'long', timeZone: 'UTC' })).toBe(a);
		expect(dateFormat('en', { dateStyle: 'long', timeZone: 'UTC' })).not.toBe(a);
		expect(dateFormat('nl', { dateStyle: 'medium', timeZone: 'UTC' })).not.toBe(a);
		expect(numberFormat('nl')).toBe(numberFormat('nl'));
	});

	it('reads a day as that calendar day whatever the time zone of the process', () => {
		expect(dateFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(utcDay('2026-12-31'))).toBe('31 December 2026');
		expect(utcDay('2026-12-31T22:00:00Z').toISOString()).toBe('2026-12-31T00:00:00.000Z');
	});

	it('writes an export moment as the exports always did: day and time to the second, in the app time zone', () => {
		// 01:30 UTC on the night summer time starts is 03:30 in Amsterdam, not 02:30 or 01:30.
		const moment = new Date('2026-03-29T01:30:12Z');
		expect(dateFormat('nl', EXPORT_DATE_TIME).format(moment)).toBe('29-3-2026, 03:30:12');
		expect(dateFormat('en', EXPORT_DATE_TIME).format(moment)).toBe('29/03/2026, 03:30:12');
	});
});
