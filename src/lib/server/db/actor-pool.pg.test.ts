import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, ne, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { openDatabase, type Database, type DatabaseHandle } from '.';
import { grantAppRole } from './app-role';
import { runAsActor, runOnAnyConnection } from './actor-context';
import { ActorPool } from './actor-pool';
import { NamingClient } from './named-statements';
import * as schema from './schema';
import { letters, needs, paceStatus, reflections, securityEvents, users } from './schema';
import { signUp } from '../auth/accounts';
import { createSession, validateSession } from '../auth/sessions';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf, leaveCouple } from '../couple/membership';
import { createReflection, getReflection, listSharedWithMe, shareReflection } from '../reflections/reflections';
import { openLetter, sendLetter } from '../couple/letters';
import { addNeed, getPartnerPace, setPaceStatus } from '../couple/pace';
import { exportUserData } from '../privacy/export';
import { deleteAccount } from '../users/users';
import type { Actor } from '../access/policy';

const serverUrl = process.env.TEST_DATABASE_URL;
/** The first row of a raw query, typed by the caller. */
const first = async <T>(query: Promise<unknown>) => ((await query) as { rows: T[] }).rows[0];

// Runs only with TEST_DATABASE_URL (vite.config.ts): a login role needs a PostgreSQL server; PGlite has one user.

