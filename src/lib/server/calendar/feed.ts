import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { calendarFeeds, commitments, hourSlots, users } from '../db/schema';
import { runAsSystem } from '../db/actor-context';
import { actAs } from '../access/refusals';
import { can, hourAccess, type Actor } from '../access/policy';
import { coupleIdOf } from '../couple/membership';
import { commitmentAccess, timelinesOf } from '../deeds/commitments';
import { addDays, isoWeekday, localDay, mondayOf } from '../deeds/days';
import { stateOn } from '../deeds/timeline';
import { hashToken, newId, newToken } from '../security/tokens';
import { isUniqueViolation } from '../errors';
import { publicUrl } from '../env';
import { hitLimit, type Limit } from '../security/rate-limit';
import { recordSecurityEvent } from '../security/events';
import { m } from '$lib/paraglide/messages.js';
import { serializeCalendar, type IcsEvent } from './ics';

/**
 * The private, revocable calendar feed (issue 13, item 6; decision 019). One per person, opened by
 * a 256-bit token of which only the SHA-256 is kept. The feed holds the weekly hour's slot and the
 * rhythm of the person's own active commitments, with neutral texts only: no names, no wording of
 * a commitment, nothing that says what Herstelpad is about. The token opens this feed and nothing
 * else: it is never a session, and the feed is read-only.
 */

type Locale = 'nl' | 'en';

/**
 * Fetches per feed. Google and Outlook fetch every subscriber's feed from a few shared addresses,
 * so a valid feed is counted on its own: a calendar app looks every few hours; this is generous.
 */
export const FEED_LIMIT: Limit = { max: 60, windowSeconds: 15 * 60 };

/**
 * Malformed or unknown tokens per address: guessing. Counted only for tokens that open nothing, so
 * the people whose feeds share a fetcher's address never use up one another's fetches.
 */
export const GUESS_LIMIT: Limit = { max: 120, windowSeconds: 15 * 60 };

/** base64url of 32 random bytes: exactly 43 characters. Anything else is not a token. */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The feed's address for a token, built from the configured origin (never from the request). */
export function feedUrl(token: string): string {
	return publicUrl(`/calendar/${token}.ics`);
}

/** Whether the person has a feed now, and since when; never the token (it is not kept). */
export async function getCalendarFeed(db: Database, userId: string) {
	const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
	return row ? { createdAt: row.createdAt } : null;
}

/**
 * Turns the feed on, or gives it a new address: the old one stops working at once. Returns the
 * token, which is shown once and then exists only with the person.
 */
export async function createCalendarFeed(db: Database, userId: string, now = new Date()): Promise<string> {
	const token = newToken();
	const values = { tokenHash: hashToken(token), createdAt: now };
	const updated = await db.update(calendarFeeds).set(values).where(eq(calendarFeeds.userId, userId)).returning({ id: calendarFeeds.id });
	if (updated.length) {
		await recordSecurityEvent(db, userId, 'calendar-feed-renewed');
		return token;
	}
	try {
		await db.insert(calendarFeeds).values({ id: newId(), userId, ...values });
	} catch (err) {
		// A second tab made one at the same moment: replace it, so the address shown is the one that works.
		if (!isUniqueViolation(err)) throw err;
		await db.update(calendarFeeds).set(values).where(eq(calendarFeeds.userId, userId));
	}
	await recordSecurityEvent(db, userId, 'calendar-feed-created');
	return token;
}

/**
 * Turns the feed off: its address answers "not found" from the next request on. Also called when
 * the person signs out everywhere else or resets the password (a device once trusted may still hold
 * the address). Recorded in the security log only when there was a feed to turn off. Runs as the
 * owner, so it works from the password-reset page too, where nobody is signed in.
 */
export async function revokeCalendarFeed(db: Database, userId: string) {
	const deleted = await actAs(db, userId, () => db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ id: calendarFeeds.id }));
	if (deleted.length) await recordSecurityEvent(db, userId, 'calendar-feed-revoked');
}

/** For the export: that a feed exists and since when, never its secret (nor its hash). */
export async function exportCalendarFeed(db: Database, userId: string) {
	const feed = await getCalendarFeed(db, userId);
	return feed ? { createdAt: feed.createdAt.toISOString() } : null;
}

/** The feed's owner for a token, or null for a malformed, unknown or revoked one. */
async function ownerOfToken(db: Database, token: string) {
	if (!FEED_TOKEN.test(token)) return null;
	const [owner] = await runAsSystem(() =>
		db
			.select({ feedId: calendarFeeds.id, userId: calendarFeeds.userId, locale: users.locale })
			.from(calendarFeeds)
			.innerJoin(users, eq(users.id, calendarFeeds.userId))
			.where(eq(calendarFeeds.tokenHash, hashToken(token)))
	);
	return owner ?? null;
}

/**
 * The feed for a token, as iCalendar text; null for a token that is malformed, unknown or revoked
 * (the route answers 404 to all three alike). Nobody is signed in: the one lookup of the token's
 * hash is system work (decision 019); everything after it runs as the feed's owner, so row-level
 * security and the access policy see exactly what that person may see.
 */
export async function calendarForToken(db: Database, token: string, now = new Date()): Promise<string | null> {
	const owner = await ownerOfToken(db, token);
	if (!owner) return null;
	return actAs(db, owner.userId, () => buildCalendar(db, owner.userId, owner.locale, now));
}

/** `locale` on a refusal: the feed owner's language, when the token opens a feed (the address itself carries none). */
export type FeedReply = { kind: 'calendar'; body: string } | { kind: 'not_found' } | { kind: 'limited'; retryAfterSeconds: number; locale?: Locale };

