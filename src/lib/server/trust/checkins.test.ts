import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { signUp } from '../auth/accounts';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf, leaveCouple } from '../couple/membership';
import {
	addSelfRating,
	addTrustCheckin,
	deleteTrustCheckin,
	latestSharedTrust,
	listMyTrustCheckins,
	listSelfRatings,
	myTrustTrend,
	partnerSharedCheckins,
	partnerTrustTrend,
	setShareAlways,
	shareTrustCheckin,
	summariseWeeks,
	unshareTrustCheckin
} from './checkins';

describe('summariseWeeks', () => {
	it('has no weeks without check-ins, one week for one, and gaps for empty weeks', () => {
		expect(summariseWeeks([], '2026-11-30')).toEqual([]);
		expect(summariseWeeks([{ day: '2026-11-25', trust: 4, safety: 5, connection: 6 }], '2026-11-30')).toEqual([
			{ weekStart: '2026-11-23', count: 1, trust: 4, safety: 5, connection: 6 },
			{ weekStart: '2026-11-30', count: 0, trust: null, safety: null, connection: null }
		]);
		const weeks = summariseWeeks(
			[
				{ day: '2026-11-02', trust: 2, safety: 3, connection: 3 },
				{ day: '2026-11-08', trust: 3, safety: 4, connection: 4 },
				{ day: '2026-11-30', trust: 7, safety: 6, connection: 5 }
			],
			'2026-12-01'
		);
		expect(weeks.map((w) => [w.weekStart, w.count, w.trust])).toEqual([
			['2026-11-02', 2, 2.5],
			['2026-11-09', 0, null],
			['2026-11-16', 0, null],
			['2026-11-23', 0, null],
			['2026-11-30', 1, 7]
		]);
	});

	it('keeps at most a year of weeks', () => {
		const rows = Array.from({ length: 800 }, (_, i) => ({ day: new Date(Date.UTC(2024, 8, 1 + i)).toISOString().slice(0, 10), trust: i % 11, safety: 5, connection: 5 }));
		const weeks = summariseWeeks(rows, '2026-11-09');
		expect(weeks).toHaveLength(52);
		expect(weeks.at(-1)!.weekStart).toBe('2026-11-09');
		expect(weeks.every((w) => w.count === 7 || w.weekStart === '2026-11-09')).toBe(true);
	});
});

describe(`trust check-ins (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let hurt: string;
	let repairing: string;
	const actor = async (userId: string) => ({ userId, coupleId: await coupleIdOf(db, userId) });
	const now = new Date('2026-11-30T12:00:00Z');
	const input = (day: string, trust: number, share = false) => ({ day, trust, safety: trust, connection: trust, helped: 'the walk', hurt: null, share });

	beforeAll(async () => {
		db = database();
		const make = async (name: string, _role: 'hurt' | 'repairing') => {
			const { userId } = await signUp(db, { email: `${name}@example.org`, password: 'long enough pass', displayName: name, locale: 'en' });
			return userId;
		};
		hurt = await make('hurt', 'hurt');
		repairing = await make('repairing', 'repairing');
	});

	it('works solo: private, in the own trend, nothing for a partner', async () => {
		await addTrustCheckin(db, await actor(hurt), input('2026-11-16', 3, true));
		expect((await listMyTrustCheckins(db, await actor(hurt)))[0]).toMatchObject({ trust: 3, shared: false });
		expect(await myTrustTrend(db, await actor(hurt), now)).toHaveLength(3);
		expect(await latestSharedTrust(db, await actor(hurt), now)).toBeNull();
		expect(await partnerTrustTrend(db, await actor(hurt), now)).toBeNull();
	});

	it('is private by default in a couple, shared per check-in, and the partner sees only what is shared', async () => {
		await acceptInvitation(db, repairing, (await createInvitation(db, hurt)).token);
		const { id } = await addTrustCheckin(db, await actor(hurt), input('2026-11-23', 4));
		expect(await partnerSharedCheckins(db, await actor(repairing))).toEqual([]);
		expect(await latestSharedTrust(db, await actor(repairing), now)).toBeNull();
		await shareTrustCheckin(db, await actor(hurt), id);
		expect((await partnerSharedCheckins(db, await actor(repairing))).map((c) => c.id)).toEqual([id]);
		const seen = await latestSharedTrust(db, await actor(repairing), now);
		expect(seen).toEqual({ mine: false, latest: { weekStart: '2026-11-23', count: 1, trust: 4, safety: 4, connection: 4 }, previous: null });
		expect((await latestSharedTrust(db, await actor(hurt), now))?.mine).toBe(true);
		await expect(unshareTrustCheckin(db, await actor(repairing), id)).rejects.toThrow('not_found');
		await expect(deleteTrustCheckin(db, await actor(repairing), id)).rejects.toThrow('not_found');
		await unshareTrustCheckin(db, await actor(hurt), id);
		expect(await latestSharedTrust(db, await actor(repairing), now)).toBeNull();
		await shareTrustCheckin(db, await actor(hurt), id);
	});

	it('shares every new check-in when "always" is chosen; the trend is weekly', async () => {
		await setShareAlways(db, await actor(hurt), true);
		await addTrustCheckin(db, await actor(hurt), input('2026-11-30', 6));
		await addTrustCheckin(db, await actor(hurt), input('2026-12-01', 8));
		const trend = await partnerTrustTrend(db, await actor(repairing), now);
		expect(trend!.map((w) => [w.weekStart, w.count, w.trust])).toEqual([
			['2026-11-23', 1, 4],
			['2026-11-30', 2, 7]
		]);
		const summary = await latestSharedTrust(db, await actor(repairing), new Date('2026-12-01T12:00:00Z'));
		expect(summary?.latest).toMatchObject({ weekStart: '2026-11-30', count: 2, trust: 7 });
		expect(summary?.previous).toMatchObject({ weekStart: '2026-11-23', trust: 4 });
		await setShareAlways(db, await actor(hurt), false);
	});

	it('one form key makes one check-in', async () => {
		const a = await addTrustCheckin(db, await actor(hurt), input('2026-11-29', 5), 'k'.repeat(20));
		const b = await addTrustCheckin(db, await actor(hurt), input('2026-11-29', 5), 'k'.repeat(20));
		expect(b).toEqual({ id: a.id, replay: true });
	});

	it('keeps hope and strain private to the repairing partner', async () => {
		await addSelfRating(db, await actor(repairing), { day: '2026-11-30', hope: 6, strain: 7 });
		expect(await listSelfRatings(db, await actor(repairing))).toMatchObject([{ hope: 6, strain: 7 }]);
		expect(await listSelfRatings(db, await actor(hurt))).toEqual([]);
	});

	it('stops showing anything to the partner once the couple ends', async () => {
		await leaveCouple(db, repairing);
		expect(await latestSharedTrust(db, await actor(repairing), now)).toBeNull();
		expect(await partnerSharedCheckins(db, await actor(repairing))).toEqual([]);
		expect((await listMyTrustCheckins(db, await actor(hurt))).every((c) => !c.shared)).toBe(true);
	});
});
