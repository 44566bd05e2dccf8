import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { collectingSmtpServer } from '../../../../tests/setup/smtp';
import { decodeQuotedPrintable, findLink } from '../../../../tests/setup/eml';
import type { Database } from '../db';
import { bookletSignups, bookletTokens } from '../db/schema';
import { drainJobs } from '../jobs';
import { hashToken } from '../security/tokens';
import {
	MAIL_LIMIT,
	REQUEST_LIMIT,
	bookletCounts,
	bookletLink,
	confirmBooklet,
	confirmedSignupsCsv,
	deleteBookletSignup,
	mayDownload,
	purgeUnconfirmed,
	sendBookletConfirmation,
	signUpForBooklet,
	unsubscribeBooklet
} from './signups';

// The real queue and the app's own mailer, talking SMTP to a mail server in this process.
const smtp = await collectingSmtpServer();
// Read once, at the first getEnv(): this file's own process environment.
process.env.SMTP_URL = smtp.url;
process.env.ORIGIN = 'https://herstelpad.example';

const ORIGIN = 'https://herstelpad.example';
const linkPattern = (path: string) => new RegExp(`${ORIGIN}(/en)?${path}\\?token=[\\w-]+`);
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
/** The messages that went to one address, oldest first (after the queued jobs have run). */
const mailsTo = (to: string) => smtp.accepted.filter((raw) => raw.match(/^To: (.+)$/m)?.[1].trim() === to).map((raw) => ({ raw }));
const admin = { userId: 'admin', coupleId: null, isAdmin: true };

