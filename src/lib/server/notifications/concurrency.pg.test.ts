import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind } from '../../../../tests/setup/test-db';
import { testDatabaseUrl } from '../../../../tests/setup/second-process';
import { openDatabase, type DatabaseHandle } from '../db';
import { hourSlots, notificationOutbox, users } from '../db/schema';
import { newId } from '../security/tokens';
import { notify } from './notify';
import { deliverDue, type Senders } from './outbox';
import { notificationsTick } from './jobs';
import { DEFAULT_PREFERENCES, savePreferences } from './preferences';

// Runs only with TEST_DATABASE_URL (vite.config.ts): two connection pools on one PostgreSQL
// database stand for two app processes, each running the minute's tick.

describe(`notifications delivered by two processes at once (${databaseKind})`, () => {
	let first: DatabaseHandle;
	let second: DatabaseHandle;
	const mails: string[] = [];
	// A mail server that takes a moment, so both processes are busy at once.
	const senders: Senders = {
		mail: { send: async (to) => void (await new Promise((resolve) => setTimeout(resolve, 5)), mails.push(to)) },
		push: async () => 'sent'
	};
	const count = (to: string) => mails.filter((m) => m === to).length;

	beforeAll(async () => {
		first = await createTestDatabase();
		second = await openDatabase({ kind: 'postgres', url: await testDatabaseUrl(first.db) });
	});
	afterAll(async () => {
		await second?.close();
		await first?.close();
	});

	async function person(id: string, choices: Parameters<typeof savePreferences>[2]['choices'], weeklyMax = 3) {
		await first.db.insert(users).values({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() });
		await savePreferences(first.db, id, { ...DEFAULT_PREFERENCES, choices, weeklyMax });
	}

	it('never lets more than the weekly maximum through, however two processes split one person’s notices', async () => {
		const at = new Date('2026-02-02T10:00:00Z');
		for (let round = 0; round < 10; round++) {
			const id = `wm-${round}`;
			await person(id, { letter: { email: true } }, 2);
			for (let i = 0; i < 6; i++) await notify(first.db, { userId: id, kind: 'letter', dedupeKey: `wm-${round}-${i}`, dueAt: at }, at);
			// Each process takes three of the six; both count the week at the same moment.
			const reports = await Promise.all([deliverDue(first.db, at, senders, 3), deliverDue(second.db, at, senders, 3)]);
			expect(reports.map((r) => r.sent + r.dropped)).toEqual([3, 3]);
			expect(count(`${id}@example.org`)).toBe(2);
			const rows = (await first.db.select().from(notificationOutbox)).filter((r) => r.userId === id);
			expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
			expect(rows.filter((r) => r.status === 'dropped').map((r) => r.reason)).toEqual(Array(4).fill('weekly-max'));
		}
	});

	it('makes each due reminder once and sends each notice once while two processes tick side by side', async () => {
		const ids = Array.from({ length: 30 }, (_, i) => `tw-${i}`);
		for (const id of ids) {
			await person(id, { hour: { email: true }, letter: { email: true } });
			await first.db.insert(hourSlots).values({ id: newId(), userId: id, weekday: 3, time: '20:30', timeZone: 'Europe/Amsterdam' });
		}
		// Wednesday 18 February 2026, 20:31 in Amsterdam: everyone's hour began a minute ago, and each has a letter waiting.
		const at = new Date('2026-02-18T19:31:00Z');
		for (const id of ids) await notify(first.db, { userId: id, kind: 'letter', dedupeKey: `tw-letter-${id}`, dueAt: at }, at);
		const before = mails.length;
		await Promise.all([notificationsTick(first.db, at, senders), notificationsTick(second.db, at, senders), notificationsTick(first.db, at, senders)]);
		const rows = (await first.db.select().from(notificationOutbox)).filter((r) => r.userId.startsWith('tw-'));
		expect(rows.filter((r) => r.kind === 'hour')).toHaveLength(30);
		expect(rows.every((r) => r.status === 'sent')).toBe(true);
		expect(mails.length - before).toBe(60);
		for (const id of ids) expect(count(`${id}@example.org`)).toBe(2);
	});
});
