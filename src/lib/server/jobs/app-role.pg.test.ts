import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { openDatabase, type Database, type DatabaseHandle } from '../db';
import { grantAppRole } from '../db/app-role';
import { drainJobs, enqueue, startJobs, stopJobs } from '.';

// Runs only with TEST_DATABASE_URL (vite.config.ts): a login role needs a PostgreSQL server.

/** Production's setup: the queue runs as the app's own role, which may change rows but not tables. */
describe(`jobs as the app's least-privilege role (${databaseKind})`, () => {
	const database = useTestDatabase();
	let owner: Database;
	let app: DatabaseHandle;
	let appUrl: string;
	let ownerUrl: string;
	const role = `herstelpad_jobs_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const rows = async <T>(db: Database, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

	beforeAll(async () => {
		owner = database();
		await owner.execute(sql`create role ${sql.identifier(role)} login nosuperuser nocreatedb nocreaterole nobypassrls`);
		await grantAppRole(owner, role);
		const [{ name }] = await rows<{ name: string }>(owner, sql`select current_database() as name`);
		const url = new URL(process.env.TEST_DATABASE_URL!);
		url.username = role;
		url.pathname = `/${name}`;
		appUrl = url.href;
		const ownerAddress = new URL(process.env.TEST_DATABASE_URL!);
		ownerAddress.pathname = `/${name}`;
		ownerUrl = ownerAddress.href;
		app = await openDatabase({ kind: 'postgres', url: appUrl });
	});

	afterAll(async () => {
		await stopJobs();
		await app?.close();
		await owner.execute(sql`drop owned by ${sql.identifier(role)}`);
		await owner.execute(sql`drop role ${sql.identifier(role)}`);
	});

	it('creates its queues, schedules, queues and works jobs', async () => {
		await startJobs(app);
		const queues = await rows<{ name: string }>(owner, sql`select name from pgboss.queue order by name`);
		expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(['housekeeping', 'mail.invitation', 'mail.password-reset']));
		await enqueue('housekeeping', {});
		await drainJobs();
		expect(await rows(owner, sql`select state::text from pgboss.job where name = 'housekeeping'`)).toEqual([{ state: 'completed' }]);
	});

	it('may not change pg-boss’s tables nor drop a queue', async () => {
		await expect(app.db.execute(sql`drop table pgboss.archive`)).rejects.toThrow();
		await expect(app.db.execute(sql`select pgboss.delete_queue('housekeeping')`)).rejects.toThrow();
		await expect(app.db.execute(sql`create table pgboss.intruder (id int)`)).rejects.toThrow();
	});

	it('is granted again when the owner migrates at start-up (an install from before 0029), and says what to do when not', async () => {
		await stopJobs();
		// As granted before migration 0029 made the pgboss schema.
		await owner.execute(sql`revoke all on all tables in schema pgboss from ${sql.identifier(role)}`);
		await owner.execute(sql`revoke usage on schema pgboss from ${sql.identifier(role)}`);
		await expect(startJobs(app)).rejects.toThrow(/grant-app-role/);
		const upgraded = await openDatabase({ kind: 'postgres', url: appUrl, migrationUrl: ownerUrl });
		try {
			await startJobs(upgraded);
			await enqueue('housekeeping', {});
			await drainJobs();
		} finally {
			await stopJobs();
			await upgraded.close();
		}
		expect(await rows(owner, sql`select state::text from pgboss.job where name = 'housekeeping'`)).toEqual([{ state: 'completed' }, { state: 'completed' }]);
	});
});
