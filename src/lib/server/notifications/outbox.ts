import { and, asc, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { coupleMembers, hourEntries, hourSlots, notificationOutbox, notificationPreferences, paceStatus, pushSubscriptions, users } from '../db/schema';
import { runAsSystem } from '../db/actor-context';
import { DomainError } from '../errors';
import { notify } from './notify';
import { hashToken, newToken } from '../security/tokens';
import { publicUrl } from '../env';
import type { Mailer } from '../mail/mailer';
import { dueNow } from '../deeds/today';
import { weekOf } from '../hour/questions';
import { OPEN_PATH, isKind, type NotificationKind } from './kinds';
import { channelsFor, getPreferences, withoutEmail } from './preferences';
import { addDaysTo, inQuietHours, localClock, nextQuietStart, quietHoursEnd, zonedTime } from './quiet-hours';
import { notificationMail, PUSH_TEXT, type Locale } from './texts';
import { PUSH_TTL_SECONDS, type PushSender } from './push';
import { log } from '../log';
import { APP_TIME_ZONE } from '../../time-zone';

/**
 * The outbox. A domain event (a letter delivered, a wish answered, …) or a reminder becomes one
 * row for one person, unique by its dedupe key, so doing it twice, or in two processes at once,
 * makes one notice. deliverDue sends what is due: only on the channels the person chose for that
 * kind, never in their quiet hours (postponed to their end), never while they asked for space,
 * and never beyond their weekly maximum (dropped, never piled up for later).
 */

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** A reminder for the hour is made from its start until this long after. */
const HOUR_WINDOW_MS = 12 * 60 * 60 * 1000;
/** Closer than this to the quiet hours, a push waits for their end rather than risk arriving in them. */
const PUSH_MIN_TTL_SECONDS = 5 * 60;
/** Check-in reminders: from this local time on the day something is due. */
export const CHECK_IN_REMINDER_TIME = '18:00';

/** People who opted into this kind on some channel. */
async function optedIn(db: Database, kind: NotificationKind) {
	const rows = await db
		.select({ userId: notificationPreferences.userId, choices: notificationPreferences.choices, timeZone: notificationPreferences.timeZone })
		.from(notificationPreferences)
		.where(sql`${notificationPreferences.choices} ? ${kind}`);
	return rows.filter((r) => channelsFor(r, kind).length > 0);
}

/**
 * Makes the reminders that are due at `now`: the weekly hour at its slot (the couple's, or one's
 * own when solo), and a check-in on a day one of the person's commitments is due and not yet
 * recorded (from 18:00 in their time zone). Only for people who chose that kind. Safe to run any
 * number of times and in several processes: the dedupe key names the week or the day.
 */
export async function createDueReminders(db: Database, now: Date): Promise<number> {
	return runAsSystem(async () => {
		let made = 0;
		for (const person of await optedIn(db, 'hour')) {
			const [member] = await db.select({ coupleId: coupleMembers.coupleId }).from(coupleMembers).where(eq(coupleMembers.userId, person.userId));
			const [slot] = await db
				.select({ weekday: hourSlots.weekday, time: hourSlots.time, timeZone: hourSlots.timeZone })
				.from(hourSlots)
				.where(member ? eq(hourSlots.coupleId, member.coupleId) : eq(hourSlots.userId, person.userId));
			if (!slot) continue;
			const monday = weekOf(now, slot.timeZone);
			const day = addDaysTo(monday, slot.weekday - 1);
			const start = zonedTime(day, slot.time, slot.timeZone);
			if (now < start || now.getTime() - start.getTime() > HOUR_WINDOW_MS) continue;
			// Skipped, or already answered, this week: nothing to remind of.
			const [entry] = await db.select({ id: hourEntries.id }).from(hourEntries).where(and(eq(hourEntries.ownerId, person.userId), eq(hourEntries.week, monday)));
			if (entry) continue;
			if (await notify(db, { userId: person.userId, kind: 'hour', dedupeKey: `hour:${day}`, dueAt: start }, now)) made++;
		}
		for (const person of await optedIn(db, 'check-in')) {
			// Commitments are due on days of the app's time zone (deeds/days.ts), so the reminder's day
			// and 18:00 are too; the person's own zone still sets their quiet hours.
			const local = localClock(now, APP_TIME_ZONE);
			const from = zonedTime(local.date, CHECK_IN_REMINDER_TIME, APP_TIME_ZONE);
			if (now < from) continue;
			const [member] = await db.select({ coupleId: coupleMembers.coupleId }).from(coupleMembers).where(eq(coupleMembers.userId, person.userId));
			const due = await dueNow(db, { userId: person.userId, coupleId: member?.coupleId ?? null }, now);
			if (!due.some((d) => !d.recorded)) continue;
			if (await notify(db, { userId: person.userId, kind: 'check-in', dedupeKey: `check-in:${local.date}`, dueAt: from }, now)) made++;
		}
		return made;
	});
}

export interface Senders {
	mail: Mailer;
	push: PushSender;
}

export interface DeliveryReport {
	sent: number;
	postponed: number;
	dropped: number;
}

/**
 * Sends the notices due at `now`. Each row is claimed first ('sending'), so two processes never
 * send the same one; a notice goes out at most once.
 */
export async function deliverDue(db: Database, now: Date, senders: Senders, limit = 100): Promise<DeliveryReport> {
	return runAsSystem(async () => {
		const report: DeliveryReport = { sent: 0, postponed: 0, dropped: 0 };
		const due = await db
			.select({ id: notificationOutbox.id })
			.from(notificationOutbox)
			.where(and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.dueAt, now)))
			.orderBy(asc(notificationOutbox.dueAt))
			.limit(limit);
		for (const { id } of due) {
			const [row] = await db
				.update(notificationOutbox)
				.set({ status: 'sending' })
				.where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.status, 'pending')))
				.returning({ id: notificationOutbox.id, userId: notificationOutbox.userId, kind: notificationOutbox.kind });
			if (!row) continue;
			let outcome: keyof DeliveryReport;
			try {
				outcome = await deliverOne(db, row, now, senders);
			} catch (err) {
				// One notice that cannot be sent must not stop the others, nor stay claimed for ever.
				log.error('notification.failed', { type: err instanceof Error ? err.name : typeof err });
				outcome = await drop(db, row.id, 'failed');
			}
			report[outcome]++;
		}
		return report;
	});
}

