import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { grantAppRole } from '../db/app-role';
import { issuePasswordResetToken, resetPassword, signIn, signOutElsewhere, signUp } from '../auth/accounts';
import { listSecurityEvents } from '../security/events';
import { validateSession } from '../auth/sessions';
import { chooseRole, deleteAccount } from '../users/users';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf } from '../couple/membership';
import { setHourSlot } from '../hour/hour';
import { createCommitment, endCommitment, pauseCommitment } from '../deeds/commitments';
import { exportUserData } from '../privacy/export';
import { calendarFeeds } from '../db/schema';
import { hashToken } from '../security/tokens';
import { calendarForToken, createCalendarFeed, exportCalendarFeed, FEED_TOKEN, feedUrl, getCalendarFeed, revokeCalendarFeed } from './feed';

const pass = 'long enough pass';

interface Parsed {
	summary: string;
	description: string;
	uid: string;
	rrule: string | null;
	start: ICAL.Time;
	tzid: string | null;
	duration: string | null;
}

/** Parses a feed with ical.js: its events' properties, as any calendar app would read them. */
function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events: Parsed[] = calendar.getAllSubcomponents('vevent').map((v) => {
		const event = new ICAL.Event(v);
		return {
			summary: event.summary,
			description: event.description,
			uid: event.uid,
			rrule: v.getFirstPropertyValue('rrule')?.toString() ?? null,
			start: event.startDate,
			tzid: v.getFirstProperty('dtstart')!.getParameter('tzid') as string | null,
			duration: event.duration?.toString() ?? null
		};
	});
	return { calendar, events, name: calendar.getFirstPropertyValue('x-wr-calname') };
}

