import { boolean, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Sign-ups for the booklet, independent of any account. One row per address; an address is kept
 * only after its owner confirms it (double opt-in): unconfirmed rows are deleted after 7 days.
 * Unsubscribing deletes the row. Nothing else about the person is stored (docs/booklet.md).
 */
export const bookletSignups = pgTable(
	'booklet_signups',
	{
		id: text('id').primaryKey(),
		/** Lower-cased and trimmed, as the sign-up schema normalises it. */
		email: text('email').notNull(),
		/** The language of the last confirmed sign-up: e-mails are written in it. */
		locale: text('locale', { enum: ['nl', 'en'] }).notNull(),
		/** The separate, unticked box: occasional e-mails, only once confirmed. */
		wantsUpdates: boolean('wants_updates').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('booklet_signups_email_unique').on(t.email)]
);

/**
 * One link secret per e-mail sent, stored only as a SHA-256 hash. It confirms that sign-up (with
 * the language and choice made then), and afterwards opens the download and the unsubscribe page,
 * so every e-mail's links keep working until the address is deleted.
 */
export const bookletTokens = pgTable(
	'booklet_tokens',
	{
		tokenHash: text('token_hash').primaryKey(),
		signupId: text('signup_id')
			.notNull()
			.references(() => bookletSignups.id, { onDelete: 'cascade' }),
		locale: text('locale', { enum: ['nl', 'en'] }).notNull(),
		wantsUpdates: boolean('wants_updates').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('booklet_tokens_signup_idx').on(t.signupId)]
);
