import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { eq } from 'drizzle-orm';
import { passwordResetTokens, users } from '../db/schema';
import { createMailer } from '../mail/mailer';
import { decodeQuotedPrintable } from '../../../../tests/setup/eml';
import { holdingSmtpServer } from '../../../../tests/setup/smtp';
import { signUp } from './accounts';
import { sendPasswordResetMail } from './password-reset-mail';

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

	it('sends the job’s mail to the account, in its language, with a new single-use token', async () => {
		const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'known@example.org'));
		const tokensBefore = (await db.select().from(passwordResetTokens)).length;
		const sending = sendPasswordResetMail(db, { userId: user.id, locale: 'nl' }, { mailer, linkTo });
		await smtp.waitUntilStarted(1);
		smtp.release();
		await sending;
		expect(smtp.delivered).toHaveLength(1);
		const body = decodeQuotedPrintable(smtp.delivered[0]);
		// In the account's language, with the link built from configuration.
		expect(body).toMatch(/https:\/\/herstelpad\.example\/en\/reset-password\?token=[A-Za-z0-9_-]+/);
		expect(body).toContain('Reset your password');
		expect(body).toContain('To: known@example.org');
		expect(await db.select().from(passwordResetTokens)).toHaveLength(tokensBefore + 1);
	});

	it('sends nothing for a job without an account', async () => {
		await sendPasswordResetMail(db, { userId: null, locale: 'nl' }, { mailer, linkTo });
		await sendPasswordResetMail(db, { userId: 'no-such-user', locale: 'nl' }, { mailer, linkTo });
		expect(smtp.started).toHaveLength(1);
	});

	it('rejects when delivery fails, so the queue tries again', async () => {
		const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'known@example.org'));
		const broken = { send: () => Promise.reject(new Error('connection refused')) };
		await expect(sendPasswordResetMail(db, { userId: user.id, locale: 'nl' }, { mailer: broken, linkTo })).rejects.toThrow('connection refused');
	});
});
