import { sql, type AnyColumn } from 'drizzle-orm';

/**
 * The first `length` characters of a text column, cut in the database: a list shows a glimpse of
 * each text, and reading the whole of every one only to cut it in the app would make the list's
 * cost grow with how much people wrote. Counts characters, so it never splits one in two.
 */
export const excerptOf = (column: AnyColumn, length: number) => sql<string>`left(${column}, ${sql.raw(String(Math.trunc(length)))})`;
