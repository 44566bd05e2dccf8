import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db';
import { comments } from '../db/schema';
import { DomainError, isUniqueViolation, notFound } from '../errors';
import { assertSiteTask, type Actor } from '../access/policy';
import { hitLimit } from '../security/rate-limit';
import { hashToken, newId } from '../security/tokens';
import { articleExists, getArticle, type Locale } from '../guide/articles';
import type { Mailer } from '../mail/mailer';
import { commentPublishedMail } from '../mail/templates';
import { enqueue } from '../jobs';
import { UUID } from '../../schemas/uuid';

/**
 * Comments under the guide's articles. Anyone may write one, without an account; it waits until
 * an administrator approves it. Text stays plain text (Svelte escapes it when shown), the e-mail
 * address is never shown to anyone, and replies go one level deep.
 */

/** Per address: a few comments in ten minutes is a conversation, more is a script. */
export const COMMENT_LIMIT = { max: 5, windowSeconds: 10 * 60 };

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';
export type Decision = 'approve' | 'reject' | 'spam';
const STATUS_OF: Record<Decision, CommentStatus> = { approve: 'approved', reject: 'rejected', spam: 'spam' };

export interface NewComment {
	article: string;
	locale: Locale;
	parentId?: string;
	name: string;
	email: string;
	body: string;
	notify: boolean;
	formKey?: string;
	/** The sender's address, for the rate limit only; it is not stored with the comment. */
	address: string;
}

/**
 * Stores a pending comment. A reply must answer an approved comment under the same article and
 * language; a reply to a reply joins the same thread (one level deep). The same form key twice
 * (a double click, a reload of the post) stores one comment, and answers the same.
 */
export async function submitComment(db: Database, input: NewComment, now = new Date()): Promise<void> {
	if (!getArticle(input.article, input.locale)) throw notFound();
	const limit = await hitLimit(db, `comment:${input.address}`, COMMENT_LIMIT, now);
	if (!limit.allowed) throw new DomainError('comment_too_many', { retryAfterSeconds: limit.retryAfterSeconds });
	let parentId: string | null = null;
	if (input.parentId) {
		const [parent] = await db
			.select({ id: comments.id, parentId: comments.parentId })
			.from(comments)
			.where(and(eq(comments.id, input.parentId), eq(comments.article, input.article), eq(comments.locale, input.locale), eq(comments.status, 'approved')));
		if (!parent) throw new DomainError('comment_reply_invalid');
		parentId = parent.parentId ?? parent.id;
	}
	try {
		// No RETURNING or ON CONFLICT: both need to read the new row, and a pending comment is not
		// readable by the visitor who wrote it (row-level security). The same form key again is a
		// unique violation, which means "already stored".
		await db
			.insert(comments)
			.values({
				id: newId(),
				article: input.article,
				locale: input.locale,
				parentId,
				name: input.name,
				email: input.email,
				body: input.body,
				notify: input.notify,
				formKeyHash: input.formKey ? hashToken(input.formKey) : null,
				createdAt: now
			});
	} catch (err) {
		if (isUniqueViolation(err)) return;
		throw err;
	}
}

export interface PublishedComment {
	id: string;
	name: string;
	body: string;
	createdAt: Date;
	replies: { id: string; name: string; body: string; createdAt: Date }[];
}

/** Threads on one page of an article's discussion: enough to read, few enough to stay light with hundreds of comments. */
export const THREADS_PER_PAGE = 20;

export interface CommentsPage {
	threads: PublishedComment[];
	/** Every published comment of the article in this language, replies included. */
	total: number;
	/** The page shown (a page past the end shows the last) and how many there are (at least 1). */
	page: number;
	pages: number;
}

const published = (article: string, locale: Locale) => and(eq(comments.article, article), eq(comments.locale, locale), eq(comments.status, 'approved'));

/**
 * One page of the approved comments of one article in one language: the newest threads first, so
 * the conversation going on now is what a reader meets, each with its approved replies, oldest
 * first. Three index-served queries, whatever the number of comments.
 */
