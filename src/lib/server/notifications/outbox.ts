import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { notificationOutbox, notificationPreferences, paceStatus, pushSubscriptions, users } from '../db/schema';
import { runAsSystem } from '../db/actor-context';
import { DomainError } from '../errors';
import { hashToken, newToken } from '../security/tokens';
import { publicUrl } from '../env';
import type { Mailer } from '../mail/mailer';
import { isoWeekday, mondayOf } from '../deeds/days';
import { weekOf } from '../hour/questions';
import { OPEN_PATH, isKind, type NotificationKind } from './kinds';
import { channelsFor, DEFAULT_PREFERENCES, getPreferences, withoutEmail, type Preferences } from './preferences';
import { addDaysTo, deliveryTime, inQuietHours, localClock, nextQuietStart, quietHoursEnd, zonedTime, type QuietHours } from './quiet-hours';
import { notificationMail, PUSH_TEXT, toneOf, type Locale } from './texts';
import { PUSH_TTL_SECONDS, type PushSender } from './push';
import { log } from '../log';
import { APP_TIME_ZONE } from '../../time-zone';

/**
 * The outbox. A domain event (a letter delivered, a wish answered, …) or a reminder becomes one
 * row for one person, unique by its dedupe key, so doing it twice, or in two processes at once,
 * makes one notice. deliverDue sends what is due: only on the channels the person chose for that
 * kind, never in their quiet hours (postponed to their end), never while they asked for space,
 * and never beyond their weekly maximum (dropped, never piled up for later). A try that reaches
 * nobody is tried again, twice, then given up.
 *
 * Built for 10,000 couples on one minute's tick: each step is a fixed number of statements
 * however many people it concerns (an INSERT … SELECT per reminder kind; delivery in batches
 * claimed with FOR UPDATE SKIP LOCKED), and the weekly maximum is counted under a lock on the
 * person's preferences row, so two processes cannot both let the last one through.
 */

const MINUTE = 60_000;
const WEEK_MS = 7 * 24 * 60 * MINUTE;
/** A reminder for the hour is made from its start until this long after. */
const HOUR_WINDOW_MS = 12 * 60 * MINUTE;
/** Closer than this to the quiet hours, a push waits for their end rather than risk arriving in them. */
const PUSH_MIN_TTL_SECONDS = 5 * 60;
/** Check-in reminders: from this local time on the day something is due. */
export const CHECK_IN_REMINDER_TIME = '18:00';
/**
 * A notice that reached nobody (every channel failed) is tried again this long after its first and
 * its second try, and given up after the third: about half an hour in all, gentle on a mail server
 * that is briefly down, and never so late that it stops being timely. Never into quiet hours.
 */
export const RETRY_DELAYS_MS = [5 * MINUTE, 25 * MINUTE] as const;
export const MAX_TRIES = RETRY_DELAYS_MS.length + 1;
/** Notices of one batch sent at once (each waits on a mail or push server, not on us). */
const SEND_CONCURRENCY = 4;

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

/** People who chose this kind on some channel (`p` is notification_preferences). */
const optedIn = (kind: NotificationKind) => sql`(p.choices -> ${kind}::text -> 'push' = 'true'::jsonb or p.choices -> ${kind}::text -> 'email' = 'true'::jsonb)`;

/**
 * Makes the reminders that are due at `now`: the weekly hour at its slot (the couple's, or one's
 * own when solo), and a check-in on a day one of the person's commitments is due and not yet
 * recorded (from 18:00 in the app's time zone). Only for people who chose that kind. Safe to run
 * any number of times and in several processes: the dedupe key names the week or the day, and a
 * second insert of it does nothing (ON CONFLICT DO NOTHING).
 */
export async function createDueReminders(db: Database, now: Date): Promise<number> {
	return runAsSystem(async () => (await createHourReminders(db, now)) + (await createCheckInReminders(db, now)));
}

interface DueSlot {
	zone: string;
	weekday: number;
	time: string;
	/** The slot's day this week and that week's Monday (YYYY-MM-DD), both in the slot's zone. */
	day: string;
	week: string;
	start: string;
}

