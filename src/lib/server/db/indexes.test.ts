import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '.';

/**
 * Queries that read or change one couple's rows must be able to use an index, or they read every
 * couple's rows (measured: 221 ms and ~500 MB a request at 10,000 couples). A small test database
 * would choose a sequential scan anyway, so the plan is asked with sequential scans discouraged:
 * what matters is that an index exists that can serve the query.
 */
describe(`indexes for one couple's rows (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	beforeAll(() => {
		db = database();
	});

	async function plan(query: string): Promise<string> {
		return db.transaction(async (tx) => {
			await tx.execute(sql`set local enable_seqscan = off`);
			const result = (await tx.execute(sql.raw(`explain ${query}`))) as unknown as { rows: Record<string, string>[] };
			return result.rows.map((row) => Object.values(row)[0]).join('\n');
		});
	}

	it('serves "shared with me" from an index, newest first', async () => {
		expect(await plan(`select id from reflections where shared_couple_id = 'c' order by updated_at desc`)).toMatch(/reflections_shared_idx/);
	});

	it('reads a page of /triggers from an index in its order, starting at the cursor, without sorting the whole history', async () => {
		const after = `(occurred_at, id) < ('2026-11-20T10:00:00.123456Z'::timestamptz, 'x')`;
		const own = await plan(`select id from trigger_entries where owner_id = 'u' and ${after} order by occurred_at desc, id desc limit 21`);
		expect(own).toMatch(/trigger_entries_owner_idx/);
		expect(own).not.toMatch(/Sort/);
		const shared = await plan(`select id from trigger_entries where shared_couple_id = 'c' and owner_id <> 'u' and ${after} order by occurred_at desc, id desc limit 21`);
		expect(shared).toMatch(/trigger_entries_shared_idx/);
		expect(shared).not.toMatch(/Sort/);
	});

	it('finds a couple’s letters by index when the couple ends', async () => {
		expect(await plan(`update letters set withdrawn_at = now() where couple_id = 'c' and withdrawn_at is null`)).toMatch(/letters_couple_idx/);
	});
});