export async function publishedCommentsPage(db: Database, article: string, locale: Locale, page = 1): Promise<CommentsPage> {
	const [counted] = await db
		.select({ total: count(), threads: count(sql`case when ${comments.parentId} is null then 1 end`) })
		.from(comments)
		.where(published(article, locale));
	const total = Number(counted?.total ?? 0);
	const pages = Math.max(1, Math.ceil(Number(counted?.threads ?? 0) / THREADS_PER_PAGE));
	const shown = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
	const tops = await db
		.select({ id: comments.id, name: comments.name, body: comments.body, createdAt: comments.createdAt })
		.from(comments)
		.where(and(published(article, locale), isNull(comments.parentId)))
		.orderBy(desc(comments.createdAt), desc(comments.id))
		.limit(THREADS_PER_PAGE)
		.offset((shown - 1) * THREADS_PER_PAGE);
	const threads = new Map<string, PublishedComment>(tops.map((top) => [top.id, { ...top, replies: [] }]));
	if (threads.size > 0) {
		const replies = await db
			.select({ id: comments.id, parentId: comments.parentId, name: comments.name, body: comments.body, createdAt: comments.createdAt })
			.from(comments)
			.where(and(inArray(comments.parentId, [...threads.keys()]), eq(comments.status, 'approved')))
			.orderBy(asc(comments.createdAt), asc(comments.id));
		for (const { parentId, ...reply } of replies) threads.get(parentId!)?.replies.push(reply);
	}
	return { threads: [...threads.values()], total, page: shown, pages };
}

/**
 * The published thread a comment belongs to (the comment itself, or the one it answers) and the
 * page that shows it, so a link to a comment (the "published" e-mail, a reply) opens the right
 * page. Null when the comment is not published under this article in this language.
 */
export async function findPublishedThread(db: Database, article: string, locale: Locale, commentId: string): Promise<{ id: string; name: string; page: number } | null> {
	if (!UUID.test(commentId)) return null;
	const [found] = await db
		.select({ id: comments.id, parentId: comments.parentId })
		.from(comments)
		.where(and(eq(comments.id, commentId), published(article, locale)));
	if (!found) return null;
	const [root] = await db
		.select({ id: comments.id, name: comments.name, createdAt: comments.createdAt })
		.from(comments)
		.where(and(eq(comments.id, found.parentId ?? found.id), published(article, locale)));
	if (!root) return null;
	const [newer] = await db
		.select({ n: count() })
		.from(comments)
		.where(
			and(
				published(article, locale),
				isNull(comments.parentId),
				or(gt(comments.createdAt, root.createdAt), and(eq(comments.createdAt, root.createdAt), gt(comments.id, root.id)))
			)
		);
	return { id: root.id, name: root.name, page: Math.floor(Number(newer?.n ?? 0) / THREADS_PER_PAGE) + 1 };
}

export interface QueuedComment {
	id: string;
	article: string;
	locale: Locale;
	name: string;
	body: string;
	createdAt: Date;
	/** For a reply: the name and text it answers, so the moderator reads it in context. */
	inReplyTo: { name: string; body: string } | null;
}

/** What waits for moderation (or was filed under another status), oldest first. Never the e-mail address. */
export async function listForModeration(db: Database, actor: Actor, status: CommentStatus = 'pending', limit = 100): Promise<QueuedComment[]> {
	assertSiteTask(actor, 'moderate');
	const parent = alias(comments, 'parent');
	const rows = await db
		.select({
			id: comments.id,
			article: comments.article,
			locale: comments.locale,
			name: comments.name,
			body: comments.body,
			createdAt: comments.createdAt,
			parentName: parent.name,
			parentBody: parent.body
		})
		.from(comments)
		.leftJoin(parent, eq(parent.id, comments.parentId))
		.where(eq(comments.status, status))
		.orderBy(asc(comments.createdAt), asc(comments.id))
		.limit(limit);
	return rows.map(({ parentName, parentBody, ...row }) => ({ ...row, inReplyTo: parentName !== null && parentBody !== null ? { name: parentName, body: parentBody } : null }));
}