/**
 * The hour: which slots (weekday, time, zone) began in the last 12 hours is worked out here, once
 * per distinct slot, with the same time-zone arithmetic as everywhere else (quiet-hours.ts), not
 * by the database's own zone data, which may not know every zone a browser offers. One INSERT …
 * SELECT then makes the reminders for everyone whose slot it is.
 */
async function createHourReminders(db: Database, now: Date): Promise<number> {
	const slots = rowsOf<{ weekday: number; time: string; time_zone: string }>(await db.execute(sql`select distinct weekday, "time", time_zone from hour_slots`));
	const due = dueSlots(slots, now);
	if (due.length === 0) return 0;
	const made = await db.execute(sql`
		with due as (
			select * from jsonb_to_recordset(${JSON.stringify(due)}::jsonb) as due(zone text, weekday int, "time" text, day text, week text, start timestamptz)
		),
		slot as (
			select s.couple_id, s.user_id, due.day, due.week, due.start
			from due join hour_slots s on s.time_zone = due.zone and s.weekday = due.weekday and s."time" = due."time"
		),
		-- A couple's slot is each partner's; one's own slot only while not in a couple.
		person as (
			select m.user_id, slot.day, slot.week, slot.start from slot join couple_members m on m.couple_id = slot.couple_id
			union all
			select slot.user_id, slot.day, slot.week, slot.start from slot
			where slot.user_id is not null and not exists (select 1 from couple_members m where m.user_id = slot.user_id)
		)
		insert into notification_outbox (id, user_id, kind, dedupe_key, due_at)
		select gen_random_uuid()::text, person.user_id, 'hour', 'hour:' || person.day, person.start
		from person
		join notification_preferences p on p.user_id = person.user_id
		where ${optedIn('hour')}
		-- Made already (this runs every minute for 12 hours): skipped before anything else is looked at.
		and not exists (select 1 from notification_outbox o where o.user_id = person.user_id and o.dedupe_key = 'hour:' || person.day)
		-- Skipped, or already answered, this week: nothing to remind of.
		and not exists (select 1 from hour_entries e where e.owner_id = person.user_id and e.week = person.week)
		on conflict (user_id, dedupe_key) do nothing
		returning id`);
	return rowsOf(made).length;
}

/** The slots among `slots` whose start this week (in their zone) lies at most 12 hours before `now`. */
export function dueSlots(slots: { weekday: number; time: string; time_zone: string }[], now: Date): DueSlot[] {
	const due: DueSlot[] = [];
	const weeks = new Map<string, { monday: string; wall: number } | null>();
	for (const slot of slots) {
		let week = weeks.get(slot.time_zone);
		if (week === undefined) {
			try {
				const local = localClock(now, slot.time_zone);
				week = { monday: weekOf(now, slot.time_zone), wall: Date.parse(`${local.date}T00:00:00Z`) + local.minutes * MINUTE };
			} catch {
				// A zone this runtime does not know: its slots make no reminder, the others still do.
				log.error('notification.unknown_zone', {});
				week = null;
			}
			weeks.set(slot.time_zone, week);
		}
		if (!week) continue;
		const day = addDaysTo(week.monday, slot.weekday - 1);
		// By the wall clock first (cheap); a daylight-saving change moves the real start by an hour
		// or two at most, so only slots near the window need the exact instant.
		const wallSince = week.wall - (Date.parse(`${day}T00:00:00Z`) + (Number(slot.time.slice(0, 2)) * 60 + Number(slot.time.slice(3, 5))) * MINUTE);
		if (wallSince < -3 * 60 * MINUTE || wallSince > HOUR_WINDOW_MS + 3 * 60 * MINUTE) continue;
		const start = zonedTime(day, slot.time, slot.time_zone);
		if (now < start || now.getTime() - start.getTime() > HOUR_WINDOW_MS) continue;
		due.push({ zone: slot.time_zone, weekday: slot.weekday, time: slot.time, day, week: week.monday, start: start.toISOString() });
	}
	return due;
}

/**
 * Check-ins: commitments are due on days of the app's time zone (deeds/days.ts), so the reminder's
 * day and 18:00 are too; the person's own zone still sets their quiet hours. "Due and not yet
 * recorded" is deeds/today.ts's dueNow in one statement: the commitment is active, started, and
 * the state that holds today (deeds/timeline.ts stateOn: the newest event, by id, before the first
 * later one that starts after today) is active and names today (daily, weekly, or one of its
 * weekdays); its occasion (today, or this week's Monday for a weekly one) has no entry.
 */
