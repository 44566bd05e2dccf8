import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { decodeQuotedPrintable, findLink } from '../../../../tests/setup/eml';
import type { Database } from '../db';
import { bookletSignups, bookletTokens } from '../db/schema';
import { createMailer } from '../mail/mailer';
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
	signUpForBooklet,
	unsubscribeBooklet
} from './signups';

/** Received over real SMTP: envelope recipient and the raw message. */
const received: { to: string; raw: string }[] = [];
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, session, callback) {
		let raw = '';
		stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
		stream.on('end', () => {
			received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
			callback();
		});
	}
});

const ORIGIN = 'https://herstelpad.example';
const linkPattern = (path: string) => new RegExp(`${ORIGIN}(/en)?${path}\\?token=[\\w-]+`);
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const mailsTo = (to: string) => received.filter((r) => r.to === to);
const admin = { userId: 'admin', coupleId: null, isAdmin: true };

describe(`booklet sign-ups (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let deps: Parameters<typeof signUpForBooklet>[2];
	let address = 0;
	/** Each test its own requester address, so the per-requester limit is only met where meant. */
	const requester = () => `198.51.100.${++address}`;

	beforeAll(async () => {
		db = database();
		await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
		const port = (smtp.server.address() as AddressInfo).port;
		deps = {
			mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Herstelpad <no-reply@herstelpad.example>', outboxDir: '/nonexistent' }),
			linkTo: (path, token, locale) => `${ORIGIN}${locale === 'en' ? '/en' : ''}${path}?token=${token}`
		};
	});
	afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

	it('mails a neutral confirmation in the sign-up’s language; the download works only after confirming', async () => {
		const { delivery } = await signUpForBooklet(db, { email: 'noor@example.org', locale: 'nl', wantsUpdates: false, address: requester() }, deps);
		await delivery;
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
		await (await signUpForBooklet(db, { email, locale: 'en', wantsUpdates: false, address: requester() }, deps)).delivery;
		const first = tokenOf(findLink(mailsTo(email)[0].raw, linkPattern('/booklet/confirm'))!);
		expect(mailsTo(email)[0].raw).toContain('Subject: Confirm your request');
		await confirmBooklet(db, first);
		await (await signUpForBooklet(db, { email, locale: 'nl', wantsUpdates: true, address: requester() }, deps)).delivery;
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
		await (await signUpForBooklet(db, { email, locale: 'nl', wantsUpdates: false, address: requester() }, deps)).delivery;
		await confirmBooklet(db, tokenOf(findLink(mailsTo(email)[2].raw, linkPattern('/booklet/confirm'))!));
		expect((await db.select().from(bookletSignups).where(eq(bookletSignups.email, email)))[0].wantsUpdates).toBe(true);
	});

	it('mails one address at most a few times an hour, answering the same; a requester over its limit is told to wait', async () => {
		const email = 'flood@example.org';
		const from = requester();
		for (let i = 0; i < MAIL_LIMIT.max + 2; i++) {
			const { delivery } = await signUpForBooklet(db, { email, locale: 'nl', wantsUpdates: false, address: from }, deps);
			await delivery;
		}
		expect(mailsTo(email)).toHaveLength(MAIL_LIMIT.max);
		for (let i = MAIL_LIMIT.max + 2; i < REQUEST_LIMIT.max; i++) await signUpForBooklet(db, { email: `other${i}@example.org`, locale: 'nl', wantsUpdates: false, address: from }, deps);
		await expect(signUpForBooklet(db, { email: 'late@example.org', locale: 'nl', wantsUpdates: false, address: from }, deps)).rejects.toThrow('too_many_attempts');
		expect(await db.select().from(bookletSignups).where(eq(bookletSignups.email, 'late@example.org'))).toEqual([]);
	});

	it('deletes the address and every link on unsubscribing; the link then leads nowhere', async () => {
		const email = 'leave@example.org';
		await (await signUpForBooklet(db, { email, locale: 'nl', wantsUpdates: true, address: requester() }, deps)).delivery;
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
		await signUpForBooklet(db, { email: 'never@example.org', locale: 'nl', wantsUpdates: false, address: requester() }, deps, then);
		const before = (await db.select().from(bookletTokens)).length;
		expect(await purgeUnconfirmed(db)).toBeGreaterThanOrEqual(1);
		expect(await db.select().from(bookletSignups).where(eq(bookletSignups.email, 'never@example.org'))).toEqual([]);
		expect((await db.select().from(bookletTokens)).length).toBeLessThan(before);
		expect(await db.select().from(bookletSignups).where(eq(bookletSignups.email, 'noor@example.org'))).toHaveLength(1);
	});

	it('gives the admin counts, a CSV of confirmed addresses only (formulas defused), and deletion', async () => {
		await (await signUpForBooklet(db, { email: '=cmd@example.org', locale: 'en', wantsUpdates: false, address: requester() }, deps)).delivery;
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
