import type { Database } from '../db';
import { getEnv } from '../env';
import { getMailer } from '../mail';
import { now } from '../clock';
import { createDueReminders, deliverDue, purgeOldNotices, type Senders } from './outbox';
import { createPushSender, vapidKeysOf } from './push';

/**
 * The notifications' background work for the job queue (src/lib/server/jobs/handlers.ts):
 * 'notifications.tick' runs every minute across all processes (pg-boss cron: one run per minute):
 * it makes the reminders that came due, sends what is due and forgets old notices. Each step is
 * safe to run twice (dedupe keys, claimed rows).
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

/** The job's handler: (data, { db }) as the queue calls it, at the clock's now. */
export async function notificationsTickJob(_data: Record<string, never>, { db }: { db: Database }) {
	await notificationsTick(db);
}