/** The production setup end to end: the app connected as its own login role, through its pool. */
describe(`the app connected as a non-owner role (${databaseKind})`, () => {
	const database = useTestDatabase();
	let owner: Database;
	let app: DatabaseHandle;
	let appUrl: URL;
	const role = `herstelpad_app_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const people: Record<'ann' | 'bo' | 'cas', string> = { ann: '', bo: '', cas: '' };
	const actorOf = async (userId: string): Promise<Actor> => ({ userId, coupleId: await coupleIdOf(app.db, userId) });
	const as = <T>(userId: string, work: () => Promise<T>) => runAsActor(userId, work);

	beforeAll(async () => {
		owner = database();
		await owner.execute(sql`create role ${sql.identifier(role)} login nosuperuser nocreatedb nocreaterole nobypassrls`);
		await grantAppRole(owner, role);
		const { name } = await first<{ name: string }>(owner.execute(sql`select current_database() as name`));
		appUrl = new URL(serverUrl!);
		appUrl.username = role;
		appUrl.pathname = `/${name}`;
		// Migrations are applied (by the owner), so the app role opens without trying to migrate.
		app = await openDatabase({ kind: 'postgres', url: appUrl.href });
		for (const name of Object.keys(people) as (keyof typeof people)[]) {
			// Sign-up happens before anyone is signed in: the tables it needs stay reachable.
			people[name] = (await signUp(app.db, { email: `${name}@example.org`, password: 'long enough pass', displayName: name, locale: 'nl' })).userId;
		}
	});

	afterAll(async () => {
		await app?.close();
		await owner.execute(sql`drop owned by ${sql.identifier(role)}`);
		await owner.execute(sql`drop role ${sql.identifier(role)}`);
	});

	it('may not change the schema', async () => {
		await expect(app.db.execute(sql`create table intruder (id int)`)).rejects.toThrow();
		await expect(app.db.execute(sql`drop table reflections`)).rejects.toThrow();
		const { can } = await first<{ can: boolean }>(owner.execute(sql`select has_schema_privilege(${role}, 'public', 'CREATE') as can`));
		expect(can).toBe(false);
	});

	it('works through the services with the actor set, including the steps that cross users', async () => {
		const { ann, bo } = people;
		await as(ann, async () => addNeed(app.db, await actorOf(ann), 'written while solo'));
		const invitation = await as(ann, () => createInvitation(app.db, ann));
		await as(bo, () => acceptInvitation(app.db, bo, invitation.token));
		// Joining bound ann's solo need to the couple, although bo was the one acting.
		expect((await owner.select({ coupleId: needs.coupleId }).from(needs).where(eq(needs.ownerId, ann)))[0].coupleId).toBe(await coupleIdOf(owner, ann));

		const annActor = await actorOf(ann);
		const boActor = await actorOf(bo);
		const { id } = await as(ann, () => createReflection(app.db, annActor, { prompt: 'why-it-happened', body: 'shared in the couple' }));
		await as(ann, () => shareReflection(app.db, annActor, id));
		expect((await as(bo, () => getReflection(app.db, boActor, id))).body).toBe('shared in the couple');
		expect((await as(bo, () => listSharedWithMe(app.db, boActor))).map((r) => r.id)).toEqual([id]);
		const letter = await as(ann, () => sendLetter(app.db, annActor, { kind: 'letter', body: 'a letter' }));
		expect((await as(bo, () => openLetter(app.db, boActor, letter.id))).body).toBe('a letter');
		await as(bo, () => setPaceStatus(app.db, boActor, { status: 'ready-to-read', note: null }));
		expect((await as(ann, () => getPartnerPace(app.db, annActor)))?.status?.status).toBe('ready-to-read');
		// The wall holds for someone else, and for nobody at all.
		expect(await as(people.cas, () => app.db.select().from(reflections))).toEqual([]);
		expect(await app.db.select().from(reflections)).toEqual([]);

		// Leaving withdraws bo's side too (bo's letters, bo's status), though ann is the one acting.
		const boShared = await as(bo, () => createReflection(app.db, boActor, { prompt: 'why-it-happened', body: 'bo shares' }));
		await as(bo, () => shareReflection(app.db, boActor, boShared.id));
		await as(ann, () => leaveCouple(app.db, ann));
		expect((await owner.select({ shared: reflections.sharedCoupleId }).from(reflections).where(eq(reflections.id, boShared.id)))[0].shared).toBeNull();
		expect(await owner.$count(letters, sql`withdrawn_at is null`)).toBe(0);
		expect(await owner.$count(paceStatus)).toBe(0);
	});

	it('gives every checkout the current actor, so no connection keeps a previous one', async () => {
		const { ann, bo, cas } = people;
		const setting = async (db: Database = app.db) => (await first<{ actor: string }>(db.execute(sql`select current_setting('app.user_id', true) as actor`))).actor;
		// One after the other, these reuse the same idle connection.
		expect(await as(ann, () => setting())).toBe(ann);
		expect(await setting()).toBe('');
		expect(await as(bo, () => setting())).toBe(bo);
		expect(await as(bo, () => app.db.transaction((tx) => setting(tx as unknown as Database)))).toBe(bo);
		expect(await setting()).toBe('');
		// At the same time, on several connections, each sees only their own.
		const owners = (userId: string) => as(userId, async () => [...new Set((await app.db.select({ ownerId: reflections.ownerId }).from(reflections)).map((r) => r.ownerId))]);
		for (let round = 0; round < 5; round++) {
			const seen = await Promise.all([ann, bo, cas, ann, bo].map(owners));
			expect(seen).toEqual([[ann], [bo], [], [ann], [bo]]);
		}
	});

	it('hands a connection that already carries the actor back to them, so switching people costs no extra round trip', async () => {
		const { ann, bo } = people;
		const query = (userId: string) => as(userId, () => app.db.select({ id: users.id }).from(users).where(eq(users.id, userId)));
		// Two connections, one told it is Ann, the other Bo (both in use at once).
		await Promise.all([query(ann), query(bo)]);
		const settings = await countingSettings(async () => {
			// One after the other, taking turns: the pool would hand back the connection used last.
			for (let i = 0; i < 6; i++) expect(await query(i % 2 ? bo : ann)).toEqual([{ id: i % 2 ? bo : ann }]);
		});
		expect(settings).toBe(0);
	});

	/** Runs `work`, counting the set_config round trips the pool makes meanwhile. */
	async function countingSettings(work: () => Promise<void>): Promise<number> {
		const original = pg.Client.prototype.query;
		let settings = 0;
		pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
			const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
			if (text?.startsWith("select set_config('app.user_id'")) settings++;
			return (original as (...a: unknown[]) => unknown).apply(this, args);
		} as typeof original;
		try {
			await work();
		} finally {
			pg.Client.prototype.query = original;
		}
		return settings;
	}

	/** A pool of one connection, and a query that records, once answered, that it ran as its own person. */
	function oneConnection() {
		const pool = new ActorPool({ connectionString: appUrl.href, max: 1 });
		const done: string[] = [];
		const ask = (userId: string, name: string, seconds = 0) =>
			as(userId, async () => {
				const actor = (await pool.query<{ actor: string }>("select pg_sleep($1), current_setting('app.user_id', true) as actor", [seconds])).rows[0].actor;
				expect(actor, name).toBe(userId);
				done.push(name);
			});
		return { pool, done, ask };
	}

	it('under load, gives a connection that comes free to a waiting query of the person it already carries', async () => {
		const { ann, bo } = people;
		const { pool, done, ask } = oneConnection();
		try {
			await ask(ann, 'warm');
			// The connection carries Ann and is busy; Bo and Ann wait, taking turns, Bo first. In the
			// order they came, the connection would change hands four times.
			const settings = await countingSettings(async () => {
				await Promise.all([ask(ann, 'busy', 0.1), ask(bo, 'bo1'), ask(ann, 'ann1'), ask(bo, 'bo2'), ask(ann, 'ann2')]);
			});
			expect(done).toEqual(['warm', 'busy', 'ann1', 'ann2', 'bo1', 'bo2']);
			expect(settings).toBe(1);
		} finally {
			await pool.end();
		}
	});

	it('lets a waiting query be passed over a few times at most', async () => {
		const { ann, bo } = people;
		const { pool, done, ask } = oneConnection();
		try {
			await ask(ann, 'warm');
			// Bo waits first, then Ann's queries keep coming in behind: after four of them, Bo's turn.
			const settings = await countingSettings(async () => {
				await Promise.all([ask(ann, 'busy', 0.1), ask(bo, 'bo'), ...Array.from({ length: 6 }, (_, i) => ask(ann, `ann${i + 1}`))]);
			});
			expect(done).toEqual(['warm', 'busy', 'ann1', 'ann2', 'ann3', 'ann4', 'bo', 'ann5', 'ann6']);
			expect(settings).toBe(2);
		} finally {
			await pool.end();
		}
	});

	it('takes a connection as it comes for work on unprotected tables: no set_config, and it keeps the person it carries', async () => {
		const { ann } = people;
		const { pool, ask } = oneConnection();
		try {
			await ask(ann, 'warm');
			let actor: string | null = null;
			const settings = await countingSettings(async () => {
				actor = await runOnAnyConnection(async () => (await pool.query<{ actor: string }>("select current_setting('app.user_id', true) as actor")).rows[0].actor);
				// Ann's next query finds her connection as she left it.
				await ask(ann, 'after');
			});
			expect(actor).toBe(ann);
			expect(settings).toBe(0);
		} finally {
			await pool.end();
		}
	});

	it('looks a session up without telling the connection who is acting, and without changing whom it carries', async () => {
		const { bo } = people;
		const { token } = await createSession(app.db, bo);
		// A pool of its own, whose one open connection carries Bo; the look-up (on tables without row
		// security) would otherwise tell it "nobody" first, and Bo's page would tell it Bo again.
		const own = await openDatabase({ kind: 'postgres', url: appUrl.href });
		try {
			const setting = async () => (await first<{ actor: string }>(own.db.execute(sql`select current_setting('app.user_id', true) as actor`))).actor;
			expect(await as(bo, setting)).toBe(bo);
			const settings = await countingSettings(async () => {
				expect((await validateSession(own.db, token))?.user.id).toBe(bo);
				expect(await as(bo, setting)).toBe(bo);
			});
			expect(settings).toBe(0);
		} finally {
			await own.close();
		}
	});

	/** A pool of `max` connections that counts its checkouts, and a query saying which connection ran it, for whom. */
	function countingPool(max: number) {
		const pool = new ActorPool({ connectionString: appUrl.href, max });
		const counted = { checkouts: 0 };
		pool.on('acquire', () => counted.checkouts++);
		const which = async () => (await pool.query<{ pid: number; actor: string }>("select pg_backend_pid() as pid, current_setting('app.user_id', true) as actor")).rows[0];
		return { pool, counted, which };
	}
	const turn = () => new Promise((resolve) => setImmediate(resolve));
	/** Ends a connection from the server's side, as a restart or a failover would. */
	const end = (pid: number) => owner.execute(sql`select pg_terminate_backend(${pid})`);

	it('keeps one connection, told once, for queries of the same work that follow each other, and gives it back when the work moves on', async () => {
		const { ann, bo } = people;
		const { pool, counted, which } = countingPool(2);
		try {
			// Both connections open, the last one used told it is Bo.
			await Promise.all([as(ann, which), as(bo, which)]);
			await as(bo, which);
			counted.checkouts = 0;
			let seen: { pid: number; actor: string }[] = [];
			const settings = await countingSettings(async () => {
				seen = await as(ann, async () => {
					const rows = [];
					for (let i = 0; i < 5; i++) rows.push(await which());
					return rows;
				});
			});
			expect(seen.map((r) => r.actor)).toEqual(Array(5).fill(ann));
			expect(new Set(seen.map((r) => r.pid)).size).toBe(1);
			expect(counted.checkouts).toBe(1);
			expect(settings).toBeLessThanOrEqual(1);
			await turn();
			expect(pool.idleCount).toBe(pool.totalCount);
		} finally {
			await pool.end();
		}
	});

	it('lets queries asked at once wait their turn on that connection, each answered for its own person', async () => {
		const { ann, bo, cas } = people;
		const { pool, counted, which } = countingPool(3);
		try {
			const work = (userId: string) => as(userId, () => Promise.all(Array.from({ length: 4 }, which)));
			const [a, b, c] = await Promise.all([work(ann), work(bo), work(cas)]);
			for (const [rows, userId] of [[a, ann], [b, bo], [c, cas]] as const) {
				expect(rows.map((r) => r.actor)).toEqual(Array(4).fill(userId));
				expect(new Set(rows.map((r) => r.pid)).size).toBe(1);
			}
			expect(counted.checkouts).toBe(3);
		} finally {
			await pool.end();
		}
	});

	it('with one connection, hands it over between a piece of work\'s queries and a transaction it opens, and to the next person', async () => {
		const { ann, bo } = people;
		const { pool, which } = countingPool(1);
		try {
			const inTransaction = await as(ann, async () => {
				await which();
				// A transaction checks a connection out itself, as Drizzle's do: the only one is the one
				// the queries above hold until the next turn.
				const client = await pool.connect();
				try {
					await client.query('begin');
					const actor = (await client.query<{ actor: string }>("select current_setting('app.user_id', true) as actor")).rows[0].actor;
					await client.query('commit');
					return actor;
				} finally {
					client.release();
				}
			});
			expect(inTransaction).toBe(ann);
			expect((await as(bo, which)).actor).toBe(bo);
			expect((await as(ann, which)).actor).toBe(ann);
		} finally {
			await pool.end();
		}
	});

	it('while the work has a transaction open, sends its other queries to the pool, so none waits behind one that waits for the transaction', async () => {
		const { ann } = people;
		const { pool, which } = countingPool(3);
		const lock = 4_242_424;
		try {
			const done = as(ann, async () => {
				const mine = await which();
				const client = await pool.connect();
				try {
					await client.query('begin');
					await client.query('select pg_advisory_xact_lock($1)', [lock]);
					// Waits until the transaction ends: on the work's own connection, it would hold up the
					// query after it, which the transaction waits for before it can end.
					const waiting = pool.query('select pg_advisory_xact_lock($1)', [lock]);
					const meanwhile = await which();
					await client.query('commit');
					await waiting;
					return [mine, meanwhile];
				} finally {
					client.release();
				}
			});
			const stuck = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 5_000).unref());
			const outcome = await Promise.race([done, stuck]);
			if (outcome === 'stuck') {
				// Free the connections so the pool can end; the test has already failed.
				await owner.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where usename = ${role} and query like '%pg_advisory_xact_lock%'`);
			}
			expect(outcome).not.toBe('stuck');
			const [mine, meanwhile] = outcome as { actor: string }[];
			expect([mine.actor, meanwhile.actor]).toEqual([ann, ann]);
		} finally {
			await pool.end();
		}
	});

	it('does not use a connection again after a query on it failed; the same work goes on on another', async () => {
		const { ann } = people;
		const { pool, which } = countingPool(2);
		try {
			const [before, after] = await as(ann, async () => {
				const first = await which();
				await expect(pool.query('select 1 / 0')).rejects.toThrow(/division by zero/);
				return [first, await which()];
			});
			expect(after.actor).toBe(ann);
			expect(after.pid).not.toBe(before.pid);
			await turn();
			expect(pool.totalCount).toBe(1);
			expect(pool.idleCount).toBe(1);
		} finally {
			await pool.end();
		}
	});

	it('lives on when the server ends a connection a piece of work holds, in a query or a transaction, and the work goes on on another', async () => {
		const { ann } = people;
		const { pool, which } = countingPool(2);
		try {
			const after = await as(ann, async () => {
				const { pid } = await which();
				// The lease holds the connection while its query sleeps; an 'error' nobody heard would stop the process.
				// Expected to fail from the start: the failure may come while `end` is still being awaited.
				const sleeping = expect(pool.query('select pg_sleep(5)')).rejects.toThrow();
				await new Promise((resolve) => setTimeout(resolve, 200));
				await end(pid);
				await sleeping;
				const client = await pool.connect();
				const inTransaction = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
				const asleep = expect(client.query('select pg_sleep(5)')).rejects.toThrow();
				const ended = new Promise((resolve) => client.once('end', resolve));
				await new Promise((resolve) => setTimeout(resolve, 200));
				await end(inTransaction);
				await asleep;
				// Released once the connection is really gone, so the pool does not hand it out again.
				await ended;
				client.release();
				return [pid, inTransaction, await which()] as const;
			});
			const [first, second, now] = after;
			expect(now.actor).toBe(ann);
			expect([first, second]).not.toContain(now.pid);
		} finally {
			await pool.end();
		}
	});

	it('takes back a transaction\'s connection that the server ended before its begin, which Drizzle would never release', async () => {
		const { ann } = people;
		const { pool, which } = countingPool(1);
		try {
			const lost = await as(ann, async () => {
				// Drizzle's transaction: check out, send `begin`, and release only in a `finally` after it.
				const client = await pool.connect();
				const { pid } = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0];
				const ended = new Promise((resolve) => client.once('end', resolve));
				await end(pid);
				await ended;
				await expect(client.query('begin')).rejects.toThrow();
				return pid;
			});
			// With the pool's only connection still out, this would wait for ever.
			const stuck = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 5_000));
			const next = await Promise.race([as(ann, which), stuck]);
			expect(next).not.toBe('stuck');
			expect(next).toMatchObject({ actor: ann });
			expect((next as { pid: number }).pid).not.toBe(lost);
		} finally {
			await pool.end();
		}
	});

	it('keeps each pool\'s connections apart for work that asks two pools', async () => {
		const { ann } = people;
		const one = countingPool(1);
		const two = countingPool(1);
		try {
			const [a, b] = await as(ann, async () => [await one.which(), await two.which()]);
			expect(a.pid).not.toBe(b.pid);
			expect([one.counted.checkouts, two.counted.checkouts]).toEqual([1, 1]);
		} finally {
			await one.pool.end();
			await two.pool.end();
		}
	});

	it('prepares a statement once per connection, and a plan it keeps still answers for whoever acts', async () => {
		const { ann, bo, cas } = people;
		const pool = new ActorPool({ connectionString: appUrl.href, max: 1, Client: NamingClient });
		const db = drizzlePg(pool, { schema });
		try {
			// From the first run on, the plan PostgreSQL keeps; row security must still be applied per run.
			await pool.query('set plan_cache_mode = force_generic_plan');
			const owners = (userId: string) => as(userId, async () => (await db.select({ ownerId: reflections.ownerId }).from(reflections).where(ne(reflections.body, 'none of these'))).map((r) => r.ownerId));
			for (let i = 0; i < 3; i++) expect(await owners(ann)).toEqual([ann]);
			expect(await owners(cas)).toEqual([]);
			expect(await owners(bo)).toEqual([bo]);
			expect(await owners(ann)).toEqual([ann]);
			const prepared = (await pool.query<{ generic: number; custom: number }>("select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement like '%from \"reflections\"%'")).rows;
			expect(prepared).toEqual([{ generic: 6, custom: 0 }]);
		} finally {
			await pool.end();
		}
	});

	it('exports and deletes an account as the app role', async () => {
		const { ann } = people;
		const data = await as(ann, () => exportUserData(app.db, ann));
		expect(data.reflections.map((r) => r.text)).toEqual(['shared in the couple']);
		await as(ann, () => deleteAccount(app.db, { userId: ann, password: 'long enough pass', locale: 'nl' }));
		expect(await owner.$count(users, eq(users.id, ann))).toBe(0);
		expect(await owner.$count(reflections, eq(reflections.ownerId, ann))).toBe(0);
		expect(await owner.$count(securityEvents, sql`user_id is null and kind = 'account-deleted'`)).toBe(1);
	});

	it('refuses to start on a database the owner has not migrated, saying what to run', async () => {
		const name = `herstelpad_test_empty_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		await admin.query(`create database "${name}"`);
		try {
			const empty = new URL(appUrl.href);
			empty.pathname = `/${name}`;
			await expect(openDatabase({ kind: 'postgres', url: empty.href })).rejects.toThrow(/herstelpad migrate.*MIGRATION_DATABASE_URL/);
			// With the owner's URL for migrations, the same start-up applies them first.
			const ownerUrl = new URL(serverUrl!);
			ownerUrl.pathname = `/${name}`;
			const migrated = await openDatabase({ kind: 'postgres', url: empty.href, migrationUrl: ownerUrl.href });
			await migrated.close();
			const check = new pg.Client({ connectionString: ownerUrl.href });
			await check.connect();
			expect((await check.query(`select count(*)::int as n from drizzle.__drizzle_migrations`)).rows[0].n).toBeGreaterThan(0);
			await check.end();
		} finally {
			await admin.query(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	});
});