describe(`booklet sign-ups (${databaseKind})`, () => {
	const database = useAppDatabase({ jobs: true });
	let db: Database;
	let address = 0;
	/** Each test its own requester address, so the per-requester limit is only met where meant. */
	const requester = () => `198.51.100.${++address}`;

	/** Signs up as the booklet page does, then lets the queue send the mail. */
	const signUp = async (input: Parameters<typeof signUpForBooklet>[1], now?: Date) => {
		await signUpForBooklet(db, input, now);
		await drainJobs();
	};

	beforeAll(() => {
		db = database();
	});
	afterAll(() => smtp.close());

	it('mails a neutral confirmation in the sign-up’s language; the download works only after confirming', async () => {
		await signUp({ email: 'noor@example.org', locale: 'nl', wantsUpdates: false, address: requester() });
		const [mail] = mailsTo('noor@example.org');
		expect(mail.raw).toContain('Subject: Bevestig je aanvraag');
		const body = decodeQuotedPrintable(mail.raw);
		expect(body).toContain('9 valkuilen bij relatieherstel');
		const confirm = findLink(mail.raw, linkPattern('/booklet/confirm'))!;
		const unsubscribe = findLink(mail.raw, linkPattern('/booklet/unsubscribe'))!;
		// Long headers are folded onto continuation lines; unfold before reading.
		expect(mail.raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(/^List-Unsubscribe: <https:\/\/herstelpad\.example\/booklet\/unsubscribe\?token=/m);

		expect(await bookletLink(db, tokenOf(confirm))).toEqual({ valid: true, confirmed: false, locale: 'nl' });
		expect(await mayDownload(db, tokenOf(confirm))).toBe(false);
		await confirmBooklet(db, tokenOf(confirm));
		expect(await mayDownload(db, tokenOf(confirm))).toBe(true);
		expect(await mayDownload(db, tokenOf(unsubscribe))).toBe(true);
		expect(await mayDownload(db, 'not-a-token-of-ours-at-all-000000')).toBe(false);
	});

	it('takes a second sign-up without a duplicate: a new mail whose links work beside the old ones, the e-mail choice added on confirming', async () => {
		const email = 'sam@example.org';
		await signUp({ email, locale: 'en', wantsUpdates: false, address: requester() });
		const first = tokenOf(findLink(mailsTo(email)[0].raw, linkPattern('/booklet/confirm'))!);
		expect(mailsTo(email)[0].raw).toContain('Subject: Confirm your request');
		await confirmBooklet(db, first);
		await signUp({ email, locale: 'nl', wantsUpdates: true, address: requester() });
		expect(mailsTo(email)).toHaveLength(2);
		expect(mailsTo(email)[1].raw).toContain('Subject: Bevestig je aanvraag');
		const second = tokenOf(findLink(mailsTo(email)[1].raw, linkPattern('/booklet/confirm'))!);
		expect(second).not.toBe(first);
		expect(await db.select().from(bookletSignups).where(eq(bookletSignups.email, email))).toHaveLength(1);
		// Still confirmed from the first time; the old link keeps working.
		expect(await mayDownload(db, first)).toBe(true);
		await confirmBooklet(db, second);
		const [row] = await db.select().from(bookletSignups).where(eq(bookletSignups.email, email));
		expect(row).toMatchObject({ wantsUpdates: true, locale: 'nl' });
		// A later sign-up without the box ticked does not take the choice away; unsubscribing does.
		await signUp({ email, locale: 'nl', wantsUpdates: false, address: requester() });
		await confirmBooklet(db, tokenOf(findLink(mailsTo(email)[2].raw, linkPattern('/booklet/confirm'))!));
		expect((await db.select().from(bookletSignups).where(eq(bookletSignups.email, email)))[0].wantsUpdates).toBe(true);
	});

	it('mails one address at most a few times an hour, answering the same; a requester over its limit is told to wait', async () => {
		const email = 'flood@example.org';
		const from = requester();
		for (let i = 0; i < MAIL_LIMIT.max + 2; i++) {
			await signUp({ email, locale: 'nl', wantsUpdates: false, address: from });
		}
		expect(mailsTo(email)).toHaveLength(MAIL_LIMIT.max);
		for (let i = MAIL_LIMIT.max + 2; i < REQUEST_LIMIT.max; i++) await signUp({ email: `other${i}@example.org`, locale: 'nl', wantsUpdates: false, address: from });
		await expect(signUpForBooklet(db, { email: 'late@example.org', locale: 'nl', wantsUpdates: false, address: from })).rejects.toThrow('too_many_attempts');
		expect(await db.select().from(bookletSignups).where(eq(bookletSignups.email, 'late@example.org'))).toEqual([]);
	});

	it('queues the same job for a new, a known and an over-its-limit address, holding neither the address nor the link', async () => {
		type JobRow = { data: string };
		const queued = async () =>
			((await db.execute(sql`select data::text from pgboss.job where name = 'mail.booklet-confirm' union all select data::text from pgboss.archive where name = 'mail.booklet-confirm'`)) as unknown as { rows: JobRow[] }).rows;
		const before = await queued();
		// flood@ is over its mail limit (the test above); jobs@ is new, then known.
		for (const email of ['jobs@example.org', 'jobs@example.org', 'flood@example.org']) await signUpForBooklet(db, { email, locale: 'en', wantsUpdates: true, address: requester() });
		await drainJobs();
		const jobs = await queued();
		expect(jobs).toHaveLength(before.length + 3);
		const [signup] = await db.select({ id: bookletSignups.id }).from(bookletSignups).where(eq(bookletSignups.email, 'jobs@example.org'));
		const payloads = jobs.map((j) => JSON.parse(j.data));
		expect(payloads.filter((p) => p.signupId === signup.id)).toEqual([
			{ signupId: signup.id, locale: 'en', wantsUpdates: true },
			{ signupId: signup.id, locale: 'en', wantsUpdates: true }
		]);
		expect(payloads).toContainEqual({ signupId: null, locale: 'en', wantsUpdates: true });
		expect(mailsTo('flood@example.org')).toHaveLength(MAIL_LIMIT.max);
		// Each mail's link is stored only as its hash; no job (waiting or done) holds it or any address.
		const mails = mailsTo('jobs@example.org');
		expect(mails).toHaveLength(2);
		const tokens = mails.map((m) => tokenOf(findLink(m.raw, linkPattern('/booklet/confirm'))!));
		const stored = (await db.select({ tokenHash: bookletTokens.tokenHash }).from(bookletTokens).where(eq(bookletTokens.signupId, signup.id))).map((r) => r.tokenHash);
		expect(stored.sort()).toEqual(tokens.map(hashToken).sort());
		for (const job of jobs) {
			expect(job.data).not.toContain('@');
			for (const token of tokens) expect(job.data).not.toContain(token);
		}
	});

	it('sends nothing for a job whose sign-up is gone, and rejects a failed delivery so the queue tries again', async () => {
		const linkTo = () => `${ORIGIN}/booklet/confirm?token=x`;
		const broken = { send: () => Promise.reject(new Error('connection refused')) };
		await sendBookletConfirmation(db, { signupId: null, locale: 'nl', wantsUpdates: false }, { mailer: broken, linkTo });
		await sendBookletConfirmation(db, { signupId: 'no-such-signup', locale: 'nl', wantsUpdates: false }, { mailer: broken, linkTo });
		const [signup] = await db.select({ id: bookletSignups.id }).from(bookletSignups).where(eq(bookletSignups.email, 'jobs@example.org'));
		await expect(sendBookletConfirmation(db, { signupId: signup.id, locale: 'nl', wantsUpdates: false }, { mailer: broken, linkTo })).rejects.toThrow('connection refused');
	});

	it('deletes the address and every link on unsubscribing; the link then leads nowhere', async () => {
		const email = 'leave@example.org';
		await signUp({ email, locale: 'nl', wantsUpdates: true, address: requester() });
		const token = tokenOf(findLink(mailsTo(email)[0].raw, linkPattern('/booklet/unsubscribe'))!);
		await confirmBooklet(db, token);
		await unsubscribeBooklet(db, token);
		expect(await db.select().from(bookletSignups).where(eq(bookletSignups.email, email))).toEqual([]);
		expect(await bookletLink(db, token)).toEqual({ valid: false });
		await expect(unsubscribeBooklet(db, token)).rejects.toThrow('booklet_link_invalid');
		await expect(confirmBooklet(db, token)).rejects.toThrow('booklet_link_invalid');
	});

	it('forgets unconfirmed addresses after seven days, and keeps confirmed ones', async () => {
		const then = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
		await signUp({ email: 'never@example.org', locale: 'nl', wantsUpdates: false, address: requester() }, then);
		const before = (await db.select().from(bookletTokens)).length;
		expect(await purgeUnconfirmed(db)).toBeGreaterThanOrEqual(1);
		expect(await db.select().from(bookletSignups).where(eq(bookletSignups.email, 'never@example.org'))).toEqual([]);
		expect((await db.select().from(bookletTokens)).length).toBeLessThan(before);
		expect(await db.select().from(bookletSignups).where(eq(bookletSignups.email, 'noor@example.org'))).toHaveLength(1);
	});

	it('gives the admin counts, a CSV of confirmed addresses only (formulas defused), and deletion', async () => {
		await signUp({ email: '=cmd@example.org', locale: 'en', wantsUpdates: false, address: requester() });
		await confirmBooklet(db, tokenOf(findLink(mailsTo('=cmd@example.org')[0].raw, linkPattern('/booklet/confirm'))!));
		const counts = await bookletCounts(db, admin);
		expect(counts).toMatchObject({ confirmed: 3, updates: 1, confirmedNl: 2, confirmedEn: 1 });
		expect(counts.pending).toBe(counts.total - 3);
		const csv = await confirmedSignupsCsv(db, admin);
		const lines = csv.trim().split('\r\n');
		expect(lines[0]).toBe('email,language,occasional_emails,confirmed_at');
		expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['noor@example.org,nl,no', 'sam@example.org,nl,yes', "'=cmd@example.org,en,no"]);
		expect(csv).not.toContain('flood@example.org');
		expect(await deleteBookletSignup(db, admin, 'sam@example.org')).toBe(true);
		expect(await deleteBookletSignup(db, admin, 'sam@example.org')).toBe(false);
		expect((await bookletCounts(db, admin)).confirmed).toBe(2);
	});

	it('lets only administrators see the counts, the list or delete, whoever else asks', async () => {
		const person = { userId: 'someone', coupleId: null, isAdmin: false };
		await expect(bookletCounts(db, person)).rejects.toThrow('not_found');
		await expect(confirmedSignupsCsv(db, person)).rejects.toThrow('not_found');
		await expect(deleteBookletSignup(db, person, 'noor@example.org')).rejects.toThrow('not_found');
		expect((await bookletCounts(db, admin)).confirmed).toBe(2);
	});
});
