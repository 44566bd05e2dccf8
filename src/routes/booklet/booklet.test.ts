import { afterAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { databaseKind, useAppDatabase } from '../../../tests/setup/test-db';
import { findLink } from '../../../tests/setup/eml';
import { getEnv } from '$lib/server/env';
import { bookletCounts } from '$lib/server/booklet/signups';

// The route with its real collaborators: the app's database, and the app's own mailer talking SMTP
// to a mail server in this process.
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
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
// Read once, at the first getEnv(): this file's own process environment.
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const { actions } = await import('./+page.server');
const admin = { userId: 'admin', coupleId: null, isAdmin: true };
const confirmPage = await import('./confirm/+page.server');

function post(fields: Record<string, string>, locale: 'nl' | 'en' = 'nl', host = 'herstelpad.example') {
	const url = new URL(`https://${host}/booklet?/request`);
	const request = new Request(url, { method: 'POST', body: new URLSearchParams(fields), headers: { host, 'content-type': 'application/x-www-form-urlencoded' } });
	return (actions.request as (e: unknown) => Promise<unknown>)({ request, url, locals: { address: '192.0.2.20', locale } });
}

const waitForMail = async (to: string, count: number) => {
	while (received.filter((r) => r.to === to).length < count) await new Promise((resolve) => setTimeout(resolve, 10));
	return received.filter((r) => r.to === to);
};

describe(`booklet sign-up action (${databaseKind})`, () => {
	const database = useAppDatabase();
	afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

	it('sends the confirmation over SMTP with links to the configured origin, in the page’s language', async () => {
		expect(await post({ email: ' Lou@Example.org ' }, 'en', 'evil.example')).toEqual({ sent: true });
		const [mail] = await waitForMail('lou@example.org', 1);
		expect(mail.raw).toContain('Subject: Confirm your request');
		const confirm = findLink(mail.raw, /https?:\/\/[^\s"<]+\/booklet\/confirm\?token=[\w-]+/)!;
		expect(confirm.startsWith(`${getEnv().publicOrigin}/en/booklet/confirm?token=`)).toBe(true);
		expect(mail.raw).not.toContain('evil.example');

		// The link's page shows the button; opening it confirms nothing.
		const url = new URL(confirm);
		const shown = await (confirmPage.load as (e: unknown) => Promise<{ state: string }>)({ url });
		expect(shown.state).toBe('pending');
		expect((await bookletCounts(database(), admin)).confirmed).toBe(0);
	});

	it('answers the same for a known address, and sends again', async () => {
		expect(await post({ email: 'lou@example.org' }, 'nl')).toEqual({ sent: true });
		const mails = await waitForMail('lou@example.org', 2);
		expect(mails[1].raw).toContain('Subject: Bevestig je aanvraag');
		expect((await bookletCounts(database(), admin)).total).toBe(1);
	});

	it('answers a filled-in honeypot like anyone else, and stores and sends nothing', async () => {
		expect(await post({ email: 'robot@example.org', website: 'http://spam.example' })).toEqual({ sent: true });
		// A real sign-up right after is delivered; nothing for the robot came before or with it.
		expect(await post({ email: 'person@example.org' })).toEqual({ sent: true });
		await waitForMail('person@example.org', 1);
		expect(received.some((r) => r.to === 'robot@example.org')).toBe(false);
		expect((await bookletCounts(database(), admin)).total).toBe(2);
	});

	it('refuses an invalid address with a message, keeping what was typed', async () => {
		const answer = (await post({ email: 'not-an-address', updates: 'on' })) as { status: number; data: { errors: Record<string, string>; values: Record<string, string> } };
		expect(answer.status).toBe(400);
		expect(answer.data.errors.email).toBe('Vul een geldig e-mailadres in.');
		expect(answer.data.values).toEqual({ email: 'not-an-address', updates: 'on' });
	});
});
