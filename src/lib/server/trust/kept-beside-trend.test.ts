import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { signUp } from '../auth/accounts';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf } from '../couple/membership';
import { createCommitment } from '../deeds/commitments';
import { recordCheckIn } from '../deeds/check-ins';
import { addDays, localDay, mondayOf } from '../deeds/days';
import { keptBesideTrend } from './kept-beside-trend';

describe(`the commitments' consistency beside the trust trend (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let rep: string;
	let hurt: string;
	let stranger: string;
	const actor = async (userId: string) => ({ userId, coupleId: await coupleIdOf(db, userId) });
	// A fixed Wednesday noon, so "the week" and "yesterday" never straddle a week boundary by accident.
	const now = new Date('2026-11-25T12:00:00Z');

	beforeAll(async () => {
		db = database();
		const make = async (name: string) => (await signUp(db, { email: `${name}@example.org`, password: 'long enough pass', displayName: name, locale: 'en' })).userId;
		rep = await make('rep');
		hurt = await make('hurt');
		stranger = await make('stranger');
		await acceptInvitation(db, hurt, (await createInvitation(db, rep)).token);
	});

	it('shows nothing when no commitment was due, and nothing for no weeks', async () => {
		expect(await keptBesideTrend(db, await actor(hurt), 4, now)).toBeNull();
		expect(await keptBesideTrend(db, await actor(hurt), 0, now)).toBeNull();
	});

	it("gives the hurt partner the share kept of the partner's shared commitment, per week, and a stranger nothing", async () => {
		const today = localDay(now);
		const startsOn = addDays(today, -2); // Monday: Monday and Tuesday are over, today is still open
		const { id } = await createCommitment(db, await actor(rep), { title: 'A message each evening', why: 'So you know where I am', rhythm: 'daily', weekdays: [], share: true, startsOn }, undefined, now);
		await recordCheckIn(db, await actor(rep), id, { day: startsOn, outcome: 'kept', note: null }, now);
		await recordCheckIn(db, await actor(rep), id, { day: addDays(startsOn, 1), outcome: 'not-kept', note: null }, now);

		const weeks = await keptBesideTrend(db, await actor(hurt), 3, now);
		expect(weeks).toHaveLength(3);
		expect(weeks!.at(-1)).toEqual({ weekStart: mondayOf(today), share: 0.5 });
		expect(weeks!.slice(0, 2).map((w) => w.share)).toEqual([null, null]); // before it started: no figure, not 0 %
		expect(await keptBesideTrend(db, await actor(stranger), 3, now)).toBeNull();
	});

	it('leaves out a commitment the partner keeps private', async () => {
		const { id } = await createCommitment(db, await actor(rep), { title: 'Private', why: 'For me', rhythm: 'daily', weekdays: [], share: false, startsOn: addDays(localDay(now), -2) }, undefined, now);
		await recordCheckIn(db, await actor(rep), id, { day: addDays(localDay(now), -2), outcome: 'kept', note: null }, now);
		await recordCheckIn(db, await actor(rep), id, { day: addDays(localDay(now), -1), outcome: 'kept', note: null }, now);
		expect((await keptBesideTrend(db, await actor(hurt), 1, now))!.at(-1)!.share).toBe(0.5);
		// The owner counts both: 3 kept of 4 due.
		expect((await keptBesideTrend(db, await actor(rep), 1, now))!.at(-1)!.share).toBe(0.75);
	});
});
