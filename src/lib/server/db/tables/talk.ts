import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { couples, letters, users } from '../schema';

/**
 * "Talking it through" (issue 11, items 1–3): the couple's agreements on how to talk about the
 * affair, the repairing partner's one honest account, and questions with answers. Services:
 * src/lib/server/agreements/ and src/lib/server/talk/.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * A proposal of how the couple talks about it. It holds once the partner accepts; the newest
 * accepted one is the agreement that holds. At most one proposal is open per couple.
 */
export const talkAgreements = pgTable(
	'talk_agreements',
	{
		id: text('id').primaryKey(),
		coupleId: text('couple_id')
			.notNull()
			.references(() => couples.id, { onDelete: 'cascade' }),
		proposerId: text('proposer_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		detail: text('detail', { enum: ['facts', 'facts-feelings', 'everything'] }).notNull(),
		/** With `everything`: what either partner marks as off limits. */
		offLimits: text('off_limits'),
		timing: text('timing', { enum: ['any-time', 'daily', 'weekly'] }).notNull(),
		/** Length of the question time in minutes (daily or weekly). */
		minutes: integer('minutes'),
		/** 'HH:MM', local time; optional. */
		timeOfDay: text('time_of_day'),
		timeoutWord: text('timeout_word').notNull(),
		note: text('note'),
		createdAt: createdAt(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		/** Replaced by a newer proposal or taken back before it was accepted. */
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [
		index('talk_agreements_couple_idx').on(t.coupleId),
		uniqueIndex('talk_agreements_one_open').on(t.coupleId).where(sql`${t.acceptedAt} is null and ${t.closedAt} is null`)
	]
);

/**
 * The repairing partner's account. Private while a draft (couple_id null); sending binds it to
 * the couple and delivers it through the letterbox (`letter_id`, a letter of kind `account`).
 */
export const talkAccounts = pgTable(
	'talk_accounts',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The couple it was sent to; null while a draft. No fallback: it never reaches anyone else. */
		coupleId: text('couple_id'),
		letterId: text('letter_id').references(() => letters.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [index('talk_accounts_owner_idx').on(t.ownerId), index('talk_accounts_couple_idx').on(t.coupleId), uniqueIndex('talk_accounts_one_draft').on(t.ownerId).where(sql`${t.sentAt} is null`)]
);

/** One dated entry. After sending an entry never changes; additions carry `added_later`. */
export const talkAccountEntries = pgTable(
	'talk_account_entries',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id')
			.notNull()
			.references(() => talkAccounts.id, { onDelete: 'cascade' }),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		fromDate: date('from_date', { mode: 'string' }).notNull(),
		/** The end of a period; null for one date. */
		toDate: date('to_date', { mode: 'string' }),
		/** "around": the writer is not sure of the exact date. */
		approximate: boolean('approximate').notNull().default(false),
		body: text('body').notNull(),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		/** Written after the account was sent: shown as "added later" with its date and reason. */
		addedLater: boolean('added_later').notNull().default(false),
		reason: text('reason'),
		/** An addition that corrects an earlier entry (which stays, marked as corrected). */
		correctsId: text('corrects_id'),
		/** The letter that delivered this addition. */
		letterId: text('letter_id').references(() => letters.id, { onDelete: 'set null' })
	},
	(t) => [index('talk_account_entries_account_idx').on(t.accountId)]
);

/** A question in a couple; the partner answers in the thread (talk_replies). */
export const talkQuestions = pgTable(
	'talk_questions',
	{
		id: text('id').primaryKey(),
		coupleId: text('couple_id')
			.notNull()
			.references(() => couples.id, { onDelete: 'cascade' }),
		askerId: text('asker_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		about: text('about', { enum: ['facts', 'why'] }),
		body: text('body').notNull(),
		createdAt: createdAt(),
		/** "I need time to answer this": the day by which the partner will answer. */
		needTimeUntil: date('need_time_until', { mode: 'string' }),
		/** Set when the partner answers; cleared when the asker follows up. */
		answeredAt: timestamp('answered_at', { withTimezone: true })
	},
	(t) => [
		// /talk/questions reads the answered ones a page at a time, newest first by (created_at, id).
		index('talk_questions_couple_idx').on(t.coupleId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
		index('talk_questions_asker_idx').on(t.askerId)
	]
);

export const talkReplies = pgTable(
	'talk_replies',
	{
		id: text('id').primaryKey(),
		questionId: text('question_id')
			.notNull()
			.references(() => talkQuestions.id, { onDelete: 'cascade' }),
		coupleId: text('couple_id').notNull(),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['answer', 'follow-up'] }).notNull(),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('talk_replies_question_idx').on(t.questionId), index('talk_replies_author_idx').on(t.authorId)]
);
