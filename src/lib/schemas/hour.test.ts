import { describe, expect, it } from 'vitest';
import { hourAnswerText, hourNoteSchema, hourSlotSchema } from './hour';

describe('the hour’s form schemas', () => {
	it('takes a weekday, a time and a known IANA zone, and refuses anything else', () => {
		expect(hourSlotSchema.parse({ weekday: '4', time: '20:30', timeZone: 'Europe/Amsterdam' })).toEqual({ weekday: 4, time: '20:30', timeZone: 'Europe/Amsterdam' });
		const codes = (input: Record<string, string>) => (hourSlotSchema.safeParse(input).error?.issues ?? []).map((i) => i.message);
		expect(codes({ weekday: '8', time: '20:30', timeZone: 'Europe/Amsterdam' })).toEqual(['hour_weekday_required']);
		expect(codes({ weekday: '1', time: '24:00', timeZone: 'Europe/Amsterdam' })).toEqual(['hour_time_invalid']);
		expect(codes({ weekday: '1', time: '8:00', timeZone: 'Europe/Amsterdam' })).toEqual(['hour_time_invalid']);
		expect(codes({ weekday: '1', time: '08:00', timeZone: 'Mars/Olympus' })).toEqual(['hour_time_zone']);
		expect(codes({ weekday: '1', time: '08:00', timeZone: "Europe/Amsterdam'; drop table" })).toEqual(['hour_time_zone']);
	});

	it('treats a blank answer as none and refuses control characters and overlong text', () => {
		expect(hourAnswerText.parse('  ')).toBeNull();
		expect(hourAnswerText.parse(' een\r\nregel ')).toBe('een\nregel');
		expect(hourAnswerText.safeParse('a\u0000b').success).toBe(false);
		expect(hourAnswerText.safeParse('x'.repeat(2001)).success).toBe(false);
	});

	it('needs a note’s text, and keeps a note private unless asked to share', () => {
		expect(hourNoteSchema.parse({ body: 'iets' })).toEqual({ body: 'iets', shared: false });
		expect(hourNoteSchema.parse({ body: 'iets', shared: 'shared' })).toEqual({ body: 'iets', shared: true });
		expect(hourNoteSchema.safeParse({ body: '   ' }).error?.issues[0]?.message).toBe('hour_note_required');
		expect(hourNoteSchema.safeParse({ body: 'x', shared: 'everyone' }).error?.issues[0]?.message).toBe('hour_note_visibility');
	});
});
