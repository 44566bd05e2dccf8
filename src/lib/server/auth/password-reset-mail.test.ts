import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { passwordResetTokens } from '../db/schema';
import { createMailer } from '../mail/mailer';
import { decodeQuotedPrintable } from '../../../../tests/setup/eml';
import { holdingSmtpServer } from '../../../../tests/setup/smtp';
import { signUp } from './accounts';
import { mailPasswordReset } from './password-reset-mail';

describe(`password reset mail (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const smtp = holdingSmtpServer();
	let mailer: ReturnType<typeof createMailer>;
	const linkTo = (token: string, locale: 'nl' | 'en') => `https://herstelpad.example${locale === 'en' ? '/en' : ''}/reset-password?token=${token}`;

	beforeAll(async () => {
		db = database();
		await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve));
		const port = (smtp.server.server.address() as AddressInfo).port;
		mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Herstelpad <no-reply@example.org>', outboxDir: '/nonexistent' });
		await signUp(db, { email: 'known@example.org', password: 'a quiet morning walk', displayName: 'Kim', locale: 'en' });
	});
	afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

	it('answers a known address before the mail server has accepted the message', async () => {
		const { delivery } = await mailPasswordReset(db, { email: 'known@example.org', address: '10.0.0.1', locale: 'nl' }, { mailer, linkTo });
		// Answered; the message is not delivered yet (the server holds it).
		expect(smtp.delivered).toHaveLength(0);
		await smtp.waitUntilStarted(1);
		smtp.release();
		await delivery;
		expect(smtp.delivered).toHaveLength(1);
		const body = decodeQuotedPrintable(smtp.delivered[0]);
		// In the account's language, with the link built from configuration.
		expect(body).toMatch(/https:\/\/herstelpad\.example\/en\/reset-password\?token=[A-Za-z0-9_-]+/);
		expect(body).toContain('Reset your password');
	});

	it('does the same kinds of work for an unknown address, and sends nothing', async () => {
		const tokensBefore = (await db.select().from(passwordResetTokens)).length;
		const links: string[] = [];
		const { delivery } = await mailPasswordReset(
			db,
			{ email: 'nobody@example.org', address: '10.0.0.2', locale: 'nl' },
			{ mailer, linkTo: (token, locale) => (links.push(token), linkTo(token, locale)) }
		);
		await delivery;
		// A token was made and a mail rendered, as for a real account, but nothing stored or sent.
		expect(links).toHaveLength(1);
		expect(links[0]).toMatch(/^[A-Za-z0-9_-]{40,}$/);
		expect(await db.select().from(passwordResetTokens)).toHaveLength(tokensBefore);
		expect(smtp.started).toHaveLength(1);
	});

	it('never rejects when delivery fails; the caller has already answered', async () => {
		const broken = { send: () => Promise.reject(new Error('connection refused')) };
		const { delivery } = await mailPasswordReset(db, { email: 'known@example.org', address: '10.0.0.3', locale: 'nl' }, { mailer: broken, linkTo });
		await expect(delivery).resolves.toBeUndefined();
	});
});
