import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { migrationsFolder } from '.';

describe(`database (${databaseKind})`, () => {
	const database = useTestDatabase();

	it('applies every migration on open', async () => {
		const result = await database().execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
		const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
		expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'consent_events', 'step_progress', 'rate_limits']));
	});

	it('finds the migrations folder beside package.json', () => {
		expect(migrationsFolder()).toMatch(/\/drizzle$/);
	});
});
