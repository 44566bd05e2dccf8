import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';

/** The one schema entry point: every table Herstelpad stores lives here. */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
	'users',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull(),
		passwordHash: text('password_hash').notNull(),
		displayName: text('display_name').notNull(),
		locale: text('locale', { enum: ['nl', 'en'] }).notNull().default('nl'),
		role: text('role', { enum: ['repairing', 'hurt'] }),
		isAdmin: boolean('is_admin').notNull().default(false),
		adultConfirmedAt: timestamp('adult_confirmed_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('users_email_unique').on(t.email)]
);

/** Database sessions, so a session can be revoked. Only a hash of the token is stored. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const passwordResetTokens = pgTable('password_reset_tokens', {
	tokenHash: text('token_hash').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	createdAt: createdAt(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true })
});

/**
 * Append-only record of consent (GDPR art. 7(1): the controller must be able to show consent).
 * Rows are only ever inserted; the service has no update or delete.
 */
export const consentEvents = pgTable(
	'consent_events',
	{
		id: serial('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['given', 'withdrawn'] }).notNull(),
		textVersion: text('text_version').notNull(),
		locale: text('locale', { enum: ['nl', 'en'] }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('consent_events_user_idx').on(t.userId)]
);

/** Fixed-window counters for throttling, shared by every app process through the database. */
export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
	count: integer('count').notNull()
});

export const stepProgress = pgTable(
	'step_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		track: text('track', { enum: ['repairing', 'hurt'] }).notNull(),
		step: text('step').notNull(),
		doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.track, t.step] })]
);

/** An apology in the making: the draft is the thread, each save a new immutable version. */
export const apologyDrafts = pgTable(
	'apology_drafts',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('apology_drafts_owner_idx').on(t.ownerId)]
);

export const apologyVersions = pgTable(
	'apology_versions',
	{
		id: text('id').primaryKey(),
		draftId: text('draft_id')
			.notNull()
			.references(() => apologyDrafts.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		body: text('body').notNull(),
		language: text('language', { enum: ['nl', 'en'] }).notNull(),
		/** Rule ids found when saved, so the history can show progress without re-analysing. */
		ruleIds: jsonb('rule_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('apology_versions_draft_number').on(t.draftId, t.number)]
);

export type User = typeof users.$inferSelect;
