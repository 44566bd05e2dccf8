import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { browserKeys, decryptPush, startPushService } from '../../../../tests/setup/push-service';
import { decodeQuotedPrintable } from '../../../../tests/setup/eml';
import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { grantAppRole } from '../db/app-role';
import { signOutElsewhere, signUp } from '../auth/accounts';
import { chooseRole, deleteAccount } from '../users/users';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf } from '../couple/membership';
import { sendLetter } from '../couple/letters';
import { setPaceStatus } from '../couple/pace';
import { setHourSlot, skipHour } from '../hour/hour';
import { createCommitment } from '../deeds/commitments';
import { recordCheckIn } from '../deeds/check-ins';
import { signalTrigger } from '../triggers/log';
import { createMailer } from '../mail/mailer';
import { notificationOutbox, notificationPreferences, pushSubscriptions, vapidKeys } from '../db/schema';
import { exportUserData } from '../privacy/export';
import { notify } from './notify';
import { createDueReminders, deliverDue, exportNotifications, isUnsubscribeToken, purgeOldNotices, unsubscribeByToken, type Senders } from './outbox';
import { getPreferences, savePreferences, DEFAULT_PREFERENCES, type Preferences } from './preferences';
import { createPushSender, savePushSubscription, vapidKeysOf } from './push';
import { forbiddenWordsIn } from './texts';
import { renderNotificationsExportHtml } from './export-html';

const pass = 'long enough pass';

/** Received over real SMTP. */
const inbox: { to: string; raw: string }[] = [];
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, session, callback) {
		let raw = '';
		stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
		stream.on('end', () => {
			inbox.push({ to: session.envelope.rcptTo[0]?.address ?? '', raw });
			callback();
		});
	}
});
const mailsTo = (to: string) => inbox.filter((m) => m.to === to);
const unfold = (raw: string) => raw.replace(/\r?\n[ \t]+/g, ' ');

