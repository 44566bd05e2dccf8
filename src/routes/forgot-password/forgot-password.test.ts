import { beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../tests/setup/test-db';
import type { Database } from '$lib/server/db';
import { signUp } from '$lib/server/auth/accounts';
import { getEnv } from '$lib/server/env';
import type { MailContent } from '$lib/server/mail/templates';

// The route's collaborators: this file's database, and a mailer that records, or holds forever (a mail server that never finishes).
const state = vi.hoisted(() => ({ db: undefined as unknown, hold: false, sent: [] as { to: string; content: MailContent }[] }));
vi.mock('$lib/server/db', async (importOriginal) => ({
	...(await importOriginal<typeof import('$lib/server/db')>()),
	getDb: () => state.db
}));
vi.mock('$lib/server/mail', () => ({
	getMailer: () => ({
		send: (to: string, content: MailContent) => {
			state.sent.push({ to, content });
			return state.hold ? new Promise<void>(() => {}) : Promise.resolve();
		}
	})
}));

const { actions } = await import('./+page.server');

function forgotPassword(email: string, host: string) {
	const body = new URLSearchParams({ email });
	const url = new URL(`https://${host}/forgot-password?/request`);
	const request = new Request(url, { method: 'POST', body, headers: { host, 'content-type': 'application/x-www-form-urlencoded' } });
	const event = { request, url, locals: { address: '192.0.2.10', locale: 'nl' } };
	return (actions.request as (e: unknown) => Promise<unknown>)(event);
}

describe(`forgot-password action (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	beforeAll(async () => {
		db = database();
		state.db = db;
		await signUp(db, { email: 'victim@example.org', password: 'a quiet morning walk', displayName: 'Vic', locale: 'nl' });
	});

	it('links to the configured origin whatever the Host header says', async () => {
		expect(await forgotPassword('victim@example.org', 'evil.example')).toEqual({ sent: true });
		expect(state.sent).toHaveLength(1);
		const { text, html } = state.sent[0].content;
		expect(text).not.toContain('evil.example');
		expect(html).not.toContain('evil.example');
		expect(text).toContain(`${getEnv().publicOrigin}/reset-password?token=`);
	});

	it('answers before the mail server has accepted the message', async () => {
		state.hold = true;
		expect(await forgotPassword('victim@example.org', 'herstelpad.example')).toEqual({ sent: true });
		expect(state.sent).toHaveLength(2);
	});

	it('gives the same answer for an unknown address, without sending', async () => {
		expect(await forgotPassword('stranger@example.org', 'evil.example')).toEqual({ sent: true });
		expect(state.sent).toHaveLength(2);
	});
});
