import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { couples, users } from '../schema';

/*
 * Trust (issue 10, parts 5–8): trust check-ins, the repairing partner's own hope and strain, the
 * contact log with its questions, the safety check, transparency agreements and memories.
 * Services: src/lib/server/trust/. Row-level security: drizzle/*_trust_rls.sql (copy in
 * src/lib/server/trust/rls.sql).
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const owner = () =>
	text('owner_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' });

/**
 * The hurt partner's trust, safety and connection, 0–10, on a day. Private until shared;
 * `sharedCoupleId` ties a share to the couple it was made in (as reflections do).
 */
export const trustCheckins = pgTable(
	'trust_checkins',
	{
		id: text('id').primaryKey(),
		ownerId: owner(),
		day: date('day', { mode: 'string' }).notNull(),
		trust: integer('trust').notNull(),
		safety: integer('safety').notNull(),
		connection: integer('connection').notNull(),
		helped: text('helped'),
		hurt: text('hurt'),
		sharedCoupleId: text('shared_couple_id').references(() => couples.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('trust_checkins_owner_idx').on(t.ownerId, t.day),
		index('trust_checkins_shared_idx').on(t.sharedCoupleId, t.day).where(sql`${t.sharedCoupleId} is not null`)
	]
);

/** "Share every new check-in with my partner" — one row per person who chose it. */
export const trustPreferences = pgTable('trust_preferences', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	shareAlways: boolean('share_always').notNull().default(false),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** The repairing partner's own hope and strain, 0–10: always private. */
export const selfRatings = pgTable(
	'self_ratings',
	{
		id: text('id').primaryKey(),
		ownerId: owner(),
		day: date('day', { mode: 'string' }).notNull(),
		hope: integer('hope').notNull(),
		strain: integer('strain').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('self_ratings_owner_idx').on(t.ownerId, t.day)]
);

/**
 * The contact log: the day all contact with the affair partner ended, and each later contact.
 * Always shared with the couple it was written for (`coupleId`, bound on joining when written
 * solo; no foreign key, as for needs, so it never falls back to "unbound"). Nothing about the third
 * person is stored: no name, number or picture.
 */
export const contactLog = pgTable(
	'contact_log',
	{
		id: text('id').primaryKey(),
		ownerId: owner(),
		coupleId: text('couple_id'),
		kind: text('kind', { enum: ['ended', 'contact'] }).notNull(),
		day: date('day', { mode: 'string' }).notNull(),
		channel: text('channel', { enum: ['in-person', 'message', 'call', 'social-media', 'work'] }),
		initiatedBy: text('initiated_by', { enum: ['me', 'them'] }),
		planned: boolean('planned'),
		reason: text('reason'),
		said: text('said'),
		createdAt: createdAt()
	},
	(t) => [
		// The log is read a page at a time, newest first by (day, created_at, id).
		index('contact_log_owner_idx').on(t.ownerId, t.day.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
		index('contact_log_couple_idx').on(t.coupleId, t.day.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
	]
);

/** A question the partner asks on a contact-log entry; the entry's writer answers under it. */
export const contactQuestions = pgTable(
	'contact_questions',
	{
		id: text('id').primaryKey(),
		entryId: text('entry_id')
			.notNull()
			.references(() => contactLog.id, { onDelete: 'cascade' }),
		askerId: text('asker_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		coupleId: text('couple_id').notNull(),
		question: text('question').notNull(),
		answer: text('answer'),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('contact_questions_entry_idx').on(t.entryId), index('contact_questions_asker_idx').on(t.askerId)]
);

/**
 * Each person's private safety check: never shown to the partner, never said to them. Only the
 * latest answers are kept.
 */
export const safetyChecks = pgTable('safety_checks', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	afraid: text('afraid', { enum: ['no', 'yes', 'unsure'] }).notNull(),
	controlled: text('controlled', { enum: ['no', 'yes', 'unsure'] }).notNull(),
	threatened: text('threatened', { enum: ['no', 'yes', 'unsure'] }).notNull(),
	hurt: text('hurt', { enum: ['no', 'yes', 'unsure'] }).notNull(),
	signalsRisk: boolean('signals_risk').notNull(),
	answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow()
});

const measureKinds = ['phone-on-request', 'location-for-a-while', 'shared-calendar', 'open-accounts', 'other'] as const;

/** A transparency measure the repairing partner offers: an agreement, with an end date and boundaries. */
export const transparencyMeasures = pgTable(
	'transparency_measures',
	{
		id: text('id').primaryKey(),
		ownerId: owner(),
		coupleId: text('couple_id').notNull(),
		kind: text('kind', { enum: measureKinds }).notNull(),
		details: text('details'),
		boundaries: text('boundaries').notNull(),
		endsOn: date('ends_on', { mode: 'string' }).notNull(),
		/** The request this measure answers, if the partner asked for it. */
		requestId: text('request_id'),
		createdAt: createdAt(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('transparency_measures_couple_idx').on(t.coupleId), index('transparency_measures_owner_idx').on(t.ownerId)]
);

/** The partner asks for a measure; the repairing partner accepts (a measure) or declines with a reason. */
export const transparencyRequests = pgTable(
	'transparency_requests',
	{
		id: text('id').primaryKey(),
		ownerId: owner(),
		coupleId: text('couple_id').notNull(),
		kind: text('kind', { enum: measureKinds }).notNull(),
		details: text('details'),
		answer: text('answer', { enum: ['accepted', 'declined'] }),
		declineReason: text('decline_reason'),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('transparency_requests_couple_idx').on(t.coupleId), index('transparency_requests_owner_idx').on(t.ownerId)]
);

/** New good moments: shared with the couple (bound on joining when written solo) unless hidden by their writer. */
export const memories = pgTable(
	'memories',
	{
		id: text('id').primaryKey(),
		ownerId: owner(),
		coupleId: text('couple_id'),
		day: date('day', { mode: 'string' }).notNull(),
		body: text('body').notNull(),
		feeling: text('feeling', { enum: ['grateful', 'close', 'calm', 'hopeful', 'joyful', 'tender'] }),
		hidden: boolean('hidden').notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [
		// The journal is read a page at a time, newest first by (day, created_at, id).
		index('memories_owner_idx').on(t.ownerId, t.day.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
		index('memories_couple_idx').on(t.coupleId, t.day.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
	]
);
