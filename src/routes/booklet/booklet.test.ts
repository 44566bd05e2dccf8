import { afterAll, describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../tests/setup/test-db';
import { collectingSmtpServer } from '../../../tests/setup/smtp';
import { findLink } from '../../../tests/setup/eml';
import { getEnv } from '$lib/server/env';
import { drainJobs } from '$lib/server/jobs';
import { bookletCounts } from '$lib/server/booklet/signups';

// The route with its real collaborators: the app's database, its job queue, and the app's own
// mailer talking SMTP to a mail server in this process.
const smtp = await collectingSmtpServer();
// Read once, at the first getEnv(): this file's own process environment.
process.env.SMTP_URL = smtp.url;

const { actions } = await import('./+page.server');
const admin = { userId: 'admin', coupleId: null, isAdmin: true };
const confirmPage = await import('./confirm/+page.server');

function post(fields: Record<string, string>, locale: 'nl' | 'en' = 'nl', host = 'herstelpad.example') {
	const url = new URL(`https://${host}/booklet?/request`);
	const request = new Request(url, { method: 'POST', body: new URLSearchParams(fields), headers: { host, 'content-type': 'application/x-www-form-urlencoded' } });
	return (actions.request as (e: unknown) => Promise<unknown>)({ request, url, locals: { address: '192.0.2.20', locale } });
}

/** The mails to one address once every queued job has run. */
const mailsTo = async (to: string) => {
	await drainJobs();
	return smtp.accepted.filter((raw) => raw.match(/^To: (.+)$/m)?.[1].trim() === to).map((raw) => ({ raw }));
};

describe(`booklet sign-up action (${databaseKind})`, () => {
	const database = useAppDatabase({ jobs: true });
	afterAll(() => smtp.close());

	it('sends the confirmation over SMTP with links to the configured origin, in the page’s language', async () => {
		expect(await post({ email: ' Lou@Example.org ' }, 'en', 'evil.example')).toEqual({ sent: true });
		const [mail] = await mailsTo('lou@example.org');
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
		const mails = await mailsTo('lou@example.org');
		expect(mails).toHaveLength(2);
		expect(mails[1].raw).toContain('Subject: Bevestig je aanvraag');
		expect((await bookletCounts(database(), admin)).total).toBe(1);
	});

	it('answers a filled-in honeypot like anyone else, and stores and sends nothing', async () => {
		expect(await post({ email: 'robot@example.org', website: 'http://spam.example' })).toEqual({ sent: true });
		// A real sign-up right after is delivered; nothing for the robot came before or with it.
		expect(await post({ email: 'person@example.org' })).toEqual({ sent: true });
		expect(await mailsTo('person@example.org')).toHaveLength(1);
		expect(smtp.accepted.some((raw) => raw.includes('robot@example.org'))).toBe(false);
		expect((await bookletCounts(database(), admin)).total).toBe(2);
	});

	it('refuses an invalid address with a message, keeping what was typed', async () => {
		const answer = (await post({ email: 'not-an-address', updates: 'on' })) as { status: number; data: { errors: Record<string, string>; values: Record<string, string> } };
		expect(answer.status).toBe(400);
		expect(answer.data.errors.email).toBe('Vul een geldig e-mailadres in.');
		expect(answer.data.values).toEqual({ email: 'not-an-address', updates: 'on' });
	});
});
