import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { grantAppRole } from '../db/app-role';
import { checkIns, commitmentComments, commitmentEvents, commitments, coupleMembers, couples, users, wishes } from '../db/schema';
import { markNoticed, recentCheckIns } from './check-ins';
import { listPartnerWishes } from './wishes';
import { exportDeeds } from './export';

/**
 * The second wall for the deeds tables (drizzle/0010_deeds_rls.sql): as the app role, with an
 * actor set, PostgreSQL itself returns only the actor's own rows and what their current partner
 * shared, and refuses writes to anyone else's. Same approach as db/rls.test.ts.
 */
describe(`row-level security for deeds (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const role = `herstelpad_deeds_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const ids = { ann: 'u-ann', bo: 'u-bo', cas: 'u-cas', dee: 'u-dee' };

	async function asApp<T>(actor: string | null, work: (tx: Database) => Promise<T>): Promise<T> {
		return db.transaction(async (tx) => {
			await tx.execute(sql`select set_config('app.user_id', ${actor ?? ''}, true), set_config('app.system', 'off', true)`);
			await tx.execute(sql`set local role ${sql.identifier(role)}`);
			return work(tx as unknown as Database);
		});
	}
	const rows = async (tx: Database, query: string) => ((await tx.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;
	const idsOf = async (tx: Database, query: string) => (await rows(tx, query)).map((r) => Object.values(r)[0]);

	beforeAll(async () => {
		db = database();
		await db.execute(sql`create role ${sql.identifier(role)} login nosuperuser nocreatedb nocreaterole nobypassrls`);
		await grantAppRole(db, role);
		await db.insert(users).values(Object.values(ids).map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
		await db.insert(couples).values([{ id: 'c1' }, { id: 'c2' }, { id: 'c-old' }]);
		await db.insert(coupleMembers).values([
			{ coupleId: 'c1', userId: ids.ann },
			{ coupleId: 'c1', userId: ids.bo },
			{ coupleId: 'c2', userId: ids.cas },
			{ coupleId: 'c2', userId: ids.dee }
		]);
		await db.insert(wishes).values([
			{ id: 'w-bo-private', ownerId: ids.bo, size: 'everyday', body: 'bo private' },
			{ id: 'w-bo-shared', ownerId: ids.bo, size: 'everyday', body: 'bo shared', sharedCoupleId: 'c1' },
			{ id: 'w-bo-old', ownerId: ids.bo, size: 'everyday', body: 'for an earlier couple', sharedCoupleId: 'c-old' },
			{ id: 'w-dee-shared', ownerId: ids.dee, size: 'bigger', body: 'dee shared', sharedCoupleId: 'c2' }
		]);
		const base = { why: '', rhythm: 'daily' as const, startsOn: '2026-11-01' };
		await db.insert(commitments).values([
			{ id: 'c-ann-private', ownerId: ids.ann, title: 'ann private', ...base },
			{ id: 'c-ann-shared', ownerId: ids.ann, title: 'ann shared', sharedCoupleId: 'c1', ...base },
			{ id: 'c-cas-shared', ownerId: ids.cas, title: 'cas shared', sharedCoupleId: 'c2', ...base }
		]);
		const event = { kind: 'created' as const, fromDay: '2026-11-01', title: 't', why: '', rhythm: 'daily' as const, weekdays: [], status: 'active' as const };
		await db.insert(commitmentEvents).values([
			{ commitmentId: 'c-ann-private', ...event },
			{ commitmentId: 'c-ann-shared', ...event },
			{ commitmentId: 'c-cas-shared', ...event }
		]);
		await db.insert(checkIns).values([
			{ commitmentId: 'c-ann-private', ownerId: ids.ann, day: '2026-11-02', outcome: 'kept' },
			{ commitmentId: 'c-ann-shared', ownerId: ids.ann, day: '2026-11-02', outcome: 'kept' },
			{ commitmentId: 'c-cas-shared', ownerId: ids.cas, day: '2026-11-02', outcome: 'kept' }
		]);
		await db.insert(commitmentComments).values([
			{ id: 'm-bo', commitmentId: 'c-ann-shared', authorId: ids.bo, body: 'bo on ann' },
			{ id: 'm-dee', commitmentId: 'c-cas-shared', authorId: ids.dee, body: 'dee on cas' }
		]);
	});

	afterAll(async () => {
		await db.execute(sql`drop owned by ${sql.identifier(role)}`);
		await db.execute(sql`drop role ${sql.identifier(role)}`);
	});

	it('lets a query without a where see only the actor’s own deeds and what the current partner shared', async () => {
		const seen = (who: string) =>
			asApp(who, async (tx) => ({
				wishes: await idsOf(tx, 'select id from wishes order by id'),
				commitments: await idsOf(tx, 'select id from commitments order by id'),
				events: await idsOf(tx, 'select commitment_id from commitment_events order by commitment_id'),
				checkIns: await idsOf(tx, 'select commitment_id from check_ins order by commitment_id'),
				comments: await idsOf(tx, 'select id from commitment_comments order by id')
			}));
		expect(await seen(ids.ann)).toEqual({
			wishes: ['w-bo-shared'],
			commitments: ['c-ann-private', 'c-ann-shared'],
			events: ['c-ann-private', 'c-ann-shared'],
			checkIns: ['c-ann-private', 'c-ann-shared'],
			comments: ['m-bo']
		});
		expect(await seen(ids.bo)).toEqual({
			wishes: ['w-bo-old', 'w-bo-private', 'w-bo-shared'],
			commitments: ['c-ann-shared'],
			events: ['c-ann-shared'],
			checkIns: ['c-ann-shared'],
			comments: ['m-bo']
		});
		await asApp(null, async (tx) => {
			for (const table of ['wishes', 'commitments', 'commitment_events', 'check_ins', 'commitment_comments']) expect(await rows(tx, `select * from ${table}`), table).toEqual([]);
		});
	});

	it('lets no write reach another couple’s deeds, and the partner only answer and notice', async () => {
		await asApp(ids.cas, async (tx) => {
			await tx.execute(sql`update wishes set body = 'overwritten'`);
			await tx.execute(sql`update commitments set title = 'overwritten'`);
			await tx.execute(sql`update check_ins set noticed = 'noticed'`);
			await tx.execute(sql`delete from commitment_comments`);
		});
		// Row security is per row (decision 006): the partner's "answer" policy lets Cas's statement reach
		// the wish Dee shared with their own couple, where the service is the wall; never another couple's.
		expect(await db.$count(wishes, sql`body = 'overwritten' and shared_couple_id is distinct from 'c2'`)).toBe(0);
		expect(await db.$count(commitments, sql`title = 'overwritten' and owner_id <> ${ids.cas}`)).toBe(0);
		expect(await db.$count(checkIns, sql`noticed is not null and owner_id <> ${ids.cas}`)).toBe(0);
		expect(await db.$count(commitmentComments)).toBe(2);
		// Bo may not change Ann's commitment, only mark her shared check-in as noticed.
		await asApp(ids.bo, (tx) => tx.execute(sql`update commitments set title = 'overwritten'`));
		expect(await db.$count(commitments, sql`title = 'overwritten' and owner_id not in (${ids.cas}, ${ids.bo})`)).toBe(0);
		const bo = { userId: ids.bo, coupleId: 'c1' };
		await asApp(ids.bo, (tx) => markNoticed(tx, bo, 'c-ann-shared', '2026-11-02', 'noticed'));
		expect((await asApp(ids.bo, (tx) => recentCheckIns(tx, bo, 'c-ann-shared')))[0].noticed).toBe('noticed');
		await expect(asApp(ids.bo, (tx) => recentCheckIns(tx, bo, 'c-ann-private'))).rejects.toThrow('not_found');
		expect((await asApp(ids.ann, (tx) => listPartnerWishes(tx, { userId: ids.ann, coupleId: 'c1' }))).map((w) => w.body)).toEqual(['bo shared']);
		const exported = await asApp(ids.ann, (tx) => exportDeeds(tx, ids.ann));
		expect(exported.commitments.map((c) => c.title).sort()).toEqual(['ann private', 'ann shared']);
	});
});
