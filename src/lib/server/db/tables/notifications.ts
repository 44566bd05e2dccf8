import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../schema';
import { APP_TIME_ZONE } from '../../../time-zone';

/**
 * Gentle notifications (issue 13, item 3). See src/lib/server/notifications/ and
 * docs/notifications.md. Everything here is one person's own: their choices, their devices, the
 * notices meant for them. Nothing holds what a notice is about beyond its kind.
 */

/** What one person opted into: per kind and channel (all off until they choose), quiet hours, a weekly maximum. */
export const notificationPreferences = pgTable('notification_preferences', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	/** { [kind]: { push: boolean, email: boolean } }; a missing kind or channel is off. */
	choices: jsonb('choices').$type<Record<string, { push?: boolean; email?: boolean }>>().notNull().default({}),
	/** HH:MM wall-clock times in `time_zone`; both null means no quiet hours. */
	quietStart: text('quiet_start'),
	quietEnd: text('quiet_end'),
	timeZone: text('time_zone').notNull().default(APP_TIME_ZONE),
	weeklyMax: integer('weekly_max').notNull().default(3),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** A browser's Web Push subscription. The endpoint was checked against the known push services. */
export const pushSubscriptions = pgTable(
	'push_subscriptions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('push_subscriptions_endpoint_unique').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)]
);

/**
 * The outbox: one row per notice for one person. `dedupe_key` is unique per person, so a domain
 * event or a reminder run twice (or by two processes at once) makes one notice, not two.
 * `unsubscribe_token_hash` is set when an e-mail went out: the link in that e-mail.
 */
export const notificationOutbox = pgTable(
	'notification_outbox',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		dedupeKey: text('dedupe_key').notNull(),
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		status: text('status', { enum: ['pending', 'sending', 'sent', 'dropped'] }).notNull().default('pending'),
		/** Why it was dropped: 'not-opted-in', 'weekly-max', 'space', 'no-device', 'failed' (after MAX_TRIES), 'unknown-kind'. */
		reason: text('reason'),
		/** The channels it went out on: ['push', 'email']. */
		channels: jsonb('channels').$type<string[]>().notNull().default([]),
		unsubscribeTokenHash: text('unsubscribe_token_hash'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/**
		 * Set when the weekly maximum lets it through (still 'sending': counted from then on, so a second
		 * process cannot let one more through), and kept once sent.
		 */
		sentAt: timestamp('sent_at', { withTimezone: true }),
		/** Tries that reached nobody (every channel failed); given up at MAX_TRIES (outbox.ts). */
		attempts: integer('attempts').notNull().default(0)
	},
	(t) => [
		uniqueIndex('notification_outbox_dedupe_unique').on(t.userId, t.dedupeKey),
		index('notification_outbox_due_idx').on(t.status, t.dueAt),
		index('notification_outbox_user_sent_idx').on(t.userId, t.sentAt),
		uniqueIndex('notification_outbox_unsubscribe_unique').on(t.unsubscribeTokenHash)
	]
);

/** The server's VAPID key pair: one row, made at first start, kept so subscriptions stay valid. */
export const vapidKeys = pgTable(
	'vapid_keys',
	{
		id: integer('id').primaryKey().default(1),
		publicKey: text('public_key').notNull(),
		privateKey: text('private_key').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('vapid_keys_one_row', sql`${t.id} = 1`)]
);
