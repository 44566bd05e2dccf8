import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle } from '../../src/lib/server/db';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by TEST_DATABASE_URL (dropped again afterwards).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) return openDatabase({ kind: 'pglite' });
	const name = `herstelpad_test_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE "${name}"`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = await openDatabase({ kind: 'postgres', url: url.href });
	return {
		...handle,
		async close() {
			await handle.close();
			const cleanup = new pg.Client({ connectionString: serverUrl });
			await cleanup.connect();
			await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			await cleanup.end();
		}
	};
}

export const databaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * One fresh database for the test file that calls this (in its `describe`): opened before the
 * file's own `beforeAll` hooks run, closed after its tests. Returns the way to reach it.
 */
export function useTestDatabase(): () => Database {
	let handle: DatabaseHandle | undefined;
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(async () => {
		await handle?.close();
	});
	return () => {
		if (!handle) throw new Error('the test database is opened in beforeAll; use it from a hook or a test');
		return handle.db;
	};
}