/**
 * One fetch of the feed address, counted: a token that opens a feed counts against that feed
 * (`FEED_LIMIT`), any other against the address it came from (`GUESS_LIMIT`). The lookup of a
 * hash is one indexed read, cheaper than the count itself; a 256-bit token cannot be guessed, the
 * address limit only keeps the load of trying down.
 */
export async function fetchCalendarFeed(db: Database, token: string, address: string, now = new Date()): Promise<FeedReply> {
	const owner = await ownerOfToken(db, token);
	const limit = owner ? await hitLimit(db, `calendar:feed:${owner.feedId}`, FEED_LIMIT, now) : await hitLimit(db, `calendar:guess:${address}`, GUESS_LIMIT, now);
	if (!limit.allowed) return { kind: 'limited', retryAfterSeconds: limit.retryAfterSeconds, locale: owner?.locale };
	if (!owner) return { kind: 'not_found' };
	return { kind: 'calendar', body: await actAs(db, owner.userId, () => buildCalendar(db, owner.userId, owner.locale, now)) };
}

/** A stable UID that does not show the row's id: the same item keeps it across every fetch. */
const uidOf = (kind: string, id: string) => `${createHash('sha256').update(`herstelpad-calendar:${kind}:${id}`).digest('hex').slice(0, 32)}@herstelpad`;

const say = (key: 'calendar_event_hour' | 'calendar_event_hour_text' | 'calendar_event_commitment' | 'calendar_event_commitment_text' | 'calendar_event_weekly_text' | 'calendar_feed_name', locale: Locale) =>
	m[key]({}, { locale });

/** The local date (YYYY-MM-DD) of an instant in a zone. */
const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

const BYDAY = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The events of one person's feed, built as that person. */
export async function calendarEvents(db: Database, userId: string, locale: Locale, now = new Date()): Promise<IcsEvent[]> {
	const actor: Actor = { userId, coupleId: await coupleIdOf(db, userId) };
	const events: IcsEvent[] = [];
	const home = publicUrl(locale === 'en' ? '/en' : '/');

	// The weekly hour: the couple's slot (or one's own when solo), every week at that wall-clock time in its zone.
	const [slot] = await db
		.select({ id: hourSlots.id, coupleId: hourSlots.coupleId, userId: hourSlots.userId, weekday: hourSlots.weekday, time: hourSlots.time, timeZone: hourSlots.timeZone, updatedAt: hourSlots.updatedAt })
		.from(hourSlots)
		.where(actor.coupleId ? eq(hourSlots.coupleId, actor.coupleId) : eq(hourSlots.userId, userId));
	if (slot && hourAccess.slot(slot, actor)) {
		// The first such weekday on or after the day it was set, in the slot's zone.
		const setOn = dayIn(slot.updatedAt, slot.timeZone);
		const first = addDays(setOn, (slot.weekday - isoWeekday(setOn) + 7) % 7);
		events.push({
			uid: uidOf('hour', slot.id),
			summary: say('calendar_event_hour', locale),
			description: say('calendar_event_hour_text', locale),
			url: home,
			start: { local: `${first}T${slot.time}`, timeZone: slot.timeZone },
			minutes: 60,
			rrule: `FREQ=WEEKLY;BYDAY=${BYDAY[slot.weekday]}`,
			lastModified: slot.updatedAt
		});
	}

	// The person's own commitments that are active today, each as an all-day reminder in its rhythm.
	const rows = (
		await db
			.select({ id: commitments.id, ownerId: commitments.ownerId, sharedCoupleId: commitments.sharedCoupleId, status: commitments.status, startsOn: commitments.startsOn, updatedAt: commitments.updatedAt })
			.from(commitments)
			.where(eq(commitments.ownerId, userId))
			.orderBy(commitments.createdAt)
	).filter((row) => row.status === 'active' && can(actor, 'read', commitmentAccess(row)));
	const timelines = await timelinesOf(db, rows);
	const today = localDay(now);
	for (const row of rows) {
		const timeline = timelines.get(row.id)!;
		// Starting later than today is not possible (createCommitment refuses it); as of today's state.
		const state = stateOn(timeline, today < row.startsOn ? row.startsOn : today);
		if (state?.status !== 'active') continue;
		// The current rhythm holds from its own day (or the start, whichever is later).
		const from = state.fromDay > row.startsOn ? state.fromDay : row.startsOn;
		const base = { uid: uidOf('commitment', row.id), summary: say('calendar_event_commitment', locale), url: home, lastModified: row.updatedAt };
		if (state.rhythm === 'daily') {
			events.push({ ...base, description: say('calendar_event_commitment_text', locale), start: { day: from }, rrule: 'FREQ=DAILY' });
		} else if (state.rhythm === 'weekdays' && state.weekdays.length) {
			let first = from;
			while (!state.weekdays.includes(isoWeekday(first))) first = addDays(first, 1);
			events.push({ ...base, description: say('calendar_event_commitment_text', locale), start: { day: first }, rrule: `FREQ=WEEKLY;BYDAY=${[...state.weekdays].sort().map((d) => BYDAY[d]).join(',')}` });
		} else if (state.rhythm === 'weekly') {
			// Once a week, any day of it: one reminder on the week's Monday.
			events.push({ ...base, description: say('calendar_event_weekly_text', locale), start: { day: mondayOf(from) }, rrule: 'FREQ=WEEKLY;BYDAY=MO' });
		}
	}
	return events;
}

async function buildCalendar(db: Database, userId: string, locale: Locale, now: Date): Promise<string> {
	return serializeCalendar({
		prodId: `-//Herstelpad//Calendar//${locale.toUpperCase()}`,
		name: say('calendar_feed_name', locale),
		events: await calendarEvents(db, userId, locale, now),
		now
	});
}
