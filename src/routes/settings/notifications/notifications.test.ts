import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { signUp } from '$lib/server/auth/accounts';
import { getPreferences } from '$lib/server/notifications/preferences';
import { browserKeys } from '../../../../tests/setup/push-service';
import { actions } from './+page.server';

type Result = { status?: number; data?: { errors?: Record<string, string>; values?: Record<string, string>; message?: string } } & Record<string, unknown>;

describe(`the notification settings' actions (${databaseKind})`, () => {
	const database = useAppDatabase();
	const post = (action: keyof typeof actions, userId: string, fields: Record<string, string>) =>
		(actions[action] as (e: unknown) => Promise<Result>)({
			request: new Request('http://localhost/settings/notifications', { method: 'POST', body: new URLSearchParams(fields) }),
			locals: { user: { id: userId }, locale: 'nl' },
			url: new URL('http://localhost/settings/notifications')
		});

	it('saves only listed kinds and channels, refuses bad times and limits with a message and the typed values, never a 500', async () => {
		const db = database();
		const { userId } = await signUp(db, { email: 'settings-n@example.org', password: 'a quiet morning walk', displayName: 'Nel', locale: 'nl' });
		const bad = await post('save', userId, { 'letter-email': 'on', quietStart: '22:00', quietEnd: '', timeZone: 'Europe/Amsterdam', weeklyMax: '0' });
		expect(bad.status).toBe(400);
		expect(bad.data?.errors).toEqual({ quietEnd: 'Vul zowel het begin als het einde in, of laat beide leeg.', weeklyMax: 'Kies een getal van 1 tot en met 14.' });
		expect(bad.data?.values).toMatchObject({ 'letter-email': 'on', quietStart: '22:00', weeklyMax: '0' });
		expect((await post('save', userId, { quietStart: '25:00', quietEnd: '07:00', timeZone: 'Mars/Base', weeklyMax: 'many' })).status).toBe(400);
		expect((await getPreferences(db, userId)).choices).toEqual({});

		const ok = await post('save', userId, { 'letter-email': 'on', 'hour-push': 'on', 'evil-email': 'on', 'letter-fax': 'on', quietStart: '22:00', quietEnd: '07:00', timeZone: 'Europe/Brussels', weeklyMax: '5' });
		expect(ok).toEqual({ saved: true });
		expect(await getPreferences(db, userId)).toMatchObject({ choices: { letter: { email: true }, hour: { push: true } }, quietStart: '22:00', quietEnd: '07:00', timeZone: 'Europe/Brussels', weeklyMax: 5 });
	});

	it('keeps a push subscription only to a known push service', async () => {
		const db = database();
		const { userId } = await signUp(db, { email: 'settings-p@example.org', password: 'a quiet morning walk', displayName: 'Pim', locale: 'nl' });
		const browser = browserKeys();
		const keys = { p256dh: browser.p256dh, auth: browser.authSecret };
		const refused = await post('subscribe', userId, { endpoint: 'http://169.254.169.254/latest', ...keys });
		expect(refused.status).toBe(400);
		expect(refused.data?.message).toBe('Dit toestel kan van hier geen pushmeldingen ontvangen.');
		expect((await post('subscribe', userId, { endpoint: 'not a url', ...keys })).status).toBe(400);
		// Keys that are not a P-256 point and a 16-byte secret could never be sent to: refused with a message.
		const badKey = await post('subscribe', userId, { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) });
		expect(badKey.status).toBe(400);
		expect(badKey.data?.message).toBe('Dit toestel kan van hier geen pushmeldingen ontvangen.');
		expect(await post('subscribe', userId, { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', ...keys })).toEqual({ subscribed: true });
	});
});
