import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { hashPassword } from '../auth/password';
import { signIn, signUp } from '../auth/accounts';
import { THREADS_PER_PAGE } from '../comments/comments';
import { DEMO_DOMAIN, DEMO_PASSWORD, PERSONAL_TABLES, RealUsersPresent, countRealUsers, seedDemo } from './seed';

const NOW = new Date('2026-06-15T12:00:00Z');
/** Tables whose `id` comes from a sequence: it depends on what was inserted before, not on the seed. */
const SERIAL_IDS = new Set(['consent_events', 'security_events', 'commitment_events']);

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] } | T[];
	return Array.isArray(result) ? result : result.rows;
}

/** One hash per table of every row's content, in a fixed order. */
async function fingerprint(db: Database) {
	const prints: Record<string, string> = {};
	for (const table of PERSONAL_TABLES) {
		const row = SERIAL_IDS.has(table) ? `to_jsonb(x) - 'id'` : 'to_jsonb(x)';
		const [{ print }] = await rows<{ print: string }>(db, sql.raw(`select md5(coalesce(string_agg(j::text, '|' order by j::text), '')) as print from (select ${row} as j from ${table} x) s`));
		prints[table] = print;
	}
	return prints;
}

describe(`seed-demo (${databaseKind})`, () => {
	const database = useTestDatabase();
	let passwordHash: string;
	beforeAll(async () => {
		passwordHash = await hashPassword(DEMO_PASSWORD);
	});

	it('knows every table: a new one is either seeded or named here as bookkeeping', async () => {
		// Sessions, reset tokens, rate limits, form keys and the server's VAPID keys are the app's bookkeeping, not something anyone wrote.
		const bookkeeping = ['sessions', 'password_reset_tokens', 'rate_limits', 'form_submissions', 'vapid_keys'];
		const tables = await rows<{ name: string }>(database(), sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
		const unseeded = tables.map((t) => t.name).filter((name) => !bookkeeping.includes(name) && !(PERSONAL_TABLES as readonly string[]).includes(name));
		expect(unseeded, 'add these to seed.ts (and PERSONAL_TABLES), or to the bookkeeping list here').toEqual([]);
	});

	it('fills every personal table with couples in both languages, both roles, alone and paired', async () => {
		const db = database();
		const summary = await seedDemo(db, { couples: 30, days: 120, seed: 7, now: NOW, passwordHash });
		for (const table of PERSONAL_TABLES) expect(summary.rows[table], table).toBeGreaterThan(0);
		const [shape] = await rows<{ nl: number; en: number; repairing: number; hurt: number; paired: number; solo: number; users: number }>(
			db,
			sql`select count(*) filter (where locale = 'nl')::int as nl, count(*) filter (where locale = 'en')::int as en,
				count(*) filter (where role = 'repairing')::int as repairing, count(*) filter (where role = 'hurt')::int as hurt,
				count(*) filter (where exists (select 1 from couple_members m where m.user_id = u.id))::int as paired,
				count(*) filter (where not exists (select 1 from couple_members m where m.user_id = u.id))::int as solo, count(*)::int as users
			from users u`
		);
		expect(shape.users).toBe(summary.users);
		for (const [key, value] of Object.entries(shape)) expect(value, key).toBeGreaterThan(0);
		// Spread over time: items from the first weeks and from the last few days.
		const [spread] = await rows<{ oldest: number; newest: number }>(db, sql`select max(${NOW.toISOString()}::date - day)::int as oldest, min(${NOW.toISOString()}::date - day)::int as newest from trust_checkins`);
		expect(spread.oldest).toBeGreaterThan(60);
		expect(spread.newest).toBeLessThanOrEqual(3);
		// Letters of every kind; nothing dated after the moment the data ends.
		const kinds = await rows<{ kind: string }>(db, sql`select distinct kind from letters order by kind`);
		expect(kinds.map((k) => k.kind)).toEqual(['account', 'account-addition', 'apology', 'impact', 'letter', 'restitution']);
		const [future] = await rows<{ n: number }>(db, sql`select (select count(*) from letters where sent_at > ${NOW.toISOString()}::timestamptz) + (select count(*) from check_ins where recorded_at > ${NOW.toISOString()}::timestamptz) as n`);
		expect(Number(future.n)).toBe(0);
		// Every commented article holds more than a page of published threads in each language, even
		// with few couples, so the benchmark's article page is a full page at every size.
		const threads = await rows<{ article: string; locale: string; n: number }>(
			db,
			sql`select article, locale, count(*)::int as n from comments where status = 'approved' and parent_id is null group by article, locale`
		);
		expect(threads.length).toBe(10);
		for (const { article, locale, n } of threads) expect(n, `${article} (${locale})`).toBeGreaterThan(THREADS_PER_PAGE);
		// Every demo account signs in with the one printed password.
		const signedIn = await signIn(db, { email: summary.email(1, 'a'), password: DEMO_PASSWORD, address: '127.0.0.1' });
		expect(signedIn.userId).toBeTruthy();
	}, 120_000);

	it('gives the same rows for the same seed, and other rows for another seed', async () => {
		const db = database();
		await seedDemo(db, { couples: 30, days: 120, seed: 7, now: NOW, passwordHash });
		const first = await fingerprint(db);
		// Seeding again replaces the demo data with the very same rows.
		await seedDemo(db, { couples: 30, days: 120, seed: 7, now: NOW, passwordHash });
		expect(await fingerprint(db)).toEqual(first);
		await seedDemo(db, { couples: 30, days: 120, seed: 8, now: NOW, passwordHash });
		const other = await fingerprint(db);
		expect(other.reflections).not.toBe(first.reflections);
		expect(other.users).not.toBe(first.users);
	}, 120_000);

	it('refuses a database with real accounts unless forced, and then leaves them alone', async () => {
		const db = database();
		await seedDemo(db, { couples: 5, seed: 3, now: NOW, passwordHash });
		await signUp(db, { email: 'real.person@example.org', password: 'a quiet morning walk', displayName: 'Real', locale: 'nl' });
		expect(await countRealUsers(db)).toBe(1);
		await expect(seedDemo(db, { couples: 2, seed: 1, now: NOW, passwordHash })).rejects.toBeInstanceOf(RealUsersPresent);
		// Refused before anything changed: the earlier demo data (5 couples) is still there.
		const [before] = await rows<{ n: number }>(db, sql`select count(*)::int as n from users where email like ${`%@${DEMO_DOMAIN}`}`);
		expect(before.n).toBeGreaterThan(5);
		const summary = await seedDemo(db, { couples: 2, seed: 1, now: NOW, passwordHash, force: true });
		const [after] = await rows<{ demo: number; real: number }>(
			db,
			sql`select count(*) filter (where email like ${`%@${DEMO_DOMAIN}`})::int as demo, count(*) filter (where email = 'real.person@example.org')::int as real from users`
		);
		expect(after.real).toBe(1);
		expect(after.demo).toBe(summary.users - 1);
		expect(after.demo).toBeLessThanOrEqual(4);
	}, 120_000);
});
