import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../schema';

/**
 * The private calendar feed (issue 13, item 6; decision 019): at most one per person. Only the
 * SHA-256 of the 256-bit token is kept, so the database holds nothing that opens the feed;
 * regenerating replaces the hash and revoking deletes the row, both at once.
 */
export const calendarFeeds = pgTable(
	'calendar_feeds',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('calendar_feeds_user_unique').on(t.userId), uniqueIndex('calendar_feeds_token_unique').on(t.tokenHash)]
);