export async function commentCounts(db: Database, actor: Actor): Promise<Record<CommentStatus, number>> {
	assertSiteTask(actor, 'moderate');
	const rows = await db.select({ status: comments.status, n: count() }).from(comments).groupBy(comments.status);
	const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, rejected: 0, spam: 0 };
	for (const row of rows) counts[row.status] = row.n;
	return counts;
}

export interface ApprovedNotice {
	email: string;
	name: string;
	article: string;
	locale: Locale;
	commentId: string;
}

/**
 * Approves, rejects or marks as spam the pending comments among `ids`, in one statement; ids that
 * are not pending (already moderated by someone else, or unknown) are left alone. Approving a
 * reply whose thread is not approved is impossible: replies can only be written to approved
 * comments. Returns how many changed, and who asked to hear about their published comment (the
 * caller sends those e-mails; `notify` is cleared here, so each is sent at most once).
 */
export async function moderateComments(
	db: Database,
	actor: Actor,
	ids: string[],
	decision: Decision,
	now = new Date()
): Promise<{ changed: number; notices: ApprovedNotice[] }> {
	assertSiteTask(actor, 'moderate');
	if (ids.length === 0) return { changed: 0, notices: [] };
	const changed = await db
		.update(comments)
		.set({ status: STATUS_OF[decision], moderatedAt: now })
		.where(and(inArray(comments.id, ids), eq(comments.status, 'pending')))
		.returning({ id: comments.id, notify: comments.notify, email: comments.email, name: comments.name, article: comments.article, locale: comments.locale });
	const notices =
		decision === 'approve'
			? changed.filter((c) => c.notify && articleExists(c.article)).map((c) => ({ email: c.email, name: c.name, article: c.article, locale: c.locale, commentId: c.id }))
			: [];
	if (notices.length) {
		await db
			.update(comments)
			.set({ notify: false })
			.where(inArray(comments.id, notices.map((n) => n.commentId)));
	}
	return { changed: changed.length, notices };
}

/**
 * Moderates, then queues the "published" e-mails the writers asked for, one job each carrying the
 * comment's id and language only (no address). The request does not wait for the mail server; a
 * failed e-mail never undoes the approval, and the queue tries it again. Not inside a transaction.
 */
export async function moderateAndNotify(db: Database, actor: Actor, ids: string[], decision: Decision, now = new Date()): Promise<{ changed: number; queued: number }> {
	const { changed, notices } = await moderateComments(db, actor, ids, decision, now);
	for (const notice of notices) await enqueue('mail.comment-published', { commentId: notice.commentId, locale: notice.locale });
	return { changed, queued: notices.length };
}

export interface CommentMailDeps {
	mailer: Mailer;
	/** The absolute link to the comment under its article, from configuration (`publicUrl`), never from a request. */
	linkTo: (comment: { article: string; commentId: string; locale: Locale }) => string;
}

/**
 * The "published" e-mail, the job (src/lib/server/jobs/handlers.ts): reads the comment's address
 * and name here, and sends nothing once the comment is no longer published (deleted since, or its
 * article gone). A failed delivery rejects, so the queue tries again (the mailer logs kind and error type only).
 */
export async function sendCommentPublishedMail(db: Database, data: { commentId: string; locale: Locale }, deps: CommentMailDeps): Promise<void> {
	const [row] = await db
		.select({ email: comments.email, name: comments.name, article: comments.article })
		.from(comments)
		.where(and(eq(comments.id, data.commentId), eq(comments.status, 'approved')));
	if (!row) return;
	const article = getArticle(row.article, data.locale);
	if (!article) return;
	const link = deps.linkTo({ article: row.article, commentId: data.commentId, locale: data.locale });
	await deps.mailer.send(row.email, commentPublishedMail(data.locale, { name: row.name, title: article.title, link }), 'comment-published');
}

/**
 * Erases comments for good, whatever their status (a writer's request to remove their comment, or
 * clearing out spam); replies go with the comment they answer.
 */
export async function deleteComments(db: Database, actor: Actor, ids: string[]): Promise<number> {
	assertSiteTask(actor, 'moderate');
	if (ids.length === 0) return 0;
	const deleted = await db.delete(comments).where(inArray(comments.id, ids)).returning({ id: comments.id });
	return deleted.length;
}
