import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { couples, users } from '../schema';

/**
 * The weekly relationship hour (issue 13, item 5; practice 3). See src/lib/server/hour/hour.ts.
 *
 * The slot is the couple's (either partner may set it), or one person's when solo. It holds no
 * personal text, so it simply goes with its couple or its person.
 */
export const hourSlots = pgTable(
	'hour_slots',
	{
		id: text('id').primaryKey(),
		coupleId: text('couple_id').references(() => couples.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		/** ISO weekday: 1 Monday … 7 Sunday. */
		weekday: integer('weekday').notNull(),
		/** HH:MM, wall-clock time in `time_zone`. */
		time: text('time').notNull(),
		/** An IANA zone, e.g. Europe/Amsterdam. */
		timeZone: text('time_zone').notNull(),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('hour_slots_couple_unique').on(t.coupleId), uniqueIndex('hour_slots_user_unique').on(t.userId)]
);

/**
 * One person's answers for one week (or their skip). Made in a couple, they are shown to the
 * partner only once both have answered that week in that same couple; made solo, never.
 * `couple_id` has no foreign key on purpose (as decision choices): it must never fall back to
 * "no couple" and so become something a later partner could be shown.
 */
export const hourEntries = pgTable(
	'hour_entries',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		coupleId: text('couple_id'),
		/** The Monday (YYYY-MM-DD) of the week in the slot's time zone. */
		week: text('week').notNull(),
		/** [{ question, text }]: the question's id from questions.json and the answer. */
		answers: jsonb('answers').$type<{ question: string; text: string }[]>().notNull().default([]),
		skipped: boolean('skipped').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('hour_entries_owner_week_unique').on(t.ownerId, t.week, t.coupleId).nullsNotDistinct(), index('hour_entries_couple_week_idx').on(t.coupleId, t.week)]
);

/** A note kept around the hour: the writer's alone, or shared with the couple it was shared in. */
export const hourNotes = pgTable(
	'hour_notes',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		sharedCoupleId: text('shared_couple_id'),
		week: text('week').notNull(),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('hour_notes_owner_idx').on(t.ownerId, t.createdAt.desc().nullsFirst()), index('hour_notes_shared_idx').on(t.sharedCoupleId, t.createdAt.desc().nullsFirst())]
);
