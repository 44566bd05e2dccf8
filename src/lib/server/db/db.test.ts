import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, databaseKind } from '../../../../tests/setup/test-db';
import type { DatabaseHandle } from '.';
import { migrationsFolder } from '.';

describe(`database (${databaseKind})`, () => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await createTestDatabase();
	});
	afterAll(() => handle.close());

	it('applies every migration on open', async () => {
		const result = await handle.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
		const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
		expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'consent_events', 'step_progress', 'rate_limits']));
	});

	it('finds the migrations folder beside package.json', () => {
		expect(migrationsFolder()).toMatch(/\/drizzle$/);
	});
});
