import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { letters, users } from '../schema';

/**
 * Letters in points (issue 11, item 5): the hurt partner's impact letter ("what it did to me") and
 * the repairing partner's restitution letter, which answers it point by point. Service:
 * src/lib/server/letters/. Like an apology, a letter is a thread of immutable versions; a sent
 * version travels through the letterbox as a letter of kind `impact` or `restitution`.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const pointLetters = pgTable(
	'point_letters',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['impact', 'restitution'] }).notNull(),
		/** A restitution letter answers one delivered impact letter (the letterbox letter). */
		answersLetterId: text('answers_letter_id').references(() => letters.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('point_letters_owner_idx').on(t.ownerId), index('point_letters_answers_idx').on(t.answersLetterId)]
);

/**
 * One saved version. `points` holds the impact letter's points, or the restitution letter's
 * answers in the order of the points they answer ('' where a point has no answer yet): a version
 * is immutable and answers one immutable impact version, so the position is the link.
 */
export const pointLetterVersions = pgTable(
	'point_letter_versions',
	{
		id: text('id').primaryKey(),
		draftId: text('draft_id')
			.notNull()
			.references(() => pointLetters.id, { onDelete: 'cascade' }),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		points: jsonb('points').$type<string[]>().notNull(),
		/** Restitution: the coach's rule ids per answer when saved (null: no answer). */
		ruleIds: jsonb('rule_ids').$type<(string[] | null)[]>().notNull().default(sql`'[]'::jsonb`),
		createdAt: createdAt(),
		/** Set when this version was sent; the couple it went to (no fallback: never anyone else). */
		sentAt: timestamp('sent_at', { withTimezone: true }),
		sentCoupleId: text('sent_couple_id'),
		sentLetterId: text('sent_letter_id').references(() => letters.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('point_letter_versions_draft_number').on(t.draftId, t.number),
		index('point_letter_versions_letter_idx').on(t.sentLetterId),
		index('point_letter_versions_owner_idx').on(t.ownerId)
	]
);