async function createCheckInReminders(db: Database, now: Date): Promise<number> {
	const today = localClock(now, APP_TIME_ZONE).date;
	const from = zonedTime(today, CHECK_IN_REMINDER_TIME, APP_TIME_ZONE);
	if (now < from) return 0;
	const key = `check-in:${today}`;
	const made = await db.execute(sql`
		-- Who chose check-ins and has none today yet. Materialised, so this cheap test comes first:
		-- after the first minute from 18:00 it leaves only the people with nothing due.
		with waiting as materialized (
			select p.user_id from notification_preferences p
			where ${optedIn('check-in')}
			and not exists (select 1 from notification_outbox o where o.user_id = p.user_id and o.dedupe_key = ${key}::text)
		)
		insert into notification_outbox (id, user_id, kind, dedupe_key, due_at)
		select gen_random_uuid()::text, waiting.user_id, 'check-in', ${key}::text, ${from.toISOString()}::timestamptz
		from waiting
		where exists (
			select 1
			from commitments c
			cross join lateral (
				select e.status, e.rhythm, e.weekdays, case when e.rhythm = 'weekly' then ${mondayOf(today)}::date else ${today}::date end as occasion
				from commitment_events e
				where e.commitment_id = c.id
				and e.id < coalesce((
					select min(l.id) from commitment_events l
					where l.commitment_id = c.id and l.from_day > ${today}::date
					and l.id > (select min(f.id) from commitment_events f where f.commitment_id = c.id)
				), 2147483647)
				order by e.id desc
				limit 1
			) state
			where c.owner_id = waiting.user_id and c.status = 'active' and c.starts_on <= ${today}::date
			and state.status = 'active'
			and (state.rhythm <> 'weekdays' or state.weekdays @> ${JSON.stringify([isoWeekday(today)])}::jsonb)
			and not exists (select 1 from check_ins ci where ci.commitment_id = c.id and ci.day = state.occasion)
		)
		on conflict (user_id, dedupe_key) do nothing
		returning id`);
	return rowsOf(made).length;
}

export interface Senders {
	mail: Mailer;
	push: PushSender;
}

export interface DeliveryReport {
	sent: number;
	postponed: number;
	dropped: number;
	/** Reached nobody this time; due again a little later. */
	retrying: number;
}

/** What becomes of one claimed notice: every column delivery may change, written in one statement per step. */
interface Settled {
	id: string;
	status: 'pending' | 'sending' | 'sent' | 'dropped';
	reason: string | null;
	due_at: string;
	sent_at: string | null;
	channels: string[];
	token_hash: string | null;
	attempts: number;
}

interface Claimed {
	id: string;
	userId: string;
	kind: string;
	dueAt: Date;
	attempts: number;
}

interface Sendable {
	row: Claimed & { kind: NotificationKind };
	person: { email: string; locale: Locale };
	channels: ('push' | 'email')[];
	quiet: QuietHours;
	pushTtl: number;
	token: string | null;
}

/**
 * Sends up to `limit` notices due at `now`, in a fixed number of statements. The batch is claimed
 * first (`pending → sending`, FOR UPDATE SKIP LOCKED), so two processes never take the same notice
 * and a notice goes out at most once.
 */
