import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrationsFolder, openDatabase, type DatabaseHandle } from '.';

// Runs only with TEST_DATABASE_URL (vite.config.ts): several processes share a PostgreSQL server.

/** Several app processes (scripts/cluster.js) or servers starting at once on a database that needs migrating. */
describe('processes starting together on a new database', () => {
	const serverUrl = process.env.TEST_DATABASE_URL!;
	const name = `herstelpad_test_migrate_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const handles: DatabaseHandle[] = [];

	afterAll(async () => {
		await Promise.all(handles.map((h) => h.close()));
		const admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		await admin.query(`drop database if exists "${name}" with (force)`);
		await admin.end();
	});

	it('apply each migration once: the others wait for the first and find nothing left to do', async () => {
		const admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		await admin.query(`create database "${name}"`);
		await admin.end();
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;

		// Three at once, as `WEB_CONCURRENCY=3` would if its workers did not start one after another.
		const opened = await Promise.allSettled([1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: url.href })));
		for (const result of opened) if (result.status === 'fulfilled') handles.push(result.value);
		expect(opened.map((r) => (r.status === 'rejected' ? String(r.reason) : 'opened'))).toEqual(['opened', 'opened', 'opened']);

		const check = new pg.Client({ connectionString: url.href });
		await check.connect();
		const { rows } = await check.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
		await check.end();
		expect(rows[0].n).toBe(readMigrationFiles({ migrationsFolder: migrationsFolder() }).length);
	}, 120_000);

	it('survive the server ending an idle connection: the process goes on and the next query gets a new one', async () => {
		const { db } = handles[0];
		const pidOf = async () => ((await db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] }).rows[0].pid;
		const before = await pidOf();
		const admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		await admin.query('select pg_terminate_backend($1)', [before]);
		await admin.end();
		// Time for the idle connection to hear of it (without a listener on the pool, an uncaught error).
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(await pidOf()).not.toBe(before);
	});
});
