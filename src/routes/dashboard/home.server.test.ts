import { beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../tests/setup/test-db';
import { countingQueries } from '../../../tests/setup/count-queries';
import type { Database } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/sessions';
import { signUp } from '$lib/server/auth/accounts';
import { chooseRole } from '$lib/server/users/users';
import { acceptInvitation, createInvitation } from '$lib/server/couple/invitations';
import { sendLetter } from '$lib/server/couple/letters';
import { addWish } from '$lib/server/deeds/wishes';
import { createCommitment, endCommitment, pauseCommitment } from '$lib/server/deeds/commitments';
import { recordCheckIn } from '$lib/server/deeds/check-ins';
import { addDays, localDay } from '$lib/server/deeds/days';
import { loadHome } from './home.server';

// A year of check-ins is a few thousand queries: on a busy machine that outlasts the default hook time.
vi.setConfig({ hookTimeout: 900_000, testTimeout: 120_000 });

describe(`home page: what matters today, in a bounded number of queries (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const now = new Date('2026-11-30T11:00:00Z');
	const today = localDay(now);
	let rep: SessionUser & { role: 'repairing' };
	let hurt: SessionUser & { role: 'hurt' };

	const couple = async (tag: string) => {
		const make = async (name: string, role: 'repairing' | 'hurt') => {
			const { userId } = await signUp(db, { email: `${name}-${tag}@example.org`, password: 'long enough pass', displayName: name, locale: 'nl' });
			await chooseRole(db, userId, role);
			return userId;
		};
		const r = await make('rep', 'repairing');
		const h = await make('hurt', 'hurt');
		await acceptInvitation(db, h, (await createInvitation(db, r)).token);
		const coupleId = (await db.query.coupleMembers.findFirst({ where: (t, { eq }) => eq(t.userId, r) }))!.coupleId;
		const user = (id: string, name: string) => ({ id, email: `${name}-${tag}@example.org`, displayName: name, locale: 'nl' as const, isAdmin: false, coupleId });
		// As the session gives them: with the partner (validateSession).
		return {
			rep: { ...user(r, 'rep'), role: 'repairing' as const, partner: { id: h, displayName: 'hurt', role: 'hurt' as const } },
			hurt: { ...user(h, 'hurt'), role: 'hurt' as const, partner: { id: r, displayName: 'rep', role: 'repairing' as const } }
		};
	};

	beforeAll(async () => {
		db = database();
		({ rep, hurt } = await couple('year'));
		const repActor = { userId: rep.id, coupleId: rep.coupleId };
		// A year of daily check-ins on two commitments, recorded through the service as they happened.
		const start = addDays(today, -364);
		for (const title of ['Een berichtje als ik later ben', 'Telefoon open op tafel']) {
			const { id } = await createCommitment(db, repActor, { title, why: '', rhythm: 'daily', weekdays: [], share: true, startsOn: start }, undefined, now);
			for (let i = 0; i <= 364; i++) {
				const day = addDays(start, i);
				await recordCheckIn(db, repActor, id, { day, outcome: i % 7 === 3 ? 'partly' : 'kept', note: null }, new Date(`${day}T20:00:00Z`));
			}
		}
		await createCommitment(db, repActor, { title: 'Samen wandelen', why: '', rhythm: 'weekly', weekdays: [], share: true }, undefined, now);
		// An ended and a paused one, shared too: neither is due, nor counted as ongoing for the partner.
		const ended = await createCommitment(db, repActor, { title: 'Oud plan', why: '', rhythm: 'daily', weekdays: [], share: true, startsOn: addDays(today, -30) }, undefined, now);
		await endCommitment(db, repActor, ended.id, 'Niet meer nodig', now);
		const paused = await createCommitment(db, repActor, { title: 'Even stil', why: '', rhythm: 'daily', weekdays: [], share: true, startsOn: addDays(today, -30) }, undefined, now);
		await pauseCommitment(db, repActor, paused.id, 'Ziek', now);
		await addWish(db, { userId: hurt.id, coupleId: hurt.coupleId }, { size: 'everyday', body: 'Een kop thee', share: true });
		await sendLetter(db, { userId: hurt.id, coupleId: hurt.coupleId }, { body: 'Een brief', kind: 'letter' });
	}, 600_000);

	it('tells the repairing partner what is due, which wishes wait and which letters are new', async () => {
		const home = await loadHome(db, rep, 'nl', now);
		expect(home.today.due.map((d) => d.title)).toEqual(['Samen wandelen']);
		expect(home.today.recordedToday).toBe(2);
		expect(home.today.wishesWaiting).toBe(1);
		expect(home.today.unopenedLetters).toBe(1);
		const hurtHome = await loadHome(db, hurt, 'nl', now);
		expect(hurtHome.today).toMatchObject({ due: [], partnerOngoing: 3, wishesWaiting: 0, unopenedLetters: 0 });
	});

	it('uses as many queries for a year of daily check-ins as for a single one', async () => {
		const fresh = await couple('fresh');
		const freshActor = { userId: fresh.rep.id, coupleId: fresh.rep.coupleId };
		const { id } = await createCommitment(db, freshActor, { title: 'Eén keer', why: '', rhythm: 'daily', weekdays: [], share: true }, undefined, now);
		await recordCheckIn(db, freshActor, id, { day: today, outcome: 'kept', note: null }, now);
		const { db: counted, counter } = countingQueries(db);
		const count = async (user: Parameters<typeof loadHome>[1]) => {
			counter.queries = 0;
			await loadHome(counted, user, 'nl', now);
			return counter.queries;
		};
		const withYear = { rep: await count(rep), hurt: await count(hurt) };
		const single = { rep: await count(fresh.rep), hurt: await count(fresh.hurt) };
		expect(withYear).toEqual(single);
		// The page's budget in src/routes/page-queries.test.ts says what the ten are.
		expect(withYear.rep).toBeLessThanOrEqual(10);
		expect(withYear.hurt).toBeLessThanOrEqual(10);
	});
});
