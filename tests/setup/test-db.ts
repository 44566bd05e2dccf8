import pg from 'pg';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase, getDb, initDatabase, openDatabase, type Database, type DatabaseHandle } from '../../src/lib/server/db';
import { startJobs, stopJobs, type StartJobsOptions } from '../../src/lib/server/jobs';

let template: Blob | undefined;

/** A new in-memory PGlite database, started from the run's migrated dump (pglite-template.ts). */
function pgliteConfig() {
	template ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
	return { kind: 'pglite' as const, from: template };
}

/** A new, empty database on the TEST_DATABASE_URL server, and the way to drop it again. */
async function createServerDatabase(serverUrl: string) {
	const name = `herstelpad_test_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE "${name}"`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		url: url.href,
		async drop() {
			const cleanup = new pg.Client({ connectionString: serverUrl });
			await cleanup.connect();
			// A closed pool's last connections may still be saying goodbye; forcing the drop then
			// kills them, and their "terminating connection" arrives as an uncaught error.
			for (let i = 0; i < 100; i++) {
				const { rows } = await cleanup.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
				if (rows[0].n === 0) break;
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			await cleanup.end();
		}
	};
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server named by TEST_DATABASE_URL (dropped again afterwards).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) return openDatabase(pgliteConfig());
	const database = await createServerDatabase(serverUrl);
	const handle = await openDatabase({ kind: 'postgres', url: database.url });
	return {
		...handle,
		async close() {
			await handle.close();
			await database.drop();
		}
	};
}

/**
 * For tests that call route code: a fresh database opened as the app's own one (`initDatabase`,
 * so `getDb()` answers with it), closed and dropped after the file's tests. With `jobs`, the job
 * queue runs on it as in the app (`startJobs`; wait for it with `drainJobs()`), stopped first.
 */
export function useAppDatabase(options: { jobs?: boolean | StartJobsOptions } = {}): () => Database {
	let drop: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		const serverUrl = process.env.TEST_DATABASE_URL;
		let handle: DatabaseHandle;
		if (!serverUrl) {
			handle = await initDatabase(pgliteConfig());
		} else {
			const database = await createServerDatabase(serverUrl);
			drop = database.drop;
			handle = await initDatabase({ kind: 'postgres', url: database.url });
		}
		if (options.jobs) await startJobs(handle, options.jobs === true ? {} : options.jobs);
	});
	afterAll(async () => {
		await stopJobs();
		await closeDatabase();
		await drop?.();
	});
	return getDb;
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
