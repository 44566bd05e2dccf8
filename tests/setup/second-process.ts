import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
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

/**
 * Beside `useTestDatabase()` in a describe: a second app process's handle on the same database,
 * opened after the database and closed after the file's tests. Returns the way to reach it.
 */
export function useSecondProcess(database: () => Database): () => Database {
	let second: Awaited<ReturnType<typeof openSecondProcess>> | undefined;
	beforeAll(async () => {
		second = await openSecondProcess(database());
	});
	afterAll(async () => {
		await second?.close();
	});
	return () => {
		if (!second) throw new Error('the second process opens in beforeAll; use it from a hook or a test');
		return second.db;
	};
}
