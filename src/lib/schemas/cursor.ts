import { z } from 'zod';
import { UUID } from './uuid';
import { isCalendarDate } from './hard-parts';

/**
 * A keyset cursor in a page's address (`?before=…`): the moment and id of the last row shown, so
 * the next page starts strictly after it in the order (moment, id) newest first. Never an offset:
 * a page further back costs what the first does, and a row added or deleted meanwhile neither
 * repeats nor skips one.
 *
 * Written `<UTC time, ISO 8601, up to microseconds>_<uuid>`: the database keeps microseconds, and a
 * cursor rounded to milliseconds would skip rows within that millisecond.
 */
export interface KeysetCursor {
	/** The moment as ISO 8601 in UTC, as precise as the database keeps it. */
	at: string;
	id: string;
}

const CURSOR = /^([1-9]\d{3}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,6})?Z_(.+)$/;

/** Whether a written cursor is one the database can compare with: a real moment and an id. */
function parse(value: string): KeysetCursor | null {
	const match = CURSOR.exec(value);
	if (!match || !isCalendarDate(match[1]) || !UUID.test(match[6])) return null;
	return { at: value.slice(0, value.lastIndexOf('_')), id: match[6].toLowerCase() };
}

/**
 * The cursor from the address, or null for "the newest": a missing, mangled or impossible one
 * (31 February, a year 0, not an id) shows the newest page instead of an error, as a link cut off
 * in a message would otherwise.
 */
export const keysetCursorSchema = z
	.string()
	.max(100)
	.nullish()
	.transform((value) => (value ? parse(value) : null))
	.catch(null);

export function formatCursor(cursor: KeysetCursor): string {
	return `${cursor.at}_${cursor.id}`;
}

/** Postgres `serial` ids stop here; a larger number cannot name a row. */
const LARGEST_SERIAL = 2_147_483_647;

/**
 * A cursor that is a row's serial id (`?historyBefore=42`: a commitment's history, whose events
 * are numbered in the order they happened). Anything else, a zero, a sign, a fraction or a number
 * past the largest id, means "the newest", like a keyset cursor that cannot be read.
 */
export const serialCursorSchema = z
	.string()
	.max(12)
	.nullish()
	.transform((value) => (value && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= LARGEST_SERIAL ? Number(value) : null))
	.catch(null);

/**
 * A keyset cursor for a list ordered by a calendar day first, then by moment and id (the contact
 * log: the day a contact happened, then when it was written down). Written
 * `<YYYY-MM-DD>_<keyset cursor>`; anything that cannot be read means "the newest".
 */
export interface DayKeysetCursor extends KeysetCursor {
	day: string;
}

export const dayKeysetCursorSchema = z
	.string()
	.max(120)
	.nullish()
	.transform((value): DayKeysetCursor | null => {
		const day = value?.slice(0, 10);
		if (!value || !day || !isCalendarDate(day) || value[10] !== '_') return null;
		const rest = parse(value.slice(11));
		return rest && { day, ...rest };
	})
	.catch(null);

export function formatDayCursor(cursor: DayKeysetCursor): string {
	return `${cursor.day}_${formatCursor(cursor)}`;
}
