import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { createTestDatabase, databaseKind } from '../../../../tests/setup/test-db';
import { collectingSmtpServer } from '../../../../tests/setup/smtp';
import { testDatabaseUrl } from '../../../../tests/setup/second-process';
import type { DatabaseHandle } from '../db';
import { signUp } from '../auth/accounts';
import { createInvitation, emailInvitation } from '../couple/invitations';
import { setHourSlot } from '../hour/hour';
import { DEFAULT_PREFERENCES, savePreferences } from '../notifications/preferences';
import { localClock } from '../notifications/quiet-hours';
import { enqueue, startJobs, stopJobs } from '.';

// Runs only with TEST_DATABASE_URL (vite.config.ts): two processes cannot share one PGlite.

/** Each address a message went to, as often as it went there. */
function recipients(messages: string[]) {
	const count = new Map<string, number>();
	for (const raw of messages) {
		const to = raw.match(/^To: (.+)$/m)?.[1].trim() ?? '?';
		count.set(to, (count.get(to) ?? 0) + 1);
	}
	return count;
}

describe(`jobs in two app processes on one database (${databaseKind})`, () => {
	let handle: DatabaseHandle;
	let smtp: Awaited<ReturnType<typeof collectingSmtpServer>>;
	let databaseUrl: string;
	let invitationId = '';
	let token = '';
	const running = new Set<ChildProcess>();

	/** A separate Node process running the real jobs code (tests/setup/jobs-process.ts); resolves once it is ready. */
	function startProcess(url = databaseUrl): Promise<ChildProcess> {
		const child = spawn(process.execPath, ['--import', 'tsx', 'tests/setup/jobs-process.ts'], {
			env: { ...process.env, DATABASE_URL: url, SMTP_URL: smtp.url, LOG_LEVEL: 'error', NODE_ENV: 'test' },
			stdio: ['ignore', 'pipe', 'inherit']
		});
		running.add(child);
		child.once('exit', () => running.delete(child));
		return new Promise((resolve, reject) => {
			child.stdout!.on('data', (chunk: Buffer) => {
				if (chunk.toString().includes('ready')) resolve(child);
			});
			child.once('exit', (code) => reject(new Error(`jobs process exited early (${code})`)));
		});
	}

	/** Stops `child` as a service manager does; resolves with its exit code, or the signal that ended it. */
	function stopProcess(child: ChildProcess): Promise<number | NodeJS.Signals | null> {
		return new Promise((resolve) => {
			child.once('exit', (code, signal) => resolve(code ?? signal));
			child.kill('SIGTERM');
		});
	}

	const invite = (to: string, startAfter?: Date) => enqueue('mail.invitation', { invitationId, to, token, locale: 'nl' }, startAfter ? { startAfter } : {});

	beforeAll(async () => {
		handle = await createTestDatabase();
		smtp = await collectingSmtpServer();
		databaseUrl = await testDatabaseUrl(handle.db);
		// This test process only queues, as a web process could; the two child processes work.
		await startJobs(handle, { work: false });
		const { userId } = await signUp(handle.db, { email: 'ina@example.org', password: 'a quiet morning walk', displayName: 'Ina', locale: 'nl' });
		token = (await createInvitation(handle.db, userId)).token;
		await emailInvitation(handle.db, userId, token, async (id) => void (invitationId = id));
	});

	afterAll(async () => {
		for (const child of running) await stopProcess(child);
		await stopJobs();
		await handle?.close();
		await smtp?.close();
	});

	it('starts two processes together on a database whose queues do not exist yet', async () => {
		// The queues are made at the first start: two servers starting at once after an install or an
		// upgrade once deadlocked there, and one of them exited.
		const fresh = await createTestDatabase();
		try {
			const url = await testDatabaseUrl(fresh.db);
			const both = await Promise.all([startProcess(url), startProcess(url)]);
			const { rows } = (await fresh.db.execute(sql`select name from pgboss.queue order by name`)) as unknown as { rows: { name: string }[] };
			// pg-boss keeps queues of its own (`__pgboss__…`) beside the app's.
			expect(rows.map((r) => r.name).filter((name) => !name.startsWith('__pgboss'))).toEqual(['housekeeping', 'mail.booklet-confirm', 'mail.comment-published', 'mail.invitation', 'mail.password-reset', 'notifications.tick']);
			// Both started, which is what this test is about (a deadlock made one exit during start-up).
			// Stopping is checked in the tests below; stopped this soon after a first start, one process
			// once ended by the signal itself in CI, not yet explained (stop 28's note).
			await Promise.all(both.map(stopProcess));
		} finally {
			await fresh.close();
		}
	});

	it('handles each of 50 jobs exactly once, due ones and ones due a moment later', async () => {
		const [a, b] = await Promise.all([startProcess(), startProcess()]);
		const soon = new Date(Date.now() + 2000);
		for (let i = 0; i < 50; i++) await invite(`p${i}@example.org`, i % 5 === 0 ? soon : undefined);
		await smtp.waitFor(50);
		// Both processes are still polling; give a duplicate the chance to show before counting.
		await new Promise((resolve) => setTimeout(resolve, 2500));
		const count = recipients(smtp.accepted);
		expect(smtp.accepted).toHaveLength(50);
		for (let i = 0; i < 50; i++) expect(count.get(`p${i}@example.org`)).toBe(1);
		const { rows } = (await handle.db.execute(sql`select state::text, count(*)::int as n from pgboss.job where name = 'mail.invitation' group by state`)) as unknown as { rows: unknown[] };
		// Invitation jobs are deleted once done (decision 017): none is left.
		expect(rows).toEqual([]);
		// One schedule, however many processes registered it.
		const schedules = (await handle.db.execute(sql`select name from pgboss.schedule`)) as unknown as { rows: unknown[] };
		expect(schedules.rows).toEqual(expect.arrayContaining([{ name: 'housekeeping' }, { name: 'notifications.tick' }]));
		expect(schedules.rows).toHaveLength(2);
		expect(await Promise.all([stopProcess(a), stopProcess(b)])).toEqual([0, 0]);
	});

	it('sends a job queued before the processes stopped once a new one starts', async () => {
		const first = await startProcess();
		const before = smtp.accepted.length;
		// Due shortly: queued while a process runs, handled only after it has stopped (SIGTERM).
		await invite('after-restart@example.org', new Date(Date.now() + 1500));
		expect(await stopProcess(first)).toBe(0);
		expect(smtp.accepted).toHaveLength(before);
		await startProcess();
		await smtp.waitFor(before + 1);
		expect(recipients(smtp.accepted).get('after-restart@example.org')).toBe(1);
	});

	it('sends a reminder exactly once while two processes run the reminders’ tick side by side', async () => {
		// Someone alone whose weekly hour began two minutes ago, and who asked for it by e-mail. A
		// zone not at the turn of its week, where "this week's slot" would be the next one.
		const now = Date.now();
		const zone = ['Europe/Amsterdam', 'America/New_York', 'Asia/Tokyo'].find((z) => {
			const local = localClock(new Date(now - 2 * 60_000), z);
			const weekday = new Date(`${local.date}T00:00:00Z`).getUTCDay();
			return !(weekday === 0 && local.minutes > 23 * 60 + 50) && !(weekday === 1 && local.minutes < 10);
		})!;
		const local = localClock(new Date(now - 2 * 60_000), zone);
		const weekday = new Date(`${local.date}T00:00:00Z`).getUTCDay() || 7;
		const time = `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`;
		const { userId } = await signUp(handle.db, { email: 'hour@example.org', password: 'a quiet morning walk', displayName: 'Hu', locale: 'nl' });
		await setHourSlot(handle.db, { userId, coupleId: null, isAdmin: false }, { weekday, time, timeZone: zone });
		await savePreferences(handle.db, userId, { ...DEFAULT_PREFERENCES, choices: { hour: { email: true } } });

		await Promise.all([startProcess(), startProcess()]);
		const before = smtp.accepted.length;
		// Ticks queued together, taken by whichever process is free: each makes the due reminders and sends what is due.
		for (let i = 0; i < 6; i++) await enqueue('notifications.tick', {});
		await smtp.waitFor(before + 1);
		// Every tick has had its chance to send a second one before counting.
		for (let i = 0; i < 200; i++) {
			const { rows } = (await handle.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'notifications.tick' and state in ('created', 'retry', 'active')`)) as unknown as { rows: { n: number }[] };
			if (rows[0].n === 0) break;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(recipients(smtp.accepted.slice(before)).get('hour@example.org')).toBe(1);
	});
});