async function drop(db: Database, id: string, reason: string) {
	await db.update(notificationOutbox).set({ status: 'dropped', reason }).where(eq(notificationOutbox.id, id));
	return 'dropped' as const;
}

async function deliverOne(db: Database, row: { id: string; userId: string; kind: string }, now: Date, senders: Senders): Promise<keyof DeliveryReport> {
	if (!isKind(row.kind)) return drop(db, row.id, 'unknown-kind');
	const preferences = await getPreferences(db, row.userId);
	const channels = channelsFor(preferences, row.kind);
	if (channels.length === 0) return drop(db, row.id, 'not-opted-in');
	const [pace] = await db.select({ status: paceStatus.status }).from(paceStatus).where(eq(paceStatus.userId, row.userId));
	if (pace?.status === 'space') return drop(db, row.id, 'space');
	const quiet = { start: preferences.quietStart, end: preferences.quietEnd, timeZone: preferences.timeZone };
	// A push waits at the push service while the phone is offline; it may wait only until the quiet hours begin.
	const quietStart = nextQuietStart(now, quiet);
	const pushTtl = quietStart ? Math.min(PUSH_TTL_SECONDS, Math.floor((quietStart.getTime() - now.getTime()) / 1000)) : PUSH_TTL_SECONDS;
	if (inQuietHours(now, quiet) || (channels.includes('push') && pushTtl < PUSH_MIN_TTL_SECONDS)) {
		await db.update(notificationOutbox).set({ status: 'pending', dueAt: quietHoursEnd(now, quiet) }).where(eq(notificationOutbox.id, row.id));
		return 'postponed';
	}
	const [{ n }] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(notificationOutbox)
		.where(and(eq(notificationOutbox.userId, row.userId), eq(notificationOutbox.status, 'sent'), gt(notificationOutbox.sentAt, new Date(now.getTime() - WEEK_MS))));
	if (n >= preferences.weeklyMax) return drop(db, row.id, 'weekly-max');

	const [person] = await db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, row.userId));
	if (!person) return drop(db, row.id, 'gone');
	const locale: Locale = person.locale;
	const sentOn: string[] = [];
	let unsubscribeTokenHash: string | null = null;
	if (channels.includes('push')) {
		const subscriptions = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, row.userId));
		let any = false;
		for (const s of subscriptions) {
			const outcome = await senders.push({ endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth }, { ...PUSH_TEXT[locale], url: localePath(locale, OPEN_PATH[row.kind]) }, { ttlSeconds: pushTtl });
			if (outcome === 'gone') await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, s.id));
			if (outcome === 'sent') any = true;
		}
		if (any) sentOn.push('push');
	}
	if (channels.includes('email')) {
		const token = newToken();
		const unsubscribePath = `/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
		const content = notificationMail(locale, {
			openLink: publicUrl(localePath(locale, '/dashboard')),
			unsubscribeLink: publicUrl(localePath(locale, unsubscribePath)),
			oneClickLink: publicUrl(`/notifications/unsubscribe/one-click?token=${encodeURIComponent(token)}`),
			settingsLink: publicUrl(localePath(locale, '/settings/notifications'))
		});
		try {
			// The token counts before the e-mail leaves, so its link works the moment it arrives.
			await db.update(notificationOutbox).set({ unsubscribeTokenHash: hashToken(token) }).where(eq(notificationOutbox.id, row.id));
			await senders.mail.send(person.email, content, 'notification');
			unsubscribeTokenHash = hashToken(token);
			sentOn.push('email');
		} catch {
			/* logged by the mailer, without the address */
		}
	}
	if (sentOn.length === 0) return drop(db, row.id, 'failed');
	await db.update(notificationOutbox).set({ status: 'sent', sentAt: now, channels: sentOn, unsubscribeTokenHash }).where(eq(notificationOutbox.id, row.id));
	return 'sent';
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

