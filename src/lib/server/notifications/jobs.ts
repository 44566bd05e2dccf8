import type { Database } from '../db';
import { getEnv } from '../env';
import { getMailer } from '../mail';
import { log } from '../log';
import { now } from '../clock';
import { createDueReminders, deliverDue, purgeOldNotices, type Senders } from './outbox';
import { createPushSender, vapidKeysOf } from './push';

/**
 * The notifications' background work, in the shape the job queue's handler registry takes
 * (name → (data, { db }) => Promise<void>). 'notifications.tick' runs every minute: it makes the
 * reminders that came due and sends what is due. Until the queue is wired in, hooks.server.ts
 * runs the same tick in-process (startNotificationTicks).
 */
export async function defaultSenders(db: Database): Promise<Senders> {
	return { mail: getMailer(), push: createPushSender(await vapidKeysOf(db), { extraOrigins: getEnv().pushServiceOrigins }) };
}

export async function notificationsTick(db: Database, at: Date = now()) {
	await createDueReminders(db, at);
	const report = await deliverDue(db, at, await defaultSenders(db));
	await purgeOldNotices(db, at);
	return report;
}

export const notificationJobHandlers = {
	'notifications.tick': async (_data: unknown, { db }: { db: Database }) => {
		await notificationsTick(db);
	}
} as const;

/** Every minute, as a cron line for the job queue's schedule list. */
export const notificationSchedules = [{ name: 'notifications.tick', cron: '* * * * *' }] as const;

let timer: ReturnType<typeof setInterval> | undefined;

/**
 * Temporary, until the job queue runs the tick: an in-process interval (every minute; every
 * second under a test clock, so a journey need not wait). One tick at a time; a failure is logged
 * by kind only and the next tick tries again.
 */
export function startNotificationTicks(db: Database) {
	if (timer) return;
	const everyMs = getEnv().TEST_CLOCK_FILE ? 1000 : 60_000;
	let running = false;
	timer = setInterval(() => {
		if (running) return;
		running = true;
		notificationsTick(db)
			.catch((err: unknown) => log.error('notifications.tick_failed', { type: err instanceof Error ? err.name : typeof err }))
			.finally(() => (running = false));
	}, everyMs);
	timer.unref();
}

export function stopNotificationTicks() {
	if (timer) clearInterval(timer);
	timer = undefined;
}
