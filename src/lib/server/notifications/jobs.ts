import type { Database } from '../db';
import { getEnv } from '../env';
import { getMailer } from '../mail';
import { now } from '../clock';
import { createDueReminders, deliverDue, purgeOldNotices, type DeliveryReport, type Senders } from './outbox';
import { createPushSender, vapidKeysOf } from './push';

/**
 * The notifications' background work for the job queue (src/lib/server/jobs/handlers.ts):
 * 'notifications.tick' runs every minute across all processes (pg-boss cron: one run per minute):
 * it makes the reminders that came due, sends what is due and forgets old notices. Each step is
 * safe to run twice, and in two processes at once (dedupe keys, rows claimed with SKIP LOCKED, the
 * weekly maximum counted under a lock).
 */
export async function defaultSenders(db: Database): Promise<Senders> {
	return { mail: getMailer(), push: createPushSender(await vapidKeysOf(db), { extraOrigins: getEnv().pushServiceOrigins }) };
}

/** Notices claimed per batch. */
export const DELIVERY_BATCH = 100;
/**
 * How long one tick goes on taking further batches while more are due (a busy minute: many
 * couples' hour at the same time). What is left waits for the next tick, a minute later.
 */
const DELIVERY_BUDGET_MS = 40_000;

export async function notificationsTick(db: Database, at: Date = now(), senders?: Senders): Promise<DeliveryReport> {
	await createDueReminders(db, at);
	const use = senders ?? (await defaultSenders(db));
	const total: DeliveryReport = { sent: 0, postponed: 0, dropped: 0, retrying: 0 };
	const started = Date.now();
	for (;;) {
		const report = await deliverDue(db, at, use, DELIVERY_BATCH);
		for (const key of Object.keys(total) as (keyof DeliveryReport)[]) total[key] += report[key];
		const claimed = report.sent + report.postponed + report.dropped + report.retrying;
		if (claimed < DELIVERY_BATCH || Date.now() - started > DELIVERY_BUDGET_MS) break;
	}
	await purgeOldNotices(db, at);
	return total;
}

/** The job's handler: (data, { db }) as the queue calls it, at the clock's now. */
export async function notificationsTickJob(_data: Record<string, never>, { db }: { db: Database }) {
	await notificationsTick(db);
}