export async function deliverDue(db: Database, now: Date, senders: Senders, limit = 100): Promise<DeliveryReport> {
	return runAsSystem(async () => {
		const report: DeliveryReport = { sent: 0, postponed: 0, dropped: 0, retrying: 0 };
		const claimed = (
			rowsOf<{ id: string; user_id: string; kind: string; due_at: Date | string; attempts: number }>(
				await db.execute(sql`
					with due as (
						select id from notification_outbox
						where status = 'pending' and due_at <= ${now.toISOString()}::timestamptz
						order by due_at
						limit ${limit}
						for update skip locked
					)
					update notification_outbox o set status = 'sending'
					from due where o.id = due.id
					returning o.id, o.user_id, o.kind, o.due_at, o.attempts`)
			)
		)
			.map((r) => ({ id: r.id, userId: r.user_id, kind: r.kind, dueAt: new Date(r.due_at), attempts: Number(r.attempts) }))
			// Oldest first, as one at a time would: the earliest take the room under the weekly maximum.
			.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : 1));
		if (claimed.length === 0) return report;

		const userIds = [...new Set(claimed.map((r) => r.userId))];
		const people = new Map(
			(
				await db
					.select({
						id: users.id,
						email: users.email,
						locale: users.locale,
						choices: notificationPreferences.choices,
						quietStart: notificationPreferences.quietStart,
						quietEnd: notificationPreferences.quietEnd,
						timeZone: notificationPreferences.timeZone,
						pace: paceStatus.status
					})
					.from(users)
					.leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
					.leftJoin(paceStatus, eq(paceStatus.userId, users.id))
					.where(inArray(users.id, userIds))
			).map((p) => [p.id, p])
		);

		const settled: Settled[] = [];
		const keep = (row: Claimed, change: Partial<Settled> & Pick<Settled, 'status'>): Settled => ({
			id: row.id,
			reason: null,
			due_at: row.dueAt.toISOString(),
			sent_at: null,
			channels: [],
			token_hash: null,
			attempts: row.attempts,
			...change
		});
		const drop = (row: Claimed, reason: string) => {
			settled.push(keep(row, { status: 'dropped', reason }));
			report.dropped++;
		};
		const candidates: Sendable[] = [];
		for (const row of claimed) {
			if (!isKind(row.kind)) {
				drop(row, 'unknown-kind');
				continue;
			}
			const person = people.get(row.userId);
			const preferences: Pick<Preferences, 'choices' | 'quietStart' | 'quietEnd' | 'timeZone'> = person?.choices ? { choices: person.choices, quietStart: person.quietStart, quietEnd: person.quietEnd, timeZone: person.timeZone! } : DEFAULT_PREFERENCES;
			const channels = channelsFor(preferences, row.kind);
			if (!person || channels.length === 0) {
				drop(row, 'not-opted-in');
				continue;
			}
			if (person.pace === 'space') {
				drop(row, 'space');
				continue;
			}
			const quiet = { start: preferences.quietStart, end: preferences.quietEnd, timeZone: preferences.timeZone };
			// A push waits at the push service while the phone is offline; it may wait only until the quiet hours begin.
			const quietStart = nextQuietStart(now, quiet);
			const pushTtl = quietStart ? Math.min(PUSH_TTL_SECONDS, Math.floor((quietStart.getTime() - now.getTime()) / 1000)) : PUSH_TTL_SECONDS;
			if (inQuietHours(now, quiet) || (channels.includes('push') && pushTtl < PUSH_MIN_TTL_SECONDS)) {
				settled.push(keep(row, { status: 'pending', due_at: quietHoursEnd(now, quiet).toISOString() }));
				report.postponed++;
				continue;
			}
			candidates.push({ row: { ...row, kind: row.kind }, person: { email: person.email, locale: person.locale }, channels, quiet, pushTtl, token: null });
		}

		// The weekly maximum, counted under a lock on each person's preferences row: a second process
		// delivering for the same person waits here until this one has reserved its notices (sent_at
		// set while still 'sending'), and then counts them. Nothing is sent inside the transaction.
		const allowed: Sendable[] = [];
		if (candidates.length === 0) {
			await settle(db, settled);
			return report;
		}
		await db.transaction(async (raw) => {
			const tx = raw as unknown as Database;
			const ids = [...new Set(candidates.map((c) => c.row.userId))].sort();
			const maxima = new Map(
				(await tx.select({ userId: notificationPreferences.userId, weeklyMax: notificationPreferences.weeklyMax }).from(notificationPreferences).where(inArray(notificationPreferences.userId, ids)).orderBy(asc(notificationPreferences.userId)).for('update')).map((r) => [r.userId, r.weeklyMax])
			);
			const used = new Map(
				(
					await tx
						.select({ userId: notificationOutbox.userId, n: sql<number>`count(*)::int` })
						.from(notificationOutbox)
						.where(and(inArray(notificationOutbox.userId, ids), inArray(notificationOutbox.status, ['sent', 'sending']), gt(notificationOutbox.sentAt, new Date(now.getTime() - WEEK_MS))))
						.groupBy(notificationOutbox.userId)
				).map((r) => [r.userId, Number(r.n)])
			);
			for (const candidate of candidates) {
				const max = maxima.get(candidate.row.userId);
				// Gone since it was read (the account deleted): nothing to send.
				if (max === undefined) {
					drop(candidate.row, 'not-opted-in');
					continue;
				}
				const n = used.get(candidate.row.userId) ?? 0;
				if (n >= max) {
					drop(candidate.row, 'weekly-max');
					continue;
				}
				used.set(candidate.row.userId, n + 1);
				// The e-mail's unsubscribe token is stored before it leaves, so its link works the moment it arrives.
				if (candidate.channels.includes('email')) candidate.token = newToken();
				settled.push(keep(candidate.row, { status: 'sending', sent_at: now.toISOString(), token_hash: candidate.token ? hashToken(candidate.token) : null }));
				allowed.push(candidate);
			}
			await settle(tx, settled);
		});
		if (allowed.length === 0) return report;

		const wantsPush = allowed.filter((c) => c.channels.includes('push')).map((c) => c.row.userId);
		const devices = wantsPush.length ? await db.select().from(pushSubscriptions).where(inArray(pushSubscriptions.userId, [...new Set(wantsPush)])) : [];
		const gone = new Set<string>();
		const done: Settled[] = [];
		await inParallel(allowed, SEND_CONCURRENCY, async (candidate) => {
			const { row, person, channels } = candidate;
			const locale = person.locale;
			const tone = toneOf(row.kind);
			const sentOn: string[] = [];
			let failed = false;
			try {
				if (channels.includes('push')) {
					let any = false;
					for (const s of devices.filter((d) => d.userId === row.userId && !gone.has(d.id))) {
						const outcome = await senders.push({ endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth }, { ...PUSH_TEXT[tone][locale], url: localePath(locale, OPEN_PATH[row.kind]) }, { ttlSeconds: candidate.pushTtl });
						if (outcome === 'gone') gone.add(s.id);
						if (outcome === 'failed') failed = true;
						if (outcome === 'sent') any = true;
					}
					if (any) sentOn.push('push');
				}
				if (channels.includes('email') && candidate.token) {
					const token = candidate.token;
					const content = notificationMail(locale, tone, {
						openLink: publicUrl(localePath(locale, '/dashboard')),
						unsubscribeLink: publicUrl(localePath(locale, `/notifications/unsubscribe?token=${encodeURIComponent(token)}`)),
						oneClickLink: publicUrl(`/notifications/unsubscribe/one-click?token=${encodeURIComponent(token)}`),
						settingsLink: publicUrl(localePath(locale, '/settings/notifications'))
					});
					try {
						await senders.mail.send(person.email, content, 'notification');
						sentOn.push('email');
					} catch {
						/* logged by the mailer, without the address */
						failed = true;
					}
				}
			} catch (err) {
				// Something unforeseen: one notice must not stop the others. Given up, not tried again:
				// it may have gone out already, and a notice is never sent twice.
				log.error('notification.failed', { type: err instanceof Error ? err.name : typeof err });
				done.push(keep(row, { status: 'dropped', reason: 'failed' }));
				report.dropped++;
				return;
			}
			if (sentOn.length > 0) {
				done.push(keep(row, { status: 'sent', sent_at: now.toISOString(), channels: sentOn, token_hash: sentOn.includes('email') ? hashToken(candidate.token!) : null }));
				report.sent++;
			} else if (!failed) {
				// Push only, and no device left to take it: trying again would find none either.
				done.push(keep(row, { status: 'dropped', reason: 'no-device' }));
				report.dropped++;
			} else if (row.attempts + 1 >= MAX_TRIES) {
				done.push(keep(row, { status: 'dropped', reason: 'failed', attempts: row.attempts + 1 }));
				report.dropped++;
			} else {
				const next = deliveryTime(new Date(now.getTime() + RETRY_DELAYS_MS[row.attempts]), candidate.quiet);
				done.push(keep(row, { status: 'pending', due_at: next.toISOString(), attempts: row.attempts + 1 }));
				report.retrying++;
			}
		});
		if (gone.size > 0) await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, [...gone]));
		await settle(db, done);
		return report;
	});
}

