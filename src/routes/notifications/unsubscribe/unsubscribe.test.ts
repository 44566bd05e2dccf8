import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { signUp } from '$lib/server/auth/accounts';
import { notificationOutbox } from '$lib/server/db/schema';
import { hashToken, newToken } from '$lib/server/security/tokens';
import { getPreferences, savePreferences, DEFAULT_PREFERENCES } from '$lib/server/notifications/preferences';
import { notify } from '$lib/server/notifications/notify';
import { POST } from './one-click/+server';
import { actions, load } from './+page.server';

/** The routes as a mail program and a signed-out reader reach them: no session, no page of ours. */
const oneClick = (token: string) =>
	(POST as (e: unknown) => Promise<Response>)({
		url: new URL(`http://localhost/notifications/unsubscribe/one-click?token=${encodeURIComponent(token)}`),
		request: new Request('http://localhost/notifications/unsubscribe/one-click', { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) }),
		locals: { user: null, locale: 'nl' }
	});

describe(`unsubscribing from notification e-mails, signed out (${databaseKind})`, () => {
	const database = useAppDatabase();

	it('turns e-mail off with the one-click POST or the page’s button; a wrong or odd token is a 404, never a 500', async () => {
		const db = database();
		const { userId } = await signUp(db, { email: 'unsub@example.org', password: 'a quiet morning walk', displayName: 'Uma', locale: 'nl' });
		await savePreferences(db, userId, { ...DEFAULT_PREFERENCES, choices: { letter: { email: true, push: true }, hour: { email: true } } });
		await notify(db, { userId, kind: 'letter', dedupeKey: 'unsub' });
		const token = newToken();
		await db.update(notificationOutbox).set({ unsubscribeTokenHash: hashToken(token) });

		for (const wrong of ['', 'short', 'x'.repeat(43), '../../../etc/passwd', '\u0000'.repeat(30), 'a'.repeat(500)]) expect((await oneClick(wrong)).status).toBe(404);
		expect((await getPreferences(db, userId)).choices).toEqual({ letter: { email: true, push: true }, hour: { email: true } });

		// Opening the page changes nothing; it only offers the button.
		expect(await (load as (e: unknown) => Promise<{ token: string | null }>)({ url: new URL(`http://localhost/notifications/unsubscribe?token=${token}`) })).toEqual({ token });
		expect(await (load as (e: unknown) => Promise<{ token: string | null }>)({ url: new URL('http://localhost/notifications/unsubscribe?token=nope') })).toEqual({ token: null });
		expect((await getPreferences(db, userId)).choices.hour).toEqual({ email: true });

		const response = await oneClick(token);
		expect(response.status).toBe(200);
		expect((await getPreferences(db, userId)).choices).toEqual({ letter: { push: true } });

		// The page's button, signed out: the same, again harmless; a wrong token fails kindly.
		const submit = (value: string) =>
			(actions.unsubscribe as (e: unknown) => Promise<unknown>)({ request: new Request('http://localhost/notifications/unsubscribe?/unsubscribe', { method: 'POST', body: new URLSearchParams({ token: value }) }), locals: { user: null } });
		expect(await submit(token)).toEqual({ unsubscribed: true });
		expect(await submit('x'.repeat(43))).toMatchObject({ status: 404 });
		expect(await submit('<script>')).toMatchObject({ status: 404 });
	});
});
