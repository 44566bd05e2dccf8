import { describe, expect, it } from 'vitest';
import { dayKeysetCursorSchema, formatCursor, formatDayCursor, keysetCursorSchema, serialCursorSchema } from './cursor';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the keyset cursor in an address', () => {
	it('reads back what it wrote, microseconds and all', () => {
		for (const at of ['2026-11-20T10:00:00Z', '2026-11-20T10:00:00.123Z', '2026-11-20T10:00:00.123456Z']) {
			expect(keysetCursorSchema.parse(formatCursor({ at, id: ID }))).toEqual({ at, id: ID });
		}
		expect(keysetCursorSchema.parse(`2026-11-20T10:00:00.5Z_${ID.toUpperCase()}`)).toEqual({ at: '2026-11-20T10:00:00.5Z', id: ID });
	});

	it('takes anything it cannot compare for "the newest", so a bad address never becomes an error', () => {
		const bad = [
			null,
			undefined,
			'',
			'garbage',
			ID,
			'2026-11-20T10:00:00Z',
			`2026-11-20T10:00:00Z${ID}`,
			`2026-02-31T10:00:00Z_${ID}`, // no such day: the database would refuse it
			`2026-13-01T10:00:00Z_${ID}`,
			`0000-01-01T00:00:00Z_${ID}`, // no year 0 in the database
			`2026-11-20T24:00:00Z_${ID}`,
			`2026-11-20T10:60:00Z_${ID}`,
			`2026-11-20T10:00:00.1234567Z_${ID}`,
			`2026-11-20T10:00:00+01:00_${ID}`,
			`2026-11-20 10:00:00Z_${ID}`,
			`2026-11-20T10:00:00Z_not-an-id`,
			`2026-11-20T10:00:00Z_${ID}' or '1'='1`,
			`2026-11-20T10:00:00Z_${ID}_${ID}`,
			`${'9'.repeat(200)}`
		];
		for (const value of bad) expect(keysetCursorSchema.parse(value), String(value)).toBeNull();
	});
});

describe('the serial-id cursor in an address', () => {
	it('reads a row number, up to the largest a serial holds', () => {
		expect(serialCursorSchema.parse('1')).toBe(1);
		expect(serialCursorSchema.parse('42')).toBe(42);
		expect(serialCursorSchema.parse('2147483647')).toBe(2_147_483_647);
	});

	it('takes anything else for "the newest", so a bad address never becomes an error', () => {
		for (const value of [null, undefined, '', '0', '007', '-3', '+3', '1.5', '1e3', ' 5', '5 ', 'abc', '2147483648', '99999999999', '9'.repeat(40)]) {
			expect(serialCursorSchema.parse(value), String(value)).toBeNull();
		}
	});
});

describe('the day-first keyset cursor in an address', () => {
	it('reads back what it wrote', () => {
		const cursor = { day: '2026-11-04', at: '2026-11-04T09:00:00.000123Z', id: ID };
		expect(dayKeysetCursorSchema.parse(formatDayCursor(cursor))).toEqual(cursor);
	});

	it('takes anything it cannot compare for "the newest"', () => {
		const keyset = `2026-11-04T09:00:00Z_${ID}`;
		for (const value of [null, '', keyset, `2026-02-31_${keyset}`, `2026-11-04${keyset}`, `2026-11-04_garbage`, `2026-11-4_${keyset}`, `2026-11-04_2026-11-04T09:00:00Z_x`, `${'9'.repeat(200)}`]) {
			expect(dayKeysetCursorSchema.parse(value), String(value)).toBeNull();
		}
	});
});
