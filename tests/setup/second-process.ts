import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle } from '../../src/lib/server/db';

/** On PostgreSQL (TEST_DATABASE_URL), the URL of the test database `db` works on, for another pool or process. */
export async function testDatabaseUrl(db: Database): Promise<string> {
	const result = (await db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
	const url = new URL(process.env.TEST_DATABASE_URL!);
	url.pathname = `/${result.rows[0].name}`;
	return url.href;
}

/**
 * What a second app process would use: on PostgreSQL (TEST_DATABASE_URL), a separate pool on the
 * same test database; on PGlite, which one process alone may open, the same handle.
 */
export async function openSecondProcess(db: Database): Promise<{ db: Database; close: () => Promise<void> }> {
	if (!process.env.TEST_DATABASE_URL) return { db, close: async () => {} };
	const handle: DatabaseHandle = await openDatabase({ kind: 'postgres', url: await testDatabaseUrl(db) });
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
