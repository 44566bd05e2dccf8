import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

/*
 * Comments under the guide's articles (issue 12, part 4). Written by visitors, who need no
 * account: nothing here references `users`. Services: src/lib/server/comments/. Row-level
 * security: drizzle/*_comments_rls.sql (copy in src/lib/server/comments/rls.sql): anyone may read
 * what is approved and submit a pending comment; only an administrator sees or moderates the rest.
 */
export const comments = pgTable(
	'comments',
	{
		id: text('id').primaryKey(),
		/** The article's slug; comments belong to one language version of it. */
		article: text('article').notNull(),
		locale: text('locale', { enum: ['nl', 'en'] }).notNull(),
		/** A reply's comment (always a top-level one: replies go one level deep). */
		parentId: text('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** Never shown, to the public or to moderators; used only for the "published" e-mail. */
		email: text('email').notNull(),
		body: text('body').notNull(),
		status: text('status', { enum: ['pending', 'approved', 'rejected', 'spam'] })
			.notNull()
			.default('pending'),
		/** The commenter asked for one e-mail when the comment is published; cleared once sent. */
		notify: boolean('notify').notNull().default(false),
		/** Hash of the form key: a double submit stores one comment. */
		formKeyHash: text('form_key_hash'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		moderatedAt: timestamp('moderated_at', { withTimezone: true })
	},
	(t) => [
		index('comments_article_idx').on(t.article, t.locale, t.status, t.createdAt),
		index('comments_status_idx').on(t.status, t.createdAt),
		// A page's replies, by the threads shown (and the cascade when a thread is erased).
		index('comments_parent_idx').on(t.parentId, t.createdAt).where(sql`${t.parentId} is not null`),
		uniqueIndex('comments_form_key_unique').on(t.formKeyHash)
	]
);
