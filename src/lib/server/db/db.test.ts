import { afterAll, describe, expect, it } from 'vitest';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { createTestDatabase, databaseKind } from '../../../../tests/setup/test-db';
import { migrationsFolder, schema, type DatabaseHandle } from '.';

describe(`database (${databaseKind})`, () => {
	const handles: DatabaseHandle[] = [];
	afterAll(() => Promise.all(handles.map((h) => h.close())));

	it('applies every migration to a new database on open: every table of the schema exists', async () => {
		// From scratch, as the app opens its own (the other tests start from a migrated template).
		const handle = await createTestDatabase({ fromScratch: true });
		handles.push(handle);
		const result = await handle.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
		const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
		const expected = Object.values(schema)
			.filter((value) => is(value, PgTable))
			.map((table) => getTableName(table as PgTable));
		expect(expected.length).toBeGreaterThan(40);
		expect(expected.filter((name) => !tables.includes(name))).toEqual([]);
	}, 60_000);

	it('finds the migrations folder beside package.json', () => {
		expect(migrationsFolder()).toMatch(/\/drizzle$/);
	});
});
