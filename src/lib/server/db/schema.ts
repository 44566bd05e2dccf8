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
		/** Sliding: moves forward while the session is used. */
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		/** Fixed at creation: no amount of use keeps a stolen cookie alive past this. */
		absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
		/** Updated at most about once an hour, so reading a page does not write every time. */
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
		/** "Android · Firefox": device family and browser only, never an address or a full User-Agent. */
		device: text('device')
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
		/** The whole analysis made when saved, so showing a version does not analyse it again (null: saved before it was kept). */
		analysis: jsonb('analysis').$type<import('../../coach').AnalysisResult>(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('apology_versions_draft_number').on(t.draftId, t.number)]
);

export type User = typeof users.$inferSelect;

/* ---------- Couple space ---------- */

/** A couple lasts until one partner leaves; then it ends for both and nothing stays visible. */
export const couples = pgTable('couples', {
	id: text('id').primaryKey(),
	createdAt: createdAt(),
	endedAt: timestamp('ended_at', { withTimezone: true })
});

/** One couple per user at a time: user_id is unique. */
export const coupleMembers = pgTable(
	'couple_members',
	{
		coupleId: text('couple_id')
			.notNull()
			.references(() => couples.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.coupleId, t.userId] }), uniqueIndex('couple_members_user_unique').on(t.userId)]
);

export const invitations = pgTable(
	'invitations',
	{
		id: text('id').primaryKey(),
		tokenHash: text('token_hash').notNull(),
		inviterId: text('inviter_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		emailedAt: timestamp('emailed_at', { withTimezone: true }),
		/** The invitation mail failed for good (the person is told, and may e-mail it again). */
		mailFailedAt: timestamp('mail_failed_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		declinedAt: timestamp('declined_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('invitations_token_unique').on(t.tokenHash), index('invitations_inviter_idx').on(t.inviterId)]
);

/**
 * Reflection worksheets. `sharedCoupleId` is the couple the owner shared the item with; null means
 * private. Tying a share to one couple means a share never carries over to a later couple.
 */
export const reflections = pgTable(
	'reflections',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		prompt: text('prompt').notNull(),
		body: text('body').notNull(),
		sharedCoupleId: text('shared_couple_id').references(() => couples.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// Both lists on /reflections are read a page at a time, newest first, by (updated_at, id):
		// each index hands over one page in order, and an older page costs what the first does.
		index('reflections_owner_idx').on(t.ownerId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
		// "Shared with me" reads one couple's shares, newest first; without it every row was read.
		index('reflections_shared_idx')
			.on(t.sharedCoupleId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
			.where(sql`${t.sharedCoupleId} is not null`)
	]
);

/** A letter waits unopened in the recipient's letterbox until they choose to open it. */
export const letters = pgTable(
	'letters',
	{
		id: text('id').primaryKey(),
		senderId: text('sender_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		recipientId: text('recipient_id').references(() => users.id, { onDelete: 'set null' }),
		coupleId: text('couple_id')
			.notNull()
			.references(() => couples.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['apology', 'letter', 'account', 'account-addition', 'impact', 'restitution'] }).notNull(),
		body: text('body').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
		openedAt: timestamp('opened_at', { withTimezone: true }),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
		/** Sent while the recipient asked for space: kept out of the letterbox until they are ready. */
		waiting: boolean('waiting').notNull().default(false),
		/** The apology version this letter delivers; unique per couple, so a version arrives once. */
		sourceVersionId: text('source_version_id').references(() => apologyVersions.id, { onDelete: 'set null' })
	},
	(t) => [
		// The letterbox and the sent list are read a page at a time, newest first by (sent_at, id).
		index('letters_recipient_idx').on(t.recipientId, t.sentAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
		index('letters_sender_idx').on(t.senderId, t.sentAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
		// Leaving a couple withdraws its letters; the unique index below starts with the version.
		index('letters_couple_idx').on(t.coupleId),
		uniqueIndex('letters_version_couple_unique').on(t.sourceVersionId, t.coupleId)
	]
);

/** The hurt partner's pace signal, seen by the partner. */
export const paceStatus = pgTable('pace_status', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	status: text('status', { enum: ['space', 'ready-to-read', 'ready-to-talk'] }).notNull(),
	note: text('note'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** "What I need from you now": written by one partner, seen and acknowledged by the other. */
export const needs = pgTable(
	'needs',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		/**
		 * The couple the need was written for; null while its owner is solo (bound on joining).
		 * No foreign key: a need must never fall back to null and reach a later partner.
		 */
		coupleId: text('couple_id'),
		createdAt: createdAt(),
		acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true })
	},
	(t) => [index('needs_owner_idx').on(t.ownerId)]
);

/**
 * Told once to the partner who stays when the other leaves or deletes their account, until they
 * dismiss it. No name: the partner who left keeps nothing in the other's records.
 */
export const coupleNotices = pgTable('couple_notices', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	kind: text('kind', { enum: ['partner-left', 'partner-deleted'] }).notNull(),
	createdAt: createdAt()
});

/**
 * One row per form key a user submitted: a double click or a replayed post finds the item the
 * first submission created instead of creating a second. Only a hash of the key is kept.
 */
export const formSubmissions = pgTable(
	'form_submissions',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		keyHash: text('key_hash').notNull(),
		kind: text('kind').notNull(),
		itemId: text('item_id'),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.keyHash] })]
);

/** Security events hold a kind and a time, never text anyone wrote. */
export const securityEvents = pgTable(
	'security_events',
	{
		id: serial('id').primaryKey(),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', {
			enum: [
				'sign-in',
				'sign-in-failed',
				'sign-out',
				'password-changed',
				'password-reset',
				'invitation-created',
				'invitation-accepted',
				'couple-left',
				'share',
				'unshare',
				'letter-sent',
				'export',
				'account-deleted',
				'access-refused',
				'calendar-feed-created',
				'calendar-feed-renewed',
				'calendar-feed-revoked'
			]
		}).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('security_events_user_idx').on(t.userId)]
);
export * from './tables/trust';
export * from './tables/deeds';
export * from './tables/decision';
export * from './tables/selftest';
export * from './tables/booklet';
export * from './tables/talk';
export * from './tables/comments';
export * from './tables/triggers';
export * from './tables/point-letters';
export * from './tables/hour';
export * from './tables/calendar';
export * from './tables/notifications';
