import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../schema';

/**
 * A self-test result someone chose to save to their account (the test itself stores nothing).
 * Private to its owner, never shared with a partner; in the export; gone with the account.
 */
export const selfTestResults = pgTable(
	'self_test_results',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['repairing', 'hurt'] }).notNull(),
		/** Question id → option id, only known ones (src/lib/selftest/scoring.ts). */
		answers: jsonb('answers').$type<Record<string, string>>().notNull(),
		/** The 0–100 indicator when saved; null when safety came first. */
		indicator: integer('indicator'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('self_test_results_owner_idx').on(t.ownerId)]
);
