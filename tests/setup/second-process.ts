import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type DatabaseHandle } from '../../src/lib/server/db';

/**
 * What a second app process would use: on PostgreSQL (TEST_DATABASE_URL), a separate pool on the
 * same test database; on PGlite, which one process alone may open, the same handle.
 */
export async function openSecondProcess(db: Database): Promise<{ db: Database; close: () => Promise<void> }> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) return { db, close: async () => {} };
	const result = (await db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
	const url = new URL(serverUrl);
	url.pathname = `/${result.rows[0].name}`;
	const handle: DatabaseHandle = await openDatabase({ kind: 'postgres', url: url.href });
	return { db: handle.db, close: handle.close };
}
