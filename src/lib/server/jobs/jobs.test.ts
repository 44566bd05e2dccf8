import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { collectingSmtpServer } from '../../../../tests/setup/smtp';
import { decodeQuotedPrintable } from '../../../../tests/setup/eml';
import { signUp } from '../auth/accounts';
import { requestPasswordResetMail } from '../auth/password-reset-mail';
import { createInvitation, emailInvitation, openInvitationOf, revokeInvitation } from '../couple/invitations';
import { drainJobs, enqueue, RETRY_LIMIT } from '.';
import { notify } from '../notifications/notify';
import { DEFAULT_PREFERENCES, savePreferences } from '../notifications/preferences';

// The SMTP server refuses the first two attempts, as a mail server that is briefly down would.
const smtp = await collectingSmtpServer({ refuse: 2, refusal: 'mailbox kim@example.org busy, try again' });
// Read once, at the first getEnv(): this file's own process environment.
process.env.SMTP_URL = smtp.url;

type JobRow = { name: string; state: string; retry_count: number; data: string; output: string | null };

describe(`jobs on pg-boss (${databaseKind})`, () => {
	const database = useAppDatabase({ jobs: { retryDelaySeconds: 1, retryBackoff: false } });
	const jobs = async (name: string) =>
		((await database().execute(sql`select name, state::text, retry_count, data::text, output::text from pgboss.job where name = ${name} order by created_on`)) as unknown as { rows: JobRow[] }).rows;
	afterAll(() => smtp.close());
	/** How many rows of pg-boss's job table and archive hold this text anywhere. */
	const leftBehind = async (text: string) => {
		const like = `%${text}%`;
		const { rows } = (await database().execute(
			sql`select (select count(*) from pgboss.job j where j::text like ${like}) + (select count(*) from pgboss.archive a where a::text like ${like}) as n`
		)) as unknown as { rows: { n: number }[] };
		return Number(rows[0]?.n ?? 0);
	};

	it('sends a mail from a job, trying again while the mail server refuses, keeping neither address nor error text', async () => {
		const { userId } = await signUp(database(), { email: 'kim@example.org', password: 'a quiet morning walk', displayName: 'Kim', locale: 'en' });
		await enqueue('mail.password-reset', { userId, locale: 'nl' });
		// While it waits for a retry, the job table holds the failure by type only.
		for (let i = 0; i < 400 && !(await jobs('mail.password-reset')).some((j) => j.retry_count > 0); i++) await new Promise((r) => setTimeout(r, 25));
		const retrying = (await jobs('mail.password-reset'))[0];
		expect(retrying.retry_count).toBeGreaterThan(0);
		expect(retrying.output ?? '').not.toContain('kim@example.org');
		expect(retrying.output ?? '').not.toContain('busy');
		await drainJobs();
		expect(smtp.attempts()).toBe(3);
		expect(smtp.accepted).toHaveLength(1);
		const mail = decodeQuotedPrintable(smtp.accepted[0]);
		expect(mail).toContain('To: kim@example.org');
		// Built in the account's language, with a link to the configured origin.
		expect(mail).toMatch(/\/en\/reset-password\?token=[\w-]+/);
		const [done] = await jobs('mail.password-reset');
		expect(done).toMatchObject({ state: 'completed', retry_count: 2 });
	});

	it('queues the same job for a known and an unknown address, with no address in it', async () => {
		const before = (await jobs('mail.password-reset')).length;
		await requestPasswordResetMail(database(), { email: 'kim@example.org', address: '192.0.2.1', locale: 'nl' });
		await requestPasswordResetMail(database(), { email: 'nobody@example.org', address: '192.0.2.1', locale: 'nl' });
		const queued = (await jobs('mail.password-reset')).slice(before);
		expect(queued).toHaveLength(2);
		for (const job of queued) expect(job.data).not.toContain('@');
		expect(JSON.parse(queued[1].data)).toEqual({ userId: null, locale: 'nl' });
		await drainJobs();
		// Only the known address got a mail.
		expect(smtp.accepted).toHaveLength(2);
		expect(smtp.accepted.some((raw) => raw.includes('nobody@example.org'))).toBe(false);
	});

	it('keeps one job per singleton key, and leaves a job due later alone', async () => {
		const later = new Date(Date.now() + 60 * 60_000);
		await enqueue('housekeeping', {}, { singletonKey: 'tonight', startAfter: later });
		await enqueue('housekeeping', {}, { singletonKey: 'tonight', startAfter: later });
		await drainJobs();
		const waiting = (await jobs('housekeeping')).filter((j) => j.state === 'created');
		expect(waiting).toHaveLength(1);
	});

	it('runs housekeeping now when asked, and daily by schedule', async () => {
		await enqueue('housekeeping', {});
		await drainJobs();
		expect((await jobs('housekeeping')).filter((j) => j.state === 'completed')).toHaveLength(1);
		const schedule = (await database().execute(sql`select name, cron, timezone from pgboss.schedule order by name`)) as unknown as { rows: unknown[] };
		expect(schedule.rows).toEqual([
			{ name: 'housekeeping', cron: '17 3 * * *', timezone: 'UTC' },
			// Notifications (src/lib/server/notifications/jobs.ts): reminders and delivery, every minute.
			{ name: 'notifications.tick', cron: '* * * * *', timezone: 'UTC' }
		]);
	});

	it('e-mails an invitation from a job, and not once the link is revoked', async () => {
		const { userId } = await signUp(database(), { email: 'ina@example.org', password: 'a quiet morning walk', displayName: 'Ina', locale: 'nl' });
		const before = smtp.accepted.length;
		// As the together page does it.
		const first = await createInvitation(database(), userId);
		await emailInvitation(database(), userId, first.token, (invitationId) => enqueue('mail.invitation', { invitationId, to: 'partner@example.org', token: first.token, locale: 'en' }));
		await drainJobs();
		expect(smtp.accepted).toHaveLength(before + 1);
		const mail = decodeQuotedPrintable(smtp.accepted[before]);
		expect(mail).toContain('To: partner@example.org');
		expect(mail).toContain(`/en/invite/${first.token}`);
		expect(mail).toContain('Ina');
		// Revoked before the job ran: nothing goes out.
		const second = await createInvitation(database(), userId);
		await emailInvitation(database(), userId, second.token, (invitationId) =>
			enqueue('mail.invitation', { invitationId, to: 'partner@example.org', token: second.token, locale: 'en' }, { startAfter: new Date(Date.now() + 1000) })
		);
		await revokeInvitation(database(), userId);
		// Once it is due, the worker takes it and finds the link revoked.
		for (let i = 0; i < 400 && (await jobs('mail.invitation')).length > 0; i++) await new Promise((r) => setTimeout(r, 25));
		expect(smtp.accepted).toHaveLength(before + 1);
		// Done, the jobs leave no usable token and no address behind (decision 017).
		await expect(leftBehind(first.token)).resolves.toBe(0);
		await expect(leftBehind(second.token)).resolves.toBe(0);
		await expect(leftBehind('partner@example.org')).resolves.toBe(0);
	});

	it('forgets an invitation mail that fails for good, and lets the person e-mail the invitation again', async () => {
		const { userId } = await signUp(database(), { email: 'ivo@example.org', password: 'a quiet morning walk', displayName: 'Ivo', locale: 'nl' });
		const invitation = await createInvitation(database(), userId);
		const refusedBefore = smtp.attempts();
		// Every try refused: the first and RETRY_LIMIT more.
		smtp.refuseNext(RETRY_LIMIT + 1);
		await emailInvitation(database(), userId, invitation.token, (invitationId) => enqueue('mail.invitation', { invitationId, to: 'away@example.org', token: invitation.token, locale: 'en' }));
		await drainJobs(120_000);
		expect(smtp.attempts() - refusedBefore).toBe(RETRY_LIMIT + 1);
		await expect(leftBehind(invitation.token)).resolves.toBe(0);
		await expect(leftBehind('away@example.org')).resolves.toBe(0);
		// Not e-mailed after all: the page says so, and the same link may be e-mailed again.
		const open = await openInvitationOf(database(), userId);
		expect(open).toMatchObject({ emailedAt: null });
		expect(open?.mailFailedAt).toBeInstanceOf(Date);
		const before = smtp.accepted.length;
		await emailInvitation(database(), userId, invitation.token, (invitationId) => enqueue('mail.invitation', { invitationId, to: 'back@example.org', token: invitation.token, locale: 'en' }));
		await drainJobs();
		expect(smtp.accepted).toHaveLength(before + 1);
		expect(await openInvitationOf(database(), userId)).toMatchObject({ mailFailedAt: null });
	}, 150_000);

	it('runs the notifications’ tick as a job: a due notice goes out once, however often it runs', async () => {
		const { userId } = await signUp(database(), { email: 'tick@example.org', password: 'a quiet morning walk', displayName: 'Tia', locale: 'nl' });
		await savePreferences(database(), userId, { ...DEFAULT_PREFERENCES, choices: { letter: { email: true } } });
		await notify(database(), { userId, kind: 'letter', dedupeKey: 'tick-test', dueAt: new Date(Date.now() - 1000) });
		const before = smtp.accepted.length;
		await enqueue('notifications.tick', {});
		await drainJobs();
		await enqueue('notifications.tick', {});
		await drainJobs();
		const mails = smtp.accepted.slice(before).map(decodeQuotedPrintable).filter((mail) => mail.includes('To: tick@example.org'));
		expect(mails).toHaveLength(1);
		expect(mails[0]).toContain('Subject: Je hebt een nieuw bericht in Herstelpad');
	});
});