/** Writes what became of a batch's notices: one statement, however many. */
async function settle(db: Database, rows: Settled[]) {
	if (rows.length === 0) return;
	await db.execute(sql`
		update notification_outbox o
		set status = v.status, reason = v.reason, due_at = v.due_at, sent_at = v.sent_at, channels = v.channels, unsubscribe_token_hash = v.token_hash, attempts = v.attempts
		from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id text, status text, reason text, due_at timestamptz, sent_at timestamptz, channels jsonb, token_hash text, attempts int)
		where o.id = v.id`);
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (next < items.length) await work(items[next++]);
		})
	);
}

/** How long a notice (and so its e-mail's unsubscribe link) is kept once sent or dropped. */
export const KEEP_NOTICES_DAYS = 90;

/** Forgets notices older than KEEP_NOTICES_DAYS that are done with; their unsubscribe links stop working. */
export async function purgeOldNotices(db: Database, now: Date) {
	// Claimed by a process that stopped mid-send: given up after a day rather than sent twice.
	await runAsSystem(() =>
		db
			.update(notificationOutbox)
			.set({ status: 'dropped', reason: 'failed' })
			.where(and(eq(notificationOutbox.status, 'sending'), lt(notificationOutbox.dueAt, new Date(now.getTime() - 24 * 60 * 60 * 1000))))
	);
	await runAsSystem(() =>
		db.delete(notificationOutbox).where(and(inArray(notificationOutbox.status, ['sent', 'dropped']), lt(notificationOutbox.dueAt, new Date(now.getTime() - KEEP_NOTICES_DAYS * 24 * 60 * 60 * 1000))))
	);
}

