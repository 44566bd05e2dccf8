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

	/** With `noSort`, sorting is discouraged as well: the plan then reads an index in order if one can serve it. */
	async function plan(query: string, { noSort = false } = {}): Promise<string> {
		return db.transaction(async (tx) => {
			await tx.execute(sql`set local enable_seqscan = off`);
			if (noSort) await tx.execute(sql`set local enable_sort = off`);
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

	it('reads the newest hour notes and trigger signals off their indexes, without a sort', async () => {
		for (const [query, index] of [
			[`select id from hour_notes where owner_id = 'u' order by created_at desc limit 50`, 'hour_notes_owner_idx'],
			[`select id from hour_notes where shared_couple_id = 'c' and owner_id = 'p' order by created_at desc limit 50`, 'hour_notes_shared_idx'],
			[`select id from trigger_signals where couple_id = 'c' and owner_id = 'u' order by created_at desc limit 1`, 'trigger_signals_couple_idx']
		]) {
			// These tables are empty here, where sorting two rows costs nothing; what matters is that the index could give the order.
			const found = await plan(query, { noSort: true });
			expect(found, query).toMatch(new RegExp(index));
			expect(found, query).not.toMatch(/Sort/);
		}
	});

	it('writes every newest-first index in the order `ORDER BY … DESC` asks for (nulls first)', async () => {
		// Drizzle writes `.desc()` alone as `DESC NULLS LAST`, which `ORDER BY x DESC` (nulls first)
		// cannot read in order: the database sorts instead, however small the page. PostgreSQL shows
		// `DESC NULLS FIRST`, its default for `DESC`, as plain `DESC`.
		const result = (await db.execute(sql`select indexname, indexdef from pg_indexes where schemaname = 'public'`)) as unknown as { rows: { indexname: string; indexdef: string }[] };
		expect(result.rows.filter((r) => / DESC/.test(r.indexdef)).length).toBeGreaterThan(10);
		const nullsLast = result.rows.filter((r) => / DESC NULLS LAST/.test(r.indexdef)).map((r) => r.indexname);
		expect(nullsLast).toEqual([]);
	});

	it('finds a couple’s letters by index when the couple ends', async () => {
		expect(await plan(`update letters set withdrawn_at = now() where couple_id = 'c' and withdrawn_at is null`)).toMatch(/letters_couple_idx/);
	});
});
