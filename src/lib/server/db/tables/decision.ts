import { date, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../schema';

/**
 * Together or apart (issue 11, item 6): each partner's private choice of a path. A choice made in a
 * couple is shown to the partner only once both have a current choice in that same couple
 * (src/lib/server/decision/decision.ts); a choice made solo has no couple and is never shown.
 * `couple_id` has no foreign key on purpose (as needs): a choice must never fall back to
 * "no couple" and so become something a later partner could be shown.
 */
export const decisionChoices = pgTable(
	'decision_choices',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		coupleId: text('couple_id'),
		path: text('path', { enum: ['together', 'later', 'apart'] }).notNull(),
		why: text('why').notNull(),
		/** When to look at it again; for "together", the end of the set time. */
		reviewOn: date('review_on', { mode: 'string' }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		/** Set when either partner starts a new decision after a reveal (or a solo user decides again). */
		archivedAt: timestamp('archived_at', { withTimezone: true })
	},
	(t) => [index('decision_choices_owner_idx').on(t.ownerId), index('decision_choices_couple_idx').on(t.coupleId)]
);
