import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../tests/setup/test-db';
import type { Database } from '../src/lib/server/db';
import { hashPassword } from '../src/lib/server/auth/password';
import { DEMO_DOMAIN, DEMO_PASSWORD, seedDemo } from '../src/lib/server/demo/seed';
import { KINDS, VOLUMES, chooseCouples, coupleProfiles, type CoupleProfile, type Kind, type Volume } from './bench-couples';

const NOW = new Date('2026-06-15T12:00:00Z');

function profile(n: number, options: { paired?: boolean; without?: Kind[]; rows?: number } = {}): CoupleProfile {
	return {
		n,
		paired: options.paired ?? true,
		has: Object.fromEntries(KINDS.map((k) => [k, !options.without?.includes(k)])) as Record<Kind, boolean>,
		volume: Object.fromEntries(VOLUMES.map((v) => [v, options.rows ?? 10])) as Record<Volume, number>
	};
}

describe('chooseCouples', () => {
	it('takes paired couples with the most kinds first, then the most rows, then the lowest number', () => {
		const profiles = [
			profile(1, { rows: 50, without: ['self-test'] }),
			profile(2, { rows: 99, paired: false }),
			profile(3, { rows: 20 }),
			profile(4, { rows: 30 }),
			profile(5, { rows: 30 }),
			profile(6, { rows: 90, without: ['transparency', 'weekly hour'] })
		];
		expect(chooseCouples(profiles, 4).map((p) => p.n)).toEqual([4, 5, 3, 1]);
		expect(chooseCouples(profiles, 1).map((p) => p.n)).toEqual([4]);
		// Fewer candidates than asked for: all paired ones, never an alone person.
		expect(chooseCouples(profiles, 10).map((p) => p.n)).toEqual([4, 5, 3, 1, 6]);
	});

	it('refuses when no couple is paired', () => {
		expect(() => chooseCouples([profile(1, { paired: false })], 1)).toThrow(/no paired/);
	});
});

async function rows(db: Database, text: string): Promise<Record<string, unknown>[]> {
	const result = (await db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] } | Record<string, unknown>[];
	return Array.isArray(result) ? result : result.rows;
}

describe(`bench couples on seeded data (${databaseKind})`, () => {
	const database = useTestDatabase();
	let passwordHash: string;
	beforeAll(async () => {
		passwordHash = await hashPassword(DEMO_PASSWORD);
	});

	it('profiles the same couples alike in a small and a larger database, so the bench measures the same people', async () => {
		const db = database();
		const query = (text: string) => rows(db, text);
		await seedDemo(db, { couples: 12, seed: 1, now: NOW, passwordHash });
		const small = await coupleProfiles(query, 12, DEMO_DOMAIN);
		await seedDemo(db, { couples: 60, seed: 1, now: NOW, passwordHash });
		const large = await coupleProfiles(query, 12, DEMO_DOMAIN);
		expect(small.map((p) => p.n)).toEqual([...Array(12).keys()].map((i) => i + 1));
		expect(large).toEqual(small);
		expect(chooseCouples(large, 4)).toEqual(chooseCouples(small, 4));

		// The profile reads the data: couples 2 and 3 are always alone (seed.ts), couple 1 is paired and
		// has written.
		expect(small[0].paired).toBe(true);
		expect(small[0].volume.reflections).toBeGreaterThan(0);
		expect(small[1].paired).toBe(false);
		expect(small[2].paired).toBe(false);
		const chosen = chooseCouples(small, 2);
		expect(chosen.every((p) => p.paired && p.has['apology draft'] && p.has.question)).toBe(true);
		const [counted] = await rows(
			db,
			`select count(*)::int as n from reflections r join users u on u.id = r.owner_id where u.email in ('demo-${chosen[0].n}-a@${DEMO_DOMAIN}', 'demo-${chosen[0].n}-b@${DEMO_DOMAIN}')`
		);
		expect(Number(counted.n)).toBe(chosen[0].volume.reflections);
	}, 180_000);
});
