import { describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { onQuery, type Database } from '../db';
import type { Actor } from '../access/policy';
import { hourSlots, notificationOutbox, users } from '../db/schema';
import { newId } from '../security/tokens';
import { createCommitment, pauseCommitment, changeCommitment, endCommitment } from '../deeds/commitments';
import { recordCheckIn } from '../deeds/check-ins';
import { dueNow } from '../deeds/today';
import type { MailContent } from '../mail/templates';
import { createDueReminders, dueSlots, type Senders } from './outbox';
import { notificationsTick } from './jobs';
import { DEFAULT_PREFERENCES, savePreferences } from './preferences';

/**
 * The minute's tick at scale (docs/notifications.md, "At 10,000 couples"): its statements do not
 * grow with the number of people, and the set-based reminders keep the rules the per-person code
 * had (deeds/today.ts's dueNow for check-ins).
 */
describe(`the notifications' tick, set-based (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const mails: { to: string; content: MailContent }[] = [];
	const senders: Senders = { mail: { send: async (to, content) => void mails.push({ to, content }) }, push: async () => 'sent' };

	/**
	 * People (no password: never signed in) who chose the hour and check-ins by e-mail, each with
	 * their own slot and a commitment due on the slot's day only.
	 */
	async function people(prefix: string, count: number, slot: { weekday: number; time: string }) {
		const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
		await db.insert(users).values(ids.map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
		await db.insert(hourSlots).values(ids.map((id) => ({ id: newId(), userId: id, weekday: slot.weekday, time: slot.time, timeZone: 'Europe/Amsterdam' })));
		for (const id of ids) {
			await savePreferences(db, id, { ...DEFAULT_PREFERENCES, choices: { hour: { email: true }, 'check-in': { email: true } } });
			await createCommitment(db, { userId: id, coupleId: null }, { title: 'x', why: 'x', rhythm: 'weekdays', weekdays: [slot.weekday], share: false }, undefined, new Date('2026-01-12T09:00:00Z'));
		}
		return ids;
	}

	/** The statements one tick sends, and what it sent. */
	async function tick(at: Date) {
		let statements = 0;
		const stop = onQuery(() => statements++);
		const before = mails.length;
		try {
			await notificationsTick(db, at, senders);
		} finally {
			stop();
		}
		return { statements, mailed: mails.length - before };
	}

	it('sends the same number of statements for 1 person as for 40 (no query per person)', async () => {
		db = database();
		await people('one', 1, { weekday: 3, time: '20:30' });
		// 40: two notices each stay within one delivery batch (100), as one person's two do.
		await people('many', 40, { weekday: 4, time: '20:30' });
		// A tick with nothing due, to leave the first-time work (the VAPID key, caches) out of the count.
		await tick(new Date('2026-01-14T09:00:00Z'));
		// Wednesday 20:30 in Amsterdam: one person's hour and check-in.
		const one = await tick(new Date('2026-01-14T19:30:00Z'));
		// Thursday 20:30: forty people's.
		const many = await tick(new Date('2026-01-15T19:30:00Z'));
		expect(one.mailed).toBe(2);
		expect(many.mailed).toBe(80);
		expect(many.statements).toBe(one.statements);
		expect(one.statements).toBeLessThan(20);
		// And once everything went out, the next minute's tick finds nothing to make or send.
		expect((await tick(new Date('2026-01-15T19:31:00Z'))).mailed).toBe(0);
	});

	it('makes check-in reminders for exactly the people deeds/today.ts finds something due and unrecorded for', async () => {
		// Wednesday 21 January 2026; commitments made on Monday the 19th unless said otherwise.
		const monday = new Date('2026-01-19T09:00:00Z');
		const tuesday = new Date('2026-01-20T09:00:00Z');
		const wednesday = new Date('2026-01-21T09:00:00Z');
		const evening = new Date('2026-01-21T18:00:00Z');
		const cases: [string, (actor: Actor) => Promise<unknown>][] = [
			['daily', (a) => create(a, { rhythm: 'daily' }, monday)],
			['daily-recorded', async (a) => recordCheckIn(db, a, await create(a, { rhythm: 'daily' }, monday), { day: '2026-01-21', outcome: 'kept', note: null }, wednesday)],
			['daily-yesterday-only', async (a) => recordCheckIn(db, a, await create(a, { rhythm: 'daily' }, monday), { day: '2026-01-20', outcome: 'kept', note: null }, tuesday)],
			['weekdays-wednesday', (a) => create(a, { rhythm: 'weekdays', weekdays: [1, 3] }, monday)],
			['weekdays-not-today', (a) => create(a, { rhythm: 'weekdays', weekdays: [2, 5] }, monday)],
			['weekly', (a) => create(a, { rhythm: 'weekly' }, monday)],
			['weekly-recorded-monday', async (a) => recordCheckIn(db, a, await create(a, { rhythm: 'weekly' }, monday), { day: '2026-01-19', outcome: 'kept', note: null }, monday)],
			['weekly-recorded-last-week', async (a) => recordCheckIn(db, a, await create(a, { rhythm: 'weekly', startsOn: '2026-01-12' }, monday), { day: '2026-01-12', outcome: 'kept', note: null }, monday)],
			['paused-tuesday', async (a) => pauseCommitment(db, a, await create(a, { rhythm: 'daily' }, monday), 'x', tuesday)],
			['ended-today', async (a) => endCommitment(db, a, await create(a, { rhythm: 'daily' }, monday), 'x', wednesday)],
			['changed-to-other-weekdays-today', async (a) => changeCommitment(db, a, await create(a, { rhythm: 'daily' }, monday), { title: 'x', why: 'x', reason: null, rhythm: 'weekdays', weekdays: [5] }, wednesday)],
			['changed-to-weekly-tuesday', async (a) => changeCommitment(db, a, await create(a, { rhythm: 'weekdays', weekdays: [5] }, monday), { title: 'x', why: 'x', reason: null, rhythm: 'weekly', weekdays: [] }, tuesday)],
			['started-last-month', (a) => create(a, { rhythm: 'daily', startsOn: '2025-12-20' }, monday)],
			['one-of-two-recorded', async (a) => {
				await create(a, { rhythm: 'daily' }, monday);
				await recordCheckIn(db, a, await create(a, { rhythm: 'daily' }, monday), { day: '2026-01-21', outcome: 'kept', note: null }, wednesday);
			}],
			['nothing', async () => undefined]
		];
		async function create(actor: Actor, rhythm: { rhythm: 'daily' | 'weekdays' | 'weekly'; weekdays?: number[]; startsOn?: string }, at: Date) {
			const { id } = await createCommitment(db, actor, { title: 'x', why: 'x', weekdays: [], share: false, ...rhythm }, undefined, at);
			return id as string;
		}
		const expected: string[] = [];
		for (const [name, setUp] of cases) {
			const id = `ck-${name}`;
			await db.insert(users).values({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() });
			await savePreferences(db, id, { ...DEFAULT_PREFERENCES, choices: { 'check-in': { push: true } } });
			await setUp({ userId: id, coupleId: null });
			if ((await dueNow(db, { userId: id, coupleId: null }, evening)).some((d) => !d.recorded)) expected.push(id);
		}
		// The cases cover both answers.
		expect(expected).toEqual(['ck-daily', 'ck-daily-yesterday-only', 'ck-weekdays-wednesday', 'ck-weekly', 'ck-weekly-recorded-last-week', 'ck-changed-to-weekly-tuesday', 'ck-started-last-month', 'ck-one-of-two-recorded']);
		await createDueReminders(db, evening);
		const made = (await db.select().from(notificationOutbox)).filter((r) => r.dedupeKey === 'check-in:2026-01-21' && r.userId.startsWith('ck-'));
		expect(made.map((r) => r.userId).sort()).toEqual([...expected].sort());
		expect(made.every((r) => r.dueAt.toISOString() === '2026-01-21T17:00:00.000Z')).toBe(true);
	});

	it('finds the hour slots that began in the last 12 hours by each slot’s own zone, across a change to summer time', () => {
		const slots = [
			{ weekday: 7, time: '02:30', time_zone: 'Europe/Amsterdam' }, // Sunday 29 March 2026: 02:30 does not exist there
			{ weekday: 7, time: '09:00', time_zone: 'Europe/Amsterdam' },
			{ weekday: 7, time: '09:00', time_zone: 'America/New_York' },
			{ weekday: 6, time: '23:00', time_zone: 'Europe/Amsterdam' }, // 9.5 hours before: still due
			{ weekday: 6, time: '19:00', time_zone: 'Europe/Amsterdam' } // 13.5 hours before: past
		];
		// Sunday 29 March 2026, 09:30 in Amsterdam (summer time since 02:00).
		const due = dueSlots(slots, new Date('2026-03-29T07:30:00Z'));
		expect(due.map((d) => [d.zone, d.weekday, d.time, d.day, d.start])).toEqual([
			['Europe/Amsterdam', 7, '02:30', '2026-03-29', '2026-03-29T01:30:00.000Z'],
			['Europe/Amsterdam', 7, '09:00', '2026-03-29', '2026-03-29T07:00:00.000Z'],
			['Europe/Amsterdam', 6, '23:00', '2026-03-28', '2026-03-28T22:00:00.000Z']
		]);
		expect(due.every((d) => d.week === '2026-03-23')).toBe(true);
		// A zone this runtime does not know makes no reminder and stops none of the others.
		expect(dueSlots([{ weekday: 7, time: '09:00', time_zone: 'Nowhere/Atlantis' }, ...slots], new Date('2026-03-29T07:30:00Z'))).toHaveLength(3);
	});
});
