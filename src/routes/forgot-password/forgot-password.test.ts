import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { databaseKind, useAppDatabase } from '../../../tests/setup/test-db';
import { holdingSmtpServer } from '../../../tests/setup/smtp';
import { decodeQuotedPrintable } from '../../../tests/setup/eml';
import { signUp } from '$lib/server/auth/accounts';
import { getEnv } from '$lib/server/env';
import { drainJobs } from '$lib/server/jobs';

// The route with its real collaborators: the app's database, its job queue and its mailer, talking
// SMTP to a mail server that takes each message but finishes accepting it only when the test says so.
const smtp = holdingSmtpServer();
await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve));
// Read once, at the first getEnv() below: this file's own process environment.
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.server.address() as AddressInfo).port}`;

const { actions } = await import('./+page.server');

function forgotPassword(email: string, host: string) {
	const body = new URLSearchParams({ email });
	const url = new URL(`https://${host}/forgot-password?/request`);
	const request = new Request(url, { method: 'POST', body, headers: { host, 'content-type': 'application/x-www-form-urlencoded' } });
	const event = { request, url, locals: { address: '192.0.2.10', locale: 'nl' } };
	return (actions.request as (e: unknown) => Promise<unknown>)(event);
}

describe(`forgot-password action (${databaseKind})`, () => {
	const database = useAppDatabase({ jobs: true });
	beforeAll(async () => {
		await signUp(database(), { email: 'victim@example.org', password: 'a quiet morning walk', displayName: 'Vic', locale: 'nl' });
	});
	afterAll(async () => {
		smtp.release();
		await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
	});

	it('answers before the mail server has accepted the message', async () => {
		expect(await forgotPassword('victim@example.org', 'herstelpad.example')).toEqual({ sent: true });
		await smtp.waitUntilStarted(1);
		expect(smtp.delivered).toHaveLength(0);
		smtp.release();
	});

	it('links to the configured origin whatever the Host header says', async () => {
		expect(await forgotPassword('victim@example.org', 'evil.example')).toEqual({ sent: true });
		await smtp.waitUntilStarted(2);
		const mail = decodeQuotedPrintable(smtp.started[1]);
		expect(mail).not.toContain('evil.example');
		expect(mail).toContain(`${getEnv().publicOrigin}/reset-password?token=`);
		smtp.release();
	});

	it('gives the same answer for an unknown address, without sending', async () => {
		expect(await forgotPassword('stranger@example.org', 'evil.example')).toEqual({ sent: true });
		// A known address right after is delivered; nothing for the stranger came before or with it.
		expect(await forgotPassword('victim@example.org', 'herstelpad.example')).toEqual({ sent: true });
		await smtp.waitUntilStarted(3);
		smtp.release();
		// Every queued job has run (the stranger's too, sending nothing).
		await drainJobs();
		expect(smtp.started).toHaveLength(3);
		expect(smtp.started.some((raw) => raw.includes('stranger@example.org'))).toBe(false);
		smtp.release();
	});
});
