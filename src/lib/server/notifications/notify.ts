import type { Database } from '../db';
import { notificationOutbox } from '../db/schema';
import { runAsSystem } from '../db/actor-context';
import { isUniqueViolation } from '../errors';
import { newId } from '../security/tokens';
import { log } from '../log';
import { now as clockNow } from '../clock';
import type { NotificationKind } from './kinds';
import { channelsFor, getPreferences } from './preferences';

/**
 * The one call the domain makes when something happened that a person may want to hear about.
 * Kept apart from the outbox's delivery so the domain modules import little.
 */
export interface NotifyInput {
	userId: string;
	kind: NotificationKind;
	/** Unique per person: the same event or reminder told twice makes one row. */
	dedupeKey: string;
	dueAt?: Date;
}

/**
 * Records a notice for one person, if they opted into this kind on any channel (checked again at
 * delivery). Returns whether a row was made. System work: the person told is usually not the one
 * acting. Never throws for the caller's sake: the letter was delivered, whatever happens here.
 */
export async function notify(db: Database, input: NotifyInput, now: Date = clockNow()): Promise<boolean> {
	try {
		return await runAsSystem(async () => {
			const preferences = await getPreferences(db, input.userId);
			if (channelsFor(preferences, input.kind).length === 0) return false;
			const rows = await db
				.insert(notificationOutbox)
				.values({ id: newId(), userId: input.userId, kind: input.kind, dedupeKey: input.dedupeKey, dueAt: input.dueAt ?? now })
				.onConflictDoNothing()
				.returning({ id: notificationOutbox.id });
			return rows.length > 0;
		});
	} catch (err) {
		if (isUniqueViolation(err)) return false;
		log.error('notification.record_failed', { kind: input.kind, type: err instanceof Error ? err.name : typeof err });
		return false;
	}
}

