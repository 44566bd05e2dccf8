import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DayKeysetCursor, KeysetCursor } from '$lib/schemas/cursor';

/**
 * Keyset paging on (moment, id), or (day, moment, id), newest first: the pieces every paged list
 * shares (decision 025). The cursors' formats are `src/lib/schemas/cursor.ts`.
 */

/** A row's moment as the database keeps it (microseconds, UTC), for a cursor that skips nothing. */
export const cursorMoment = (moment: AnyColumn) => sql<string>`to_char(${moment} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows strictly after the cursor in the order (moment, id) newest first; served by an index that orders them so. */
export const olderThanCursor = (moment: AnyColumn, id: AnyColumn, before: KeysetCursor | null | undefined): SQL | undefined =>
	before ? sql`(${moment}, ${id}) < (${before.at}::timestamptz, ${before.id})` : undefined;

/** Asks one row more than a page holds: whether it comes back says whether there is an older page. */
export function pageOf<T extends { id: string; cursorAt: string }>(rows: T[], limit: number): { rows: T[]; older: KeysetCursor | null } {
	const shown = rows.slice(0, limit);
	const last = shown.at(-1);
	return { rows: shown, older: rows.length > limit && last ? { at: last.cursorAt, id: last.id } : null };
}

/** Rows strictly after the cursor in the order (day, moment, id) newest first. */
export const olderThanDayCursor = (day: AnyColumn, moment: AnyColumn, id: AnyColumn, before: DayKeysetCursor | null | undefined): SQL | undefined =>
	before ? sql`(${day}, ${moment}, ${id}) < (${before.day}::date, ${before.at}::timestamptz, ${before.id})` : undefined;

/** `pageOf` for a list ordered by (day, moment, id): the next page's cursor also carries the day. */
export function dayPageOf<T extends { id: string; cursorAt: string; day: string }>(rows: T[], limit: number): { rows: T[]; older: DayKeysetCursor | null } {
	const { rows: shown, older } = pageOf(rows, limit);
	const last = shown.at(-1);
	return { rows: shown, older: older && last ? { day: last.day, ...older } : null };
}
