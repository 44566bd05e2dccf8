import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../schema';

/**
 * The trigger kit (issue 11, item 4): the hurt partner's private trigger log, the neutral signal
 * "I'm triggered" that reaches the partner, and each person's prepared response and day of
 * discovery. Service: src/lib/server/triggers/. Couple ids have no foreign key on purpose (as
 * needs and decision choices): they must never fall back to "no couple" and so reach a later partner.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** One moment in the log: private to its owner unless shared with the couple it was shared in. */
export const triggerEntries = pgTable(
	'trigger_entries',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
		/** 1–5, or null when not said. */
		strength: integer('strength'),
		/** What set it off. */
		cause: text('cause'),
		/** What helped, usually written later. */
		helped: text('helped'),
		sharedCoupleId: text('shared_couple_id'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// Both serve a page of /triggers in the order it is shown, (occurred_at, id) newest first, and
		// start it where the previous page ended (a keyset cursor): one person's log, and the entries
		// shared with one couple. NULLS FIRST is what a plain `desc` in a query means: an index built
		// NULLS LAST (drizzle's default) would be read whole and sorted, not stopped after one page.
		index('trigger_entries_owner_idx').on(t.ownerId, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
		index('trigger_entries_shared_idx')
			.on(t.sharedCoupleId, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst())
			.where(sql`${t.sharedCoupleId} is not null`),
		check('trigger_entries_strength_range', sql`${t.strength} is null or ${t.strength} between 1 and 5`)
	]
);

/**
 * "I'm triggered", as the partner sees it: that and when, no text, no strength. The partner's
 * answer (talk, closeness or space) is kept on the signal, as a partner's answer to a wish is.
 */
export const triggerSignals = pgTable(
	'trigger_signals',
	{
		id: text('id').primaryKey(),
		entryId: text('entry_id')
			.notNull()
			.references(() => triggerEntries.id, { onDelete: 'cascade' }),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		coupleId: text('couple_id').notNull(),
		createdAt: createdAt(),
		answer: text('answer', { enum: ['talk', 'closeness', 'space'] }),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		/** Who answered: the answer is theirs too, so it is in their export. */
		answeredBy: text('answered_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('trigger_signals_entry_unique').on(t.entryId),
		index('trigger_signals_couple_idx').on(t.coupleId, t.createdAt.desc().nullsFirst()),
		index('trigger_signals_owner_idx').on(t.ownerId),
		index('trigger_signals_answered_by_idx').on(t.answeredBy).where(sql`${t.answeredBy} is not null`)
	]
);

/**
 * Per person: the response prepared for the partner's hard moments, and the day of discovery.
 * Each is seen by the partner only in the couple it was last saved in (its own couple column).
 */
export const triggerSettings = pgTable('trigger_settings', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	preparedResponse: text('prepared_response'),
	responseCoupleId: text('response_couple_id'),
	discoveredOn: date('discovered_on', { mode: 'string' }),
	discoveryCoupleId: text('discovery_couple_id'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
