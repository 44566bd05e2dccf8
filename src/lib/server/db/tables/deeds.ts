import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { couples, users } from '../schema';

/**
 * Deeds (issue 10, practices 3 and 7): the hurt partner's wishes, the repairing partner's
 * commitments with their history, check-ins on due days, and comments on commitments.
 * `sharedCoupleId` works as for reflections: null is private; a share belongs to one couple and
 * never carries over to a later one.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const wishes = pgTable(
	'wishes',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		size: text('size', { enum: ['everyday', 'bigger'] }).notNull(),
		body: text('body').notNull(),
		sharedCoupleId: text('shared_couple_id').references(() => couples.id, { onDelete: 'set null' }),
		/** The partner's answer; written by the partner ("respond"), never by the owner. */
		answer: text('answer', { enum: ['commitment', 'talk', 'not-now'] }),
		answerReason: text('answer_reason'),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// `/deeds/wishes` reads both lists a page at a time, newest first by (created_at, id).
		index('wishes_owner_idx').on(t.ownerId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
		index('wishes_shared_idx')
			.on(t.sharedCoupleId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
			.where(sql`${t.sharedCoupleId} is not null`)
	]
);

export type RhythmKind = 'daily' | 'weekdays' | 'weekly';
export type CommitmentStatus = 'active' | 'paused' | 'ended';

export const commitments = pgTable(
	'commitments',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		why: text('why').notNull().default(''),
		rhythm: text('rhythm', { enum: ['daily', 'weekdays', 'weekly'] }).notNull(),
		/** ISO weekdays (1 = Monday … 7 = Sunday) for `weekdays`; empty otherwise. */
		weekdays: jsonb('weekdays').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
		status: text('status', { enum: ['active', 'paused', 'ended'] }).notNull().default('active'),
		/** The first due day (local date); may lie up to a year back for something already being done. */
		startsOn: date('starts_on', { mode: 'string' }).notNull(),
		/** "You asked for this": set when made from a wish, and kept through every change and export. */
		askedFor: boolean('asked_for').notNull().default(false),
		wishId: text('wish_id').references(() => wishes.id, { onDelete: 'set null' }),
		/** The suggestion it started from (see deeds/suggestions.ts), if any. */
		suggestion: text('suggestion'),
		sharedCoupleId: text('shared_couple_id').references(() => couples.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('commitments_owner_idx').on(t.ownerId), index('commitments_shared_idx').on(t.sharedCoupleId).where(sql`${t.sharedCoupleId} is not null`)]
);

/**
 * The history of a commitment: every creation, change, pause, resumption and ending, with the
 * state after it and the reason given. Due days are computed from this, so a pause is never due.
 */
export const commitmentEvents = pgTable(
	'commitment_events',
	{
		id: serial('id').primaryKey(),
		commitmentId: text('commitment_id')
			.notNull()
			.references(() => commitments.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['created', 'changed', 'paused', 'resumed', 'ended'] }).notNull(),
		/** The local day from which the state below holds. */
		fromDay: date('from_day', { mode: 'string' }).notNull(),
		title: text('title').notNull(),
		why: text('why').notNull(),
		rhythm: text('rhythm', { enum: ['daily', 'weekdays', 'weekly'] }).notNull(),
		weekdays: jsonb('weekdays').$type<number[]>().notNull(),
		status: text('status', { enum: ['active', 'paused', 'ended'] }).notNull(),
		reason: text('reason'),
		at: createdAt()
	},
	(t) => [index('commitment_events_commitment_idx').on(t.commitmentId, t.id)]
);

/** One check-in per commitment and due day (for `weekly`, the Monday of the week). */
export const checkIns = pgTable(
	'check_ins',
	{
		commitmentId: text('commitment_id')
			.notNull()
			.references(() => commitments.id, { onDelete: 'cascade' }),
		/** The commitment's owner, kept here so row security and per-person reads need no join. */
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		day: date('day', { mode: 'string' }).notNull(),
		outcome: text('outcome', { enum: ['kept', 'partly', 'not-kept'] }).notNull(),
		note: text('note'),
		/** Recorded after its day (or week) had passed: shown as "added later", never as a fault. */
		late: boolean('late').notNull().default(false),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
		/** The partner's optional "I noticed" / "I didn't notice"; never required, never a score. */
		noticed: text('noticed', { enum: ['noticed', 'not-noticed'] }),
		noticedAt: timestamp('noticed_at', { withTimezone: true })
	},
	(t) => [primaryKey({ columns: [t.commitmentId, t.day] }), index('check_ins_owner_day_idx').on(t.ownerId, t.day)]
);

/** Comments on a shared commitment, by either partner. */
export const commitmentComments = pgTable(
	'commitment_comments',
	{
		id: text('id').primaryKey(),
		commitmentId: text('commitment_id')
			.notNull()
			.references(() => commitments.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	// Newest first, then id: a page of comments starts at its keyset cursor and stops after one
	// page (commentsOf), page 50 costing what page 1 does.
	(t) => [
		index('commitment_comments_commitment_idx').on(t.commitmentId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
		index('commitment_comments_author_idx').on(t.authorId)
	]
);