describe(`notifications: opt-in per kind, quiet hours, a weekly maximum, neutral texts (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let senders: Senders;
	let push: Awaited<ReturnType<typeof startPushService>>;
	const actor = async (userId: string): Promise<Actor> => ({ userId, coupleId: await coupleIdOf(db, userId) });
	const make = async (name: string, role: 'repairing' | 'hurt' = 'repairing', locale: 'nl' | 'en' = 'nl') => {
		const { userId } = await signUp(db, { email: `${name}@example.org`, password: pass, displayName: name, locale });
		await chooseRole(db, userId, role);
		return userId;
	};
	const pair = async (a: string, b: string) => {
		const repairing = await make(a, 'repairing');
		const hurt = await make(b, 'hurt');
		await acceptInvitation(db, hurt, (await createInvitation(db, repairing)).token);
		return { repairing, hurt };
	};
	const prefs = (over: Partial<Preferences>): Preferences => ({ ...DEFAULT_PREFERENCES, ...over });
	const outboxOf = async (userId: string) => (await db.select().from(notificationOutbox)).filter((r) => r.userId === userId);

	beforeAll(async () => {
		db = database();
		await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
		push = await startPushService();
		const mail = createMailer({ smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, from: 'Herstelpad <no-reply@herstelpad.example>', outboxDir: '/nonexistent' });
		senders = { mail, push: createPushSender(await vapidKeysOf(db), { extraOrigins: [push.origin] }) };
	});
	afterAll(async () => {
		await push.close();
		await new Promise<void>((resolve) => smtp.close(() => resolve()));
	});

	it('tells nobody who did not opt in, and only on the kinds and channels they chose', async () => {
		const { repairing, hurt } = await pair('opa', 'opb');
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'OPA-LETTER' });
		expect(await outboxOf(hurt)).toEqual([]);
		await savePreferences(db, hurt, prefs({ choices: { hour: { email: true } } }));
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'OPA-LETTER-2' });
		expect(await outboxOf(hurt)).toEqual([]);
		await savePreferences(db, hurt, prefs({ choices: { letter: { email: true } } }));
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'OPA-LETTER-3' });
		const rows = await outboxOf(hurt);
		expect(rows.map((r) => r.kind)).toEqual(['letter']);
		expect(JSON.stringify(rows)).not.toContain('OPA');
		// Turned off before it went out: dropped, never sent.
		await savePreferences(db, hurt, prefs({ choices: { letter: { push: false, email: false } } }));
		await deliverDue(db, new Date(Date.now() + 1000), senders);
		expect((await outboxOf(hurt))[0]).toMatchObject({ status: 'dropped', reason: 'not-opted-in' });
		expect(mailsTo('opb@example.org')).toEqual([]);
		// Only listed kinds and channels are kept.
		await savePreferences(db, hurt, prefs({ choices: { letter: { email: true }, nonsense: { email: true } } as Preferences['choices'] }));
		expect((await getPreferences(db, hurt)).choices).toEqual({ letter: { email: true } });
	});

	it('makes one notice of one event, even told five times at once', async () => {
		const solo = await make('ded');
		await savePreferences(db, solo, prefs({ choices: { hour: { email: true } } }));
		const results = await Promise.all(Array.from({ length: 5 }, () => notify(db, { userId: solo, kind: 'hour', dedupeKey: 'hour:2026-01-14' })));
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await outboxOf(solo)).toHaveLength(1);
	});

	it('sends a neutral e-mail over SMTP with one-click unsubscribe, which works once signed out and refuses a wrong token', async () => {
		const { repairing, hurt } = await pair('mla', 'mlb');
		await savePreferences(db, hurt, prefs({ choices: { letter: { email: true }, trigger: { email: true, push: true } } }));
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'MLA-SECRET' });
		const report = await deliverDue(db, new Date(Date.now() + 1000), senders);
		expect(report.sent).toBeGreaterThanOrEqual(1);
		const [mail] = mailsTo('mlb@example.org');
		const headers = unfold(mail.raw);
		expect(headers).toMatch(/^Subject: Je hebt een nieuw bericht in Herstelpad/m);
		expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/localhost:\d+\/notifications\/unsubscribe\/one-click\?token=[\w-]+>/m);
		expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
		const body = decodeQuotedPrintable(mail.raw);
		// The links' random tokens (base64url) could hold these three letters by chance.
		const words = body.replace(/token=[\w-]+/g, 'token=');
		expect(words).not.toContain('MLA');
		expect(words).not.toContain('mla');
		expect(forbiddenWordsIn(body.replace(/http\S+/g, '').replace(/^[\w-]+:.*$/gm, ''))).toEqual([]);
		const token = /unsubscribe\?token=([\w-]+)/.exec(body)![1];
		expect(await isUnsubscribeToken(db, token)).toBe(true);
		await expect(unsubscribeByToken(db, 'x'.repeat(43))).rejects.toMatchObject({ code: 'notification_link_invalid' });
		await expect(unsubscribeByToken(db, '../../etc')).rejects.toMatchObject({ code: 'notification_link_invalid' });
		await unsubscribeByToken(db, token);
		// Every e-mail notice off; the push choice stays.
		expect((await getPreferences(db, hurt)).choices).toEqual({ trigger: { push: true } });
	});

	it('postpones a notice in quiet hours to their end, in the person’s zone, then sends it', async () => {
		const solo = await make('qui');
		await savePreferences(db, solo, prefs({ choices: { hour: { email: true } }, quietStart: '22:00', quietEnd: '07:00', timeZone: 'Europe/Amsterdam' }));
		const night = new Date('2026-01-14T23:30:00Z'); // 00:30 in Amsterdam
		await notify(db, { userId: solo, kind: 'hour', dedupeKey: 'quiet-1', dueAt: night }, night);
		await deliverDue(db, night, senders);
		const [row] = await outboxOf(solo);
		expect(row).toMatchObject({ status: 'pending' });
		expect(row.dueAt.toISOString()).toBe('2026-01-15T06:00:00.000Z');
		await deliverDue(db, new Date('2026-01-15T05:59:00Z'), senders);
		expect(mailsTo('qui@example.org')).toEqual([]);
		await deliverDue(db, new Date('2026-01-15T06:00:00Z'), senders);
		expect(mailsTo('qui@example.org')).toHaveLength(1);
		expect((await outboxOf(solo))[0]).toMatchObject({ status: 'sent', channels: ['email'] });
	});

	it('never sends more than the weekly maximum: the rest is dropped, not saved up', async () => {
		const solo = await make('wmx');
		await savePreferences(db, solo, prefs({ choices: { hour: { email: true } }, weeklyMax: 2 }));
		const monday = new Date('2026-02-02T10:00:00Z');
		for (let i = 0; i < 4; i++) await notify(db, { userId: solo, kind: 'hour', dedupeKey: `wmx-${i}`, dueAt: monday }, monday);
		const report = await deliverDue(db, monday, senders);
		expect(report).toMatchObject({ sent: 2, dropped: 2 });
		expect(mailsTo('wmx@example.org')).toHaveLength(2);
		expect((await outboxOf(solo)).filter((r) => r.status === 'dropped').map((r) => r.reason)).toEqual(['weekly-max', 'weekly-max']);
		// A week later there is room again; the dropped ones do not come back.
		const later = new Date('2026-02-09T10:01:00Z');
		await notify(db, { userId: solo, kind: 'hour', dedupeKey: 'wmx-later', dueAt: later }, later);
		expect(await deliverDue(db, later, senders)).toMatchObject({ sent: 1, dropped: 0 });
		expect(mailsTo('wmx@example.org')).toHaveLength(3);
		// After 90 days the notices done with are forgotten (and their unsubscribe links with them).
		await purgeOldNotices(db, new Date('2026-05-04T10:00:00Z'));
		expect((await outboxOf(solo)).map((r) => r.dedupeKey)).toEqual(['wmx-later']);
	});

	it('sends nothing while the person asked for space', async () => {
		const { repairing, hurt } = await pair('spa', 'spb');
		await savePreferences(db, repairing, prefs({ choices: { trigger: { email: true } } }));
		await setPaceStatus(db, await actor(repairing), { status: 'space', note: null });
		await signalTrigger(db, await actor(hurt), { strength: 3, cause: null, helped: null });
		await deliverDue(db, new Date(Date.now() + 1000), senders);
		expect((await outboxOf(repairing))[0]).toMatchObject({ status: 'dropped', reason: 'space' });
		expect(mailsTo('spa@example.org')).toEqual([]);
	});

	it('pushes an encrypted, neutral message to the browser’s push service and forgets a subscription that is gone', async () => {
		const { repairing, hurt } = await pair('pua', 'pub');
		const keys = browserKeys();
		await expect(savePushSubscription(db, hurt, { endpoint: `${push.origin}/p/1`, p256dh: keys.p256dh, auth: keys.authSecret }, [])).rejects.toMatchObject({ code: 'push_endpoint_refused' });
		await savePushSubscription(db, hurt, { endpoint: `${push.origin}/p/1`, p256dh: keys.p256dh, auth: keys.authSecret }, [push.origin]);
		await savePreferences(db, hurt, prefs({ choices: { letter: { push: true } } }));
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'PUA-SECRET' });
		push.received.length = 0;
		await deliverDue(db, new Date(Date.now() + 1000), senders);
		expect(push.received).toHaveLength(1);
		const [request] = push.received;
		expect(request.headers['content-encoding']).toBe('aes128gcm');
		expect(request.headers.authorization).toMatch(/^vapid t=.+, k=.+/);
		expect(request.body.toString('utf8')).not.toContain('Herstelpad');
		const message = JSON.parse(decryptPush(request.body, keys));
		expect(message).toEqual({ title: 'Herstelpad', body: 'Je hebt een nieuw bericht in Herstelpad.', url: '/together/letterbox' });
		// The push service says the subscription is gone: it is deleted.
		push.answerWith(410);
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'PUA-2' });
		await deliverDue(db, new Date(Date.now() + 1000), senders);
		push.answerWith(201);
		expect((await db.select().from(pushSubscriptions)).filter((s) => s.userId === hurt)).toEqual([]);
		expect((await outboxOf(hurt)).map((r) => r.status).sort()).toEqual(['dropped', 'sent']);
	});

	it('refuses keys nothing can encrypt for, and a bad one saved earlier stops neither the e-mail nor the other notices', async () => {
		const { repairing, hurt } = await pair('pka', 'pkb');
		const good = browserKeys();
		const endpoint = `${push.origin}/p/bad`;
		for (const bad of [{ p256dh: 'A'.repeat(87), auth: good.authSecret }, { p256dh: good.p256dh, auth: 'A'.repeat(30) }]) {
			await expect(savePushSubscription(db, hurt, { endpoint, ...bad }, [push.origin])).rejects.toMatchObject({ code: 'push_endpoint_refused' });
		}
		// As a row saved before keys were checked would be.
		await db.insert(pushSubscriptions).values({ id: 'pk-bad', userId: hurt, endpoint, p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) });
		await savePreferences(db, hurt, prefs({ choices: { letter: { push: true, email: true } } }));
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'PKA-1' });
		const report = await deliverDue(db, new Date(Date.now() + 1000), senders);
		expect(report.sent).toBeGreaterThanOrEqual(1);
		expect((await outboxOf(hurt)).map((r) => [r.status, r.channels])).toEqual([['sent', ['email']]]);
		expect((await db.select().from(pushSubscriptions)).filter((row) => row.userId === hurt)).toEqual([]);
	});

	it('lets a push wait at the push service only until the quiet hours begin, and holds it when they are about to', async () => {
		const { repairing, hurt } = await pair('pta', 'ptb');
		const keys = browserKeys();
		await savePushSubscription(db, hurt, { endpoint: `${push.origin}/p/ttl`, p256dh: keys.p256dh, auth: keys.authSecret }, [push.origin]);
		await savePreferences(db, hurt, prefs({ choices: { letter: { push: true } }, quietStart: '22:00', quietEnd: '07:00', timeZone: 'Europe/Amsterdam' }));
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'PTA-1' });
		const [notice] = await outboxOf(hurt);
		await db.update(notificationOutbox).set({ dueAt: new Date('2026-01-15T18:00:00Z') }).where(sql`id = ${notice.id}`);
		push.received.length = 0;
		// 19:00 in Amsterdam: three hours before the quiet hours.
		await deliverDue(db, new Date('2026-01-15T18:00:00Z'), senders);
		expect(push.received.map((r) => r.headers.ttl)).toEqual([String(3 * 60 * 60)]);
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'PTA-2' });
		const second = (await outboxOf(hurt)).find((r) => r.status === 'pending')!;
		await db.update(notificationOutbox).set({ dueAt: new Date('2026-01-15T20:57:00Z') }).where(sql`id = ${second.id}`);
		// 21:58: too close to 22:00; it waits for the morning instead.
		await deliverDue(db, new Date('2026-01-15T20:58:00Z'), senders);
		expect(push.received).toHaveLength(1);
		const held = (await outboxOf(hurt)).find((r) => r.id === second.id)!;
		expect([held.status, held.dueAt.toISOString()]).toEqual(['pending', '2026-01-16T06:00:00.000Z']);
	});

	it('turns push off on every device when the person signs out everywhere else', async () => {
		const solo = await make('pso');
		const keys = browserKeys();
		await savePushSubscription(db, solo, { endpoint: 'https://fcm.googleapis.com/fcm/send/pso', p256dh: keys.p256dh, auth: keys.authSecret });
		expect((await db.select().from(pushSubscriptions)).filter((row) => row.userId === solo)).toHaveLength(1);
		await signOutElsewhere(db, solo, 'this-session');
		expect((await db.select().from(pushSubscriptions)).filter((row) => row.userId === solo)).toEqual([]);
	});

	it('makes no reminder for the hour in a week the person skipped', async () => {
		const solo = await make('hrs');
		await setHourSlot(db, await actor(solo), { weekday: 3, time: '20:30', timeZone: 'Europe/Amsterdam' });
		await savePreferences(db, solo, prefs({ choices: { hour: { email: true } } }));
		await skipHour(db, await actor(solo), new Date('2026-01-12T10:00:00Z'));
		expect(await createDueReminders(db, new Date('2026-01-14T19:30:00Z'))).toBe(0);
		// The next week is a new week.
		expect(await createDueReminders(db, new Date('2026-01-21T19:30:00Z'))).toBe(1);
	});

	it('makes the hour’s reminder at its slot, once, and only for who chose it', async () => {
		const solo = await make('hra');
		const other = await make('hrb');
		await setHourSlot(db, await actor(solo), { weekday: 3, time: '20:30', timeZone: 'Europe/Amsterdam' });
		await setHourSlot(db, await actor(other), { weekday: 3, time: '20:30', timeZone: 'Europe/Amsterdam' });
		await savePreferences(db, solo, prefs({ choices: { hour: { email: true } } }));
		// Wednesday 14 January 2026, 20:29 and 20:30 in Amsterdam.
		expect(await createDueReminders(db, new Date('2026-01-14T19:29:00Z'))).toBe(0);
		expect(await createDueReminders(db, new Date('2026-01-14T19:30:00Z'))).toBe(1);
		expect(await createDueReminders(db, new Date('2026-01-14T19:45:00Z'))).toBe(0);
		expect((await outboxOf(solo)).map((r) => [r.kind, r.dedupeKey, r.dueAt.toISOString()])).toEqual([['hour', 'hour:2026-01-14', '2026-01-14T19:30:00.000Z']]);
		expect(await outboxOf(other)).toEqual([]);
	});

	it('reminds of a check-in due today from 18:00 in the person’s zone, once a day, not when already recorded', async () => {
		const solo = await make('cki');
		const done = await make('ckd');
		for (const id of [solo, done]) await savePreferences(db, id, prefs({ choices: { 'check-in': { push: true } } }));
		const morning = new Date('2026-01-14T09:00:00Z');
		await createCommitment(db, await actor(solo), { title: 'CKI-COMMITMENT', why: 'x', rhythm: 'daily', weekdays: [], share: false }, undefined, morning);
		const { id } = await createCommitment(db, await actor(done), { title: 'CKD-COMMITMENT', why: 'x', rhythm: 'daily', weekdays: [], share: false }, undefined, morning);
		await recordCheckIn(db, await actor(done), id, { day: '2026-01-14', outcome: 'kept', note: null }, morning);
		// 17:59 and 18:00 in Amsterdam.
		expect(await createDueReminders(db, new Date('2026-01-14T16:59:00Z'))).toBe(0);
		expect(await createDueReminders(db, new Date('2026-01-14T17:00:00Z'))).toBe(1);
		expect(await createDueReminders(db, new Date('2026-01-14T20:00:00Z'))).toBe(0);
		expect((await outboxOf(solo)).map((r) => [r.kind, r.dedupeKey])).toEqual([['check-in', 'check-in:2026-01-14']]);
		expect(await outboxOf(done)).toEqual([]);
	});

	it('gives a reminder its own neutral text, by e-mail and by push: something is waiting, not a new message', async () => {
		const solo = await make('rtx', 'repairing', 'en');
		const keys = browserKeys();
		await savePushSubscription(db, solo, { endpoint: `${push.origin}/p/rtx`, p256dh: keys.p256dh, auth: keys.authSecret }, [push.origin]);
		await setHourSlot(db, await actor(solo), { weekday: 5, time: '19:00', timeZone: 'Europe/Amsterdam' });
		await savePreferences(db, solo, prefs({ choices: { hour: { email: true, push: true } } }));
		// Friday 16 January 2026, 19:00 in Amsterdam.
		const at = new Date('2026-01-16T18:00:00Z');
		await createDueReminders(db, at);
		push.received.length = 0;
		await deliverDue(db, at, senders);
		expect((await outboxOf(solo)).map((r) => [r.kind, r.status, r.channels])).toEqual([['hour', 'sent', ['push', 'email']]]);
		const [mail] = mailsTo('rtx@example.org');
		expect(unfold(mail.raw)).toMatch(/^Subject: Something is waiting for you in Herstelpad\r?$/m);
		const body = decodeQuotedPrintable(mail.raw);
		expect(body).toContain('Something is waiting for you, as you asked.');
		expect(body).not.toMatch(/new message/i);
		const [request] = push.received.filter((r) => r.path === '/p/rtx');
		expect(JSON.parse(decryptPush(request.body, keys))).toEqual({ title: 'Herstelpad', body: 'Something is waiting for you in Herstelpad.', url: '/en/hour' });
	});

	it('tries a notice that reached nobody again after 5 and after 30 minutes, then gives it up', async () => {
		const solo = await make('rty');
		await savePreferences(db, solo, prefs({ choices: { letter: { email: true } } }));
		const down: Senders = { ...senders, mail: { send: () => Promise.reject(new Error('mail server down')) } };
		const at = (iso: string) => new Date(iso);
		await notify(db, { userId: solo, kind: 'letter', dedupeKey: 'rty-1', dueAt: at('2026-03-02T10:00:00Z') }, at('2026-03-02T10:00:00Z'));
		const state = async () => (await outboxOf(solo)).map((r) => [r.status, r.reason, r.attempts, r.dueAt.toISOString(), r.sentAt]);
		await deliverDue(db, at('2026-03-02T10:00:00Z'), down);
		expect(await state()).toEqual([['pending', null, 1, '2026-03-02T10:05:00.000Z', null]]);
		await deliverDue(db, at('2026-03-02T10:04:59Z'), down);
		expect(await state()).toEqual([['pending', null, 1, '2026-03-02T10:05:00.000Z', null]]);
		await deliverDue(db, at('2026-03-02T10:05:00Z'), down);
		expect(await state()).toEqual([['pending', null, 2, '2026-03-02T10:30:00.000Z', null]]);
		await deliverDue(db, at('2026-03-02T10:30:00Z'), down);
		expect(await state()).toEqual([['dropped', 'failed', 3, '2026-03-02T10:30:00.000Z', null]]);
		// Given up for good: a working mail server later changes nothing.
		await deliverDue(db, at('2026-03-02T11:00:00Z'), senders);
		expect(mailsTo('rty@example.org')).toEqual([]);
	});

	it('never tries again in the quiet hours: the next try waits for their end, and then goes out once', async () => {
		const solo = await make('rtq');
		await savePreferences(db, solo, prefs({ choices: { letter: { email: true } }, quietStart: '22:00', quietEnd: '07:00', timeZone: 'Europe/Amsterdam' }));
		const down: Senders = { ...senders, mail: { send: () => Promise.reject(new Error('mail server down')) } };
		// 21:58 in Amsterdam: five minutes on would be 22:03.
		const late = new Date('2026-03-02T20:58:00Z');
		await notify(db, { userId: solo, kind: 'letter', dedupeKey: 'rtq-1', dueAt: late }, late);
		await deliverDue(db, late, down);
		const [row] = await outboxOf(solo);
		expect([row.status, row.attempts, row.dueAt.toISOString()]).toEqual(['pending', 1, '2026-03-03T06:00:00.000Z']);
		await deliverDue(db, new Date('2026-03-02T21:03:00Z'), senders);
		expect(mailsTo('rtq@example.org')).toEqual([]);
		await deliverDue(db, new Date('2026-03-03T06:00:00Z'), senders);
		await deliverDue(db, new Date('2026-03-03T06:10:00Z'), senders);
		expect(mailsTo('rtq@example.org')).toHaveLength(1);
		expect((await outboxOf(solo))[0]).toMatchObject({ status: 'sent', attempts: 1, channels: ['email'] });
	});

	it('drops at once, without trying again, a push-only notice when no device is left to take it', async () => {
		const solo = await make('rtn');
		await savePreferences(db, solo, prefs({ choices: { letter: { push: true } } }));
		await notify(db, { userId: solo, kind: 'letter', dedupeKey: 'rtn-1' });
		await deliverDue(db, new Date(Date.now() + 1000), senders);
		expect((await outboxOf(solo))[0]).toMatchObject({ status: 'dropped', reason: 'no-device', attempts: 0 });
	});

	it('keeps one VAPID key pair, made once even when asked for at the same time', async () => {
		const pairs = await Promise.all([vapidKeysOf(db), vapidKeysOf(db), vapidKeysOf(db)]);
		expect(new Set(pairs.map((p) => p.publicKey)).size).toBe(1);
		expect(await db.select().from(vapidKeys)).toHaveLength(1);
		expect(Buffer.from(pairs[0].publicKey, 'base64url')).toHaveLength(65);
	});

	it('exports the person’s choices, devices and notices, and deletes them with the account', async () => {
		const solo = await make('exn');
		const keys = browserKeys();
		await savePushSubscription(db, solo, { endpoint: 'https://fcm.googleapis.com/fcm/send/exn', p256dh: keys.p256dh, auth: keys.authSecret });
		await savePreferences(db, solo, prefs({ choices: { hour: { push: true } }, quietStart: '22:00', quietEnd: '07:00', weeklyMax: 4 }));
		await notify(db, { userId: solo, kind: 'hour', dedupeKey: 'exn' });
		const exported = await exportNotifications(db, solo);
		expect(exported.preferences).toMatchObject({ choices: { hour: { push: true } }, quietStart: '22:00', weeklyMax: 4 });
		expect(exported.pushDevices).toEqual([{ service: 'fcm.googleapis.com', addedAt: expect.any(String) }]);
		expect(exported.notices).toEqual([expect.objectContaining({ kind: 'hour', status: 'pending' })]);
		expect(JSON.stringify(exported)).not.toContain(keys.authSecret);
		expect((await exportUserData(db, solo)).notifications).toEqual(exported);
		const page = renderNotificationsExportHtml(exported, 'en');
		expect(page).toContain('Your weekly hour begins: Push notification');
		expect(page).toContain('Quiet hours: from 22:00 until 07:00 (Europe/Amsterdam)');
		await deleteAccount(db, { userId: solo, password: pass, locale: 'nl' });
		expect((await db.select().from(notificationPreferences)).filter((r) => r.userId === solo)).toEqual([]);
		expect((await db.select().from(pushSubscriptions)).filter((r) => r.userId === solo)).toEqual([]);
		expect(await outboxOf(solo)).toEqual([]);
	});
});

describe(`notifications' second wall: row-level security (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const role = `herstelpad_app_notify_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	async function asApp<T>(actorId: string, work: (tx: Database) => Promise<T>): Promise<T> {
		return db.transaction(async (tx) => {
			await tx.execute(sql`select set_config('app.user_id', ${actorId}, true), set_config('app.system', 'off', true)`);
			await tx.execute(sql`set local role ${sql.identifier(role)}`);
			return work(tx as unknown as Database);
		});
	}
	const rows = async (tx: Database, query: string) => ((await tx.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;

	beforeAll(async () => {
		db = database();
		const { users } = await import('../db/schema');
		await db.execute(sql`create role ${sql.identifier(role)} login nosuperuser nocreatedb nocreaterole nobypassrls`);
		await grantAppRole(db, role);
		await db.insert(users).values(['n-ann', 'n-bo'].map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
	});
	afterAll(async () => {
		await db.execute(sql`drop owned by ${sql.identifier(role)}`);
		await db.execute(sql`drop role ${sql.identifier(role)}`);
	});

	it('shows each person only their own choices, devices and notices', async () => {
		await asApp('n-ann', (tx) => savePreferences(tx, 'n-ann', { ...DEFAULT_PREFERENCES, choices: { letter: { email: true } } }));
		await notify(db, { userId: 'n-ann', kind: 'letter', dedupeKey: 'rls' });
		const rlsKeys = browserKeys();
		await savePushSubscription(db, 'n-ann', { endpoint: 'https://fcm.googleapis.com/fcm/send/rls', p256dh: rlsKeys.p256dh, auth: rlsKeys.authSecret });
		expect(await asApp('n-ann', (tx) => rows(tx, 'select user_id from notification_preferences'))).toHaveLength(1);
		expect(await asApp('n-bo', (tx) => rows(tx, 'select user_id from notification_preferences'))).toEqual([]);
		expect(await asApp('n-bo', (tx) => rows(tx, 'select id from notification_outbox'))).toEqual([]);
		expect(await asApp('n-bo', (tx) => rows(tx, 'select id from push_subscriptions'))).toEqual([]);
		expect(await asApp('n-bo', (tx) => rows(tx, "update notification_preferences set weekly_max = 14 where user_id = 'n-ann' returning user_id"))).toEqual([]);
		expect(await asApp('n-ann', (tx) => rows(tx, 'select id from push_subscriptions'))).toHaveLength(1);
	});
});