describe(`the private calendar feed (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const actor = async (userId: string): Promise<Actor> => ({ userId, coupleId: await coupleIdOf(db, userId) });
	const make = async (name: string, role: 'repairing' | 'hurt', locale: 'nl' | 'en' = 'nl') => {
		const { userId } = await signUp(db, { email: `${name}@example.org`, password: pass, displayName: `${name}-NAME`, locale });
		await chooseRole(db, userId, role);
		return userId;
	};
	const pair = async (a: string, b: string, locale: 'nl' | 'en' = 'nl') => {
		const repairing = await make(a, 'repairing', locale);
		const hurt = await make(b, 'hurt', locale);
		await acceptInvitation(db, hurt, (await createInvitation(db, repairing)).token);
		return { repairing, hurt };
	};
	const feedOf = async (userId: string, now = new Date()) => {
		const text = await calendarForToken(db, await createCalendarFeed(db, userId), now);
		expect(text).not.toBeNull();
		return { text: text!, ...parse(text!) };
	};

	beforeAll(() => {
		db = database();
	});

	it("holds the couple's weekly hour in its zone and the person's own active commitments, in neutral words", async () => {
		const { repairing, hurt } = await pair('rik', 'hanna');
		await setHourSlot(db, await actor(hurt), { weekday: 3, time: '20:30', timeZone: 'Europe/Amsterdam' });
		const r = await actor(repairing);
		await createCommitment(db, r, { title: 'DAILY-TITLE bellen', why: 'DAILY-WHY', rhythm: 'daily', weekdays: [], share: true });
		await createCommitment(db, r, { title: 'WEEKDAYS-TITLE', why: 'WEEKDAYS-WHY', rhythm: 'weekdays', weekdays: [5, 1, 3], share: false });
		await createCommitment(db, r, { title: 'WEEKLY-TITLE', why: 'WEEKLY-WHY', rhythm: 'weekly', weekdays: [], share: true });
		const paused = await createCommitment(db, r, { title: 'PAUSED-TITLE', why: '', rhythm: 'daily', weekdays: [], share: true });
		await pauseCommitment(db, r, paused.id, 'PAUSE-REASON');
		const ended = await createCommitment(db, r, { title: 'ENDED-TITLE', why: '', rhythm: 'daily', weekdays: [], share: false });
		await endCommitment(db, r, ended.id, 'END-REASON');

		const feed = await feedOf(repairing);
		expect(feed.name).toBe('Herstelpad');
		const hour = feed.events.filter((e) => e.tzid);
		expect(hour).toHaveLength(1);
		expect(hour[0]).toMatchObject({ summary: 'Herstelpad: vast moment', tzid: 'Europe/Amsterdam', rrule: 'FREQ=WEEKLY;BYDAY=WE', duration: 'PT1H', description: 'Een vast moment uit Herstelpad.' });
		expect(hour[0].start.toString()).toMatch(/T20:30:00$/);
		expect(hour[0].start.dayOfWeek()).toBe(4); // ical.js counts Sunday as 1: Wednesday.
		// The slot's zone is written out, and ical.js places the event by it: 20:30 in Amsterdam.
		expect(feed.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n');
		const utc = hour[0].start.toJSDate();
		expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', weekday: 'long' }).format(utc)).toBe('Wednesday 20:30');

		const reminders = feed.events.filter((e) => !e.tzid);
		expect(reminders.map((e) => e.rrule).sort()).toEqual(['FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=MO,WE,FR']);
		for (const e of reminders) {
			expect(e.summary).toBe('Herstelpad: herinnering');
			expect(e.start.isDate).toBe(true);
		}
		// Nothing anyone wrote, no names, no reasons: not in any property, not anywhere in the text.
		for (const secret of ['TITLE', 'WHY', 'REASON', '-NAME', 'bellen', 'rik', 'hanna']) expect(feed.text).not.toContain(secret);
		// UIDs are stable across fetches and show no row ids.
		const again = parse((await calendarForToken(db, await createCalendarFeed(db, repairing)))!);
		expect(again.events.map((e) => e.uid)).toEqual(feed.events.map((e) => e.uid));
		expect(new Set(feed.events.map((e) => e.uid)).size).toBe(feed.events.length);
		for (const e of feed.events) expect(e.uid).toMatch(/^[0-9a-f]{32}@herstelpad$/);
		expect(feed.text).not.toContain(paused.id);

		// The partner's feed: the same hour (same UID), never the other's commitments, shared or not.
		const partner = await feedOf(hurt);
		expect(partner.events).toHaveLength(1);
		expect(partner.events[0].uid).toBe(hour[0].uid);
	});

	it('speaks the person’s language, and shows nothing of another couple', async () => {
		const { repairing, hurt } = await pair('reed', 'hope', 'en');
		await setHourSlot(db, await actor(repairing), { weekday: 7, time: '09:15', timeZone: 'America/New_York' });
		await createCommitment(db, await actor(repairing), { title: 'EN-TITLE', why: 'EN-WHY', rhythm: 'weekly', weekdays: [], share: true });
		const feed = await feedOf(repairing);
		expect(feed.events.map((e) => e.summary).sort()).toEqual(['Herstelpad: reminder', 'Herstelpad: weekly time']);
		expect(feed.events.find((e) => e.tzid)).toMatchObject({ tzid: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=SU', description: 'A regular time from Herstelpad.' });
		expect(feed.text).not.toContain('Europe/Amsterdam');
		expect(feed.text).not.toMatch(/vast moment|herinnering/);

		// A third couple without a slot or commitments: an empty calendar, nothing of the others.
		const other = await pair('rolf', 'hedy');
		for (const userId of [other.repairing, other.hurt]) {
			const empty = await feedOf(userId);
			expect(empty.events).toEqual([]);
			expect(empty.text).not.toMatch(/America|Europe|VEVENT/);
		}
		// Someone solo with their own slot sees theirs; their former-less feed has no couple's slot.
		const solo = await make('sol', 'hurt');
		await setHourSlot(db, await actor(solo), { weekday: 1, time: '07:00', timeZone: 'Asia/Tokyo' });
		const mine = await feedOf(solo);
		expect(mine.events.map((e) => e.tzid)).toEqual(['Asia/Tokyo']);
		expect((await feedOf(hurt)).events.map((e) => e.tzid)).toEqual(['America/New_York']);
	});

	it('opens only with the current token: regenerating and revoking work at once, bad tokens are nothing', async () => {
		const userId = await make('tess', 'hurt');
		expect(await getCalendarFeed(db, userId)).toBeNull();
		const first = await createCalendarFeed(db, userId);
		expect(first).toMatch(FEED_TOKEN);
		expect(feedUrl(first)).toMatch(new RegExp(`/calendar/${first}\\.ics$`));
		expect(await calendarForToken(db, first)).toContain('BEGIN:VCALENDAR');
		// Only the hash is kept.
		const rows = await db.select().from(calendarFeeds).where(sql`${calendarFeeds.userId} = ${userId}`);
		expect(rows).toHaveLength(1);
		expect(rows[0].tokenHash).toBe(hashToken(first));
		expect(JSON.stringify(rows)).not.toContain(first);

		const second = await createCalendarFeed(db, userId);
		expect(second).not.toBe(first);
		expect(await calendarForToken(db, first)).toBeNull();
		expect(await calendarForToken(db, second)).toContain('BEGIN:VCALENDAR');
		expect(await db.select().from(calendarFeeds).where(sql`${calendarFeeds.userId} = ${userId}`)).toHaveLength(1);

		// The feed token is not a session and opens nothing else.
		expect(await validateSession(db, second)).toBeNull();

		await revokeCalendarFeed(db, userId);
		expect(await calendarForToken(db, second)).toBeNull();
		expect(await getCalendarFeed(db, userId)).toBeNull();

		for (const bad of ['', 'x', second.slice(1), `${second}x`, `${second.slice(0, -1)}!`, "' or 1=1 --", hashToken(second)]) expect(await calendarForToken(db, bad), bad).toBeNull();
	});

	it('shows making, renewing and turning off in the security log, and ends with "sign out everywhere else" or a password reset', async () => {
		const userId = await make('sam', 'hurt');
		const kinds = async () => (await listSecurityEvents(db, userId)).map((e) => e.kind).filter((k) => k.startsWith('calendar'));
		await createCalendarFeed(db, userId);
		await createCalendarFeed(db, userId);
		await revokeCalendarFeed(db, userId);
		// Turning off a feed that is already off changes nothing and logs nothing.
		await revokeCalendarFeed(db, userId);
		expect(await kinds()).toEqual(['calendar-feed-revoked', 'calendar-feed-renewed', 'calendar-feed-created']);

		const { session } = await signIn(db, { email: 'sam@example.org', password: pass, address: '192.0.2.1' });
		const token = await createCalendarFeed(db, userId);
		await signOutElsewhere(db, userId, hashToken(session.token));
		expect(await calendarForToken(db, token)).toBeNull();
		expect(await getCalendarFeed(db, userId)).toBeNull();

		const again = await createCalendarFeed(db, userId);
		// The reset page: nobody is signed in.
		await resetPassword(db, { token: (await issuePasswordResetToken(db, userId))!.token, password: 'another long enough pass' });
		expect(await calendarForToken(db, again)).toBeNull();
		expect((await kinds())[0]).toBe('calendar-feed-revoked');
	});

	it('is listed in the export without its secret, and goes with the account', async () => {
		const userId = await make('ed', 'repairing');
		const token = await createCalendarFeed(db, userId);
		const data = await exportUserData(db, userId);
		expect(data.calendarFeed).toEqual({ createdAt: expect.any(String) });
		expect(JSON.stringify(data)).not.toContain(token);
		expect(JSON.stringify(data)).not.toContain(hashToken(token));
		expect(await exportCalendarFeed(db, 'nobody')).toBeNull();
		await deleteAccount(db, { userId, password: pass, locale: 'nl' });
		expect(await db.select().from(calendarFeeds).where(sql`${calendarFeeds.userId} = ${userId}`)).toEqual([]);
		expect(await calendarForToken(db, token)).toBeNull();
	});
});

describe(`the calendar feed's second wall: row-level security (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const role = `herstelpad_app_calendar_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	async function asApp<T>(actorId: string, system: boolean, work: (tx: Database) => Promise<T>): Promise<T> {
		return db.transaction(async (tx) => {
			await tx.execute(sql`select set_config('app.user_id', ${actorId}, true), set_config('app.system', ${system ? 'on' : 'off'}, true)`);
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
		await db.insert(users).values(['u-ann', 'u-bo'].map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
	});

	afterAll(async () => {
		await db.execute(sql`drop owned by ${sql.identifier(role)}`);
		await db.execute(sql`drop role ${sql.identifier(role)}`);
	});

	it('shows a feed to its owner only; the token lookup needs system work', async () => {
		await asApp('u-ann', false, (tx) => createCalendarFeed(tx, 'u-ann'));
		await asApp('u-bo', false, (tx) => createCalendarFeed(tx, 'u-bo'));
		expect(await asApp('u-ann', false, (tx) => rows(tx, 'select user_id from calendar_feeds'))).toEqual([{ user_id: 'u-ann' }]);
		expect(await asApp('', false, (tx) => rows(tx, 'select user_id from calendar_feeds'))).toEqual([]);
		expect(await asApp('u-bo', false, (tx) => rows(tx, "delete from calendar_feeds where user_id = 'u-ann' returning id"))).toEqual([]);
		expect((await asApp('', true, (tx) => rows(tx, 'select user_id from calendar_feeds order by user_id'))).map((r) => r.user_id)).toEqual(['u-ann', 'u-bo']);
		// Ann cannot make a feed for Bo.
		await expect(asApp('u-ann', false, (tx) => rows(tx, "insert into calendar_feeds (id, user_id, token_hash) values ('x', 'u-bo', 'h')"))).rejects.toThrow();
	});
});