const localePath = (locale: Locale, path: string) => (locale === 'en' ? `/en${path}` : path);

/** The notice an unsubscribe token came with, or nothing. Signed out, so system work. */
async function byToken(db: Database, token: string) {
	if (!/^[\w-]{20,100}$/.test(token)) return undefined;
	const [row] = await runAsSystem(() =>
		db.select({ userId: notificationOutbox.userId }).from(notificationOutbox).where(eq(notificationOutbox.unsubscribeTokenHash, hashToken(token)))
	);
	return row;
}

export async function isUnsubscribeToken(db: Database, token: string) {
	return !!(await byToken(db, token));
}

/** The link in a notification e-mail: every e-mail notice off for its person (push stays as chosen). */
export async function unsubscribeByToken(db: Database, token: string) {
	const row = await byToken(db, token);
	if (!row) throw new DomainError('notification_link_invalid');
	await runAsSystem(async () => {
		const preferences = await getPreferences(db, row.userId);
		await db
			.update(notificationPreferences)
			.set({ choices: withoutEmail(preferences.choices), updatedAt: new Date() })
			.where(eq(notificationPreferences.userId, row.userId));
	});
}

/** The person's notification choices, devices (when added, not their addresses' secrets) and notices for the export. */
export async function exportNotifications(db: Database, userId: string) {
	const preferences = await getPreferences(db, userId);
	const subscriptions = await db
		.select({ endpoint: pushSubscriptions.endpoint, createdAt: pushSubscriptions.createdAt })
		.from(pushSubscriptions)
		.where(eq(pushSubscriptions.userId, userId));
	const notices = await db
		.select({ kind: notificationOutbox.kind, dueAt: notificationOutbox.dueAt, status: notificationOutbox.status, reason: notificationOutbox.reason, channels: notificationOutbox.channels, sentAt: notificationOutbox.sentAt })
		.from(notificationOutbox)
		.where(eq(notificationOutbox.userId, userId))
		.orderBy(asc(notificationOutbox.dueAt));
	return {
		preferences: { choices: preferences.choices, quietStart: preferences.quietStart, quietEnd: preferences.quietEnd, timeZone: preferences.timeZone, weeklyMax: preferences.weeklyMax },
		pushDevices: subscriptions.map((s) => ({ service: new URL(s.endpoint).host, addedAt: s.createdAt.toISOString() })),
		notices: notices.map((n) => ({ kind: n.kind, dueAt: n.dueAt.toISOString(), status: n.status, reason: n.reason, channels: n.channels, sentAt: n.sentAt ? n.sentAt.toISOString() : null }))
	};
}

