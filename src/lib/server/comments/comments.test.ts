import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { collectingSmtpServer } from '../../../../tests/setup/smtp';
import { decodeQuotedPrintable } from '../../../../tests/setup/eml';
import type { Database } from '../db';
import { comments } from '../db/schema';
import { grantAppRole } from '../db/app-role';
import type { Actor } from '../access/policy';
import { signUp } from '../auth/accounts';
import { createAdmin } from '../users/users';
import { drainJobs } from '../jobs';
import { COMMENT_LIMIT, commentCounts, deleteComments, findPublishedThread, listForModeration, moderateAndNotify, publishedCommentsPage, THREADS_PER_PAGE, moderateComments, sendCommentPublishedMail, submitComment, type NewComment } from './comments';

// The real queue and the app's own mailer, talking SMTP to a mail server in this process.
const smtp = await collectingSmtpServer();
// Read once, at the first getEnv(): this file's own process environment.
process.env.SMTP_URL = smtp.url;

const ARTICLE = 'why-it-happens';

describe(`comments (${databaseKind})`, () => {
	const database = useAppDatabase({ jobs: true });
	let db: Database;
	let admin: Actor;
	let member: Actor;
	let addressCounter = 0;
	/** Each submission from its own address, unless a test is about the limit. */
	const comment = (over: Partial<NewComment> = {}): NewComment => ({
		article: ARTICLE,
		locale: 'nl',
		name: 'Sam',
		email: 'sam@example.org',
		body: 'Dit herken ik.',
		notify: false,
		address: `10.0.0.${addressCounter++}`,
		...over
	});
	const pendingIds = async () => (await listForModeration(db, admin)).map((c) => c.id);
	const listPublishedComments = async (on: Database, article: string, locale: 'nl' | 'en') => (await publishedCommentsPage(on, article, locale)).threads;

	beforeAll(async () => {
		db = database();
		const { userId } = await signUp(db, { email: 'mod@example.org', password: 'long enough pass', displayName: 'Mod', locale: 'nl' });
		await createAdmin(db, 'mod@example.org');
		admin = { userId, coupleId: null, isAdmin: true };
		const other = await signUp(db, { email: 'member@example.org', password: 'long enough pass', displayName: 'Mem', locale: 'nl' });
		member = { userId: other.userId, coupleId: null, isAdmin: false };
	});

	it('keeps a new comment pending: not published, in the queue without its e-mail address', async () => {
		await submitComment(db, comment({ body: '<script>alert(1)</script> en gewone tekst' }));
		expect(await listPublishedComments(db, ARTICLE, 'nl')).toEqual([]);
		const queue = await listForModeration(db, admin);
		expect(queue).toHaveLength(1);
		expect(queue[0]).toMatchObject({ article: ARTICLE, locale: 'nl', name: 'Sam', body: '<script>alert(1)</script> en gewone tekst', inReplyTo: null });
		expect(JSON.stringify(queue)).not.toContain('sam@example.org');
		await moderateComments(db, admin, queue.map((c) => c.id), 'reject');
	});

	it('refuses a comment under an article that does not exist', async () => {
		await expect(submitComment(db, comment({ article: 'no-such-article' }))).rejects.toThrow('not_found');
	});

	it('stores one comment for a form key sent twice, or twice at once', async () => {
		const formKey = 'the-same-key-for-both-posts';
		await Promise.all([submitComment(db, comment({ formKey, body: 'Eén keer' })), submitComment(db, comment({ formKey, body: 'Eén keer' }))]);
		await submitComment(db, comment({ formKey, body: 'Eén keer' }));
		expect((await listForModeration(db, admin)).filter((c) => c.body === 'Eén keer')).toHaveLength(1);
		await moderateComments(db, admin, await pendingIds(), 'spam');
	});

	it('limits one address to a few comments in ten minutes', async () => {
		const now = new Date('2026-11-30T10:00:00Z');
		for (let i = 0; i < COMMENT_LIMIT.max; i++) await submitComment(db, comment({ address: '192.0.2.1', body: `nr ${i}` }), now);
		await expect(submitComment(db, comment({ address: '192.0.2.1' }), now)).rejects.toThrow('comment_too_many');
		await submitComment(db, comment({ address: '192.0.2.2' }), now);
		await submitComment(db, comment({ address: '192.0.2.1' }), new Date(now.getTime() + COMMENT_LIMIT.windowSeconds * 1000 + 1000));
		await moderateComments(db, admin, await pendingIds(), 'reject');
	});

	it('approves, rejects and marks spam in bulk, only what is pending, and counts per status', async () => {
		const before = await commentCounts(db, admin);
		// A second apart: the queue lists the oldest first, and comments sent in the same millisecond
		// would come in an order of their random ids.
		const start = Date.now();
		for (const [i, body] of ['een', 'twee', 'drie', 'vier'].entries()) await submitComment(db, comment({ body }), new Date(start + i * 1000));
		const [one, two, three, four] = await pendingIds();
		expect(await moderateComments(db, admin, [one, two], 'approve')).toMatchObject({ changed: 2 });
		expect(await moderateComments(db, admin, [three], 'spam')).toMatchObject({ changed: 1 });
		// Already decided: a second moderator's late click changes nothing.
		expect(await moderateComments(db, admin, [one, three, four], 'reject')).toMatchObject({ changed: 1 });
		expect((await listPublishedComments(db, ARTICLE, 'nl')).map((c) => c.body).sort()).toEqual(['een', 'twee']);
		expect(await listPublishedComments(db, ARTICLE, 'en')).toEqual([]);
		const after = await commentCounts(db, admin);
		expect(after.approved - before.approved).toBe(2);
		expect(after.spam - before.spam).toBe(1);
		expect(after.rejected - before.rejected).toBe(1);
		expect(after.pending).toBe(0);
	});

	it('takes replies one level deep, only to a published comment of the same article and language', async () => {
		const [top] = await listPublishedComments(db, ARTICLE, 'nl');
		await submitComment(db, comment({ parentId: top.id, name: 'Rae', body: 'Een antwoord' }));
		const [reply] = await listForModeration(db, admin);
		expect(reply.inReplyTo).toEqual({ name: top.name, body: top.body });
		await moderateComments(db, admin, [reply.id], 'approve');
		// A reply to the reply joins the same thread.
		await submitComment(db, comment({ parentId: reply.id, name: 'Tom', body: 'Nog een antwoord' }));
		await moderateComments(db, admin, await pendingIds(), 'approve');
		const thread = (await listPublishedComments(db, ARTICLE, 'nl')).find((c) => c.id === top.id)!;
		expect(thread.replies.map((r) => r.body)).toEqual(['Een antwoord', 'Nog een antwoord']);

		await submitComment(db, comment({ body: 'nog niet goedgekeurd' }));
		const [pending] = await pendingIds();
		await expect(submitComment(db, comment({ parentId: pending }))).rejects.toThrow('comment_reply_invalid');
		await expect(submitComment(db, comment({ parentId: top.id, locale: 'en' }))).rejects.toThrow('comment_reply_invalid');
		await expect(submitComment(db, comment({ parentId: '00000000-0000-4000-8000-000000000000' }))).rejects.toThrow('comment_reply_invalid');
		await moderateComments(db, admin, [pending], 'reject');
	});

	it('erases comments for good, replies with them, only for an administrator', async () => {
		await submitComment(db, comment({ body: 'wis mij' }));
		const [id] = await pendingIds();
		await moderateComments(db, admin, [id], 'approve');
		await submitComment(db, comment({ parentId: id, body: 'antwoord op wis mij' }));
		await expect(deleteComments(db, member, [id])).rejects.toThrow('not_found');
		expect(await deleteComments(db, admin, [id])).toBe(1);
		expect(await pendingIds()).toEqual([]);
		expect((await listPublishedComments(db, ARTICLE, 'nl')).map((c) => c.body)).not.toContain('wis mij');
	});

	it('shows the discussion a page at a time, newest threads first, and finds the page of any comment', async () => {
		const article = 'forgiveness';
		const start = Date.parse('2026-10-01T08:00:00Z');
		const threads = THREADS_PER_PAGE * 2 + 5;
		for (let i = 0; i < threads; i++) await submitComment(db, comment({ article, locale: 'en', name: `Writer ${i}`, body: `thread ${i}` }), new Date(start + i * 60_000));
		await moderateComments(db, admin, await pendingIds(), 'approve');
		const first = await publishedCommentsPage(db, article, 'en');
		const oldest = (await publishedCommentsPage(db, article, 'en', 3)).threads.at(-1)!;
		// A reply to the oldest thread (on the last page), and one still pending that stays unseen.
		await submitComment(db, comment({ article, locale: 'en', parentId: oldest.id, body: 'a late reply' }), new Date(start + 10 * 86_400_000));
		await moderateComments(db, admin, await pendingIds(), 'approve');
		await submitComment(db, comment({ article, locale: 'en', parentId: oldest.id, body: 'not yet approved' }), new Date(start + 11 * 86_400_000));

		expect(first).toMatchObject({ page: 1, pages: 3, total: threads });
		expect(first.threads.map((t) => t.body)).toEqual(Array.from({ length: THREADS_PER_PAGE }, (_, i) => `thread ${threads - 1 - i}`));
		const last = await publishedCommentsPage(db, article, 'en', 3);
		expect(last).toMatchObject({ page: 3, pages: 3, total: threads + 1 });
		expect(last.threads.map((t) => t.body)).toEqual(['thread 4', 'thread 3', 'thread 2', 'thread 1', 'thread 0']);
		expect(last.threads.at(-1)!.replies.map((r) => r.body)).toEqual(['a late reply']);
		// Past the end shows the last page; nonsense shows the first.
		expect((await publishedCommentsPage(db, article, 'en', 99)).page).toBe(3);
		expect((await publishedCommentsPage(db, article, 'en', Number.NaN)).page).toBe(1);
		expect((await publishedCommentsPage(db, article, 'en', -2)).page).toBe(1);

		const reply = last.threads.at(-1)!.replies[0];
		expect(await findPublishedThread(db, article, 'en', reply.id)).toEqual({ id: oldest.id, name: 'Writer 0', page: 3 });
		expect(await findPublishedThread(db, article, 'en', first.threads[THREADS_PER_PAGE - 1].id)).toMatchObject({ page: 1 });
		expect(await findPublishedThread(db, article, 'en', last.threads[0].id)).toMatchObject({ page: 3 });
		// Not under this article or language, not published, or not an id at all: nothing.
		expect(await findPublishedThread(db, article, 'nl', reply.id)).toBeNull();
		expect(await findPublishedThread(db, ARTICLE, 'en', reply.id)).toBeNull();
		expect(await findPublishedThread(db, article, 'en', (await pendingIds())[0])).toBeNull();
		expect(await findPublishedThread(db, article, 'en', 'not-an-id')).toBeNull();
		await deleteComments(db, admin, [...(await pendingIds()), ...first.threads.map((t) => t.id)]);
		expect((await publishedCommentsPage(db, article, 'en')).pages).toBe(2);
	});

	it('lets only an administrator see the queue or moderate', async () => {
		await expect(listForModeration(db, member)).rejects.toThrow('not_found');
		await expect(moderateComments(db, member, ['x'], 'approve')).rejects.toThrow('not_found');
		await expect(commentCounts(db, member)).rejects.toThrow('not_found');
	});

	describe('e-mail when published, by job, over real SMTP', () => {
		afterAll(() => smtp.close());

		it('mails those who asked, once, in their language, with a link to the comment; the job holds no address', async () => {
			await submitComment(db, comment({ locale: 'en', name: 'Wren', email: 'wren@example.org', body: 'Thank you', notify: true }));
			await submitComment(db, comment({ locale: 'en', name: 'Quiet', email: 'quiet@example.org', body: 'No mail please', notify: false }));
			const ids = await pendingIds();
			expect(await moderateAndNotify(db, admin, ids, 'approve')).toEqual({ changed: 2, queued: 1 });
			await drainJobs();
			expect(smtp.accepted).toHaveLength(1);
			const raw = decodeQuotedPrintable(smtp.accepted[0]);
			expect(raw).toContain('To: wren@example.org');
			expect(raw).toContain('Subject: Your comment is published');
			// The link opens the page holding the comment's thread (?thread=), at the comment.
			expect(raw).toMatch(new RegExp(`/en/guide/${ARTICLE}\\?thread=([0-9a-f-]+)#comment-\\1`));
			expect(raw).not.toContain('quiet@example.org');
			const jobs = (await db.execute(
				sql`select data::text from pgboss.job where name = 'mail.comment-published' union all select data::text from pgboss.archive where name = 'mail.comment-published'`
			)) as unknown as { rows: { data: string }[] };
			expect(jobs.rows).toHaveLength(1);
			const commentId = raw.match(/#comment-([0-9a-f-]+)/)![1];
			expect(JSON.parse(jobs.rows[0].data)).toEqual({ commentId, locale: 'en' });
			expect(jobs.rows[0].data).not.toContain('@');
			// Once: approving again (nothing pending) queues and sends nothing.
			expect(await moderateAndNotify(db, admin, ids, 'approve')).toEqual({ changed: 0, queued: 0 });
			await drainJobs();
			expect(smtp.accepted).toHaveLength(1);
		});

		it('sends nothing once the comment is gone, and rejects a failed delivery so the queue tries again', async () => {
			await submitComment(db, comment({ locale: 'nl', name: 'Ash', email: 'ash@example.org', body: 'Herkenbaar', notify: true }));
			const [id] = await pendingIds();
			await moderateComments(db, admin, [id], 'approve');
			const broken = { send: () => Promise.reject(new Error('connection refused')) };
			const linkTo = () => 'https://herstelpad.example/guide/x#comment-x';
			await expect(sendCommentPublishedMail(db, { commentId: id, locale: 'nl' }, { mailer: broken, linkTo })).rejects.toThrow('connection refused');
			await deleteComments(db, admin, [id]);
			await sendCommentPublishedMail(db, { commentId: id, locale: 'nl' }, { mailer: broken, linkTo });
		});
	});

	describe('row-level security for the app role', () => {
		const role = `herstelpad_app_comments_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
		async function asApp<T>(actor: string | null, work: (tx: Database) => Promise<T>): Promise<T> {
			return db.transaction(async (tx) => {
				await tx.execute(sql`select set_config('app.user_id', ${actor ?? ''}, true), set_config('app.system', 'off', true)`);
				await tx.execute(sql`set local role ${sql.identifier(role)}`);
				return work(tx as unknown as Database);
			});
		}
		beforeAll(async () => {
			await db.execute(sql`create role ${sql.identifier(role)} login nosuperuser nocreatedb nocreaterole nobypassrls`);
			await grantAppRole(db, role);
		});
		afterAll(async () => {
			await db.execute(sql`drop owned by ${sql.identifier(role)}`);
			await db.execute(sql`drop role ${sql.identifier(role)}`);
		});

		it('lets visitors read only approved comments and submit only pending ones; administrators do the rest', async () => {
			await asApp(null, (tx) => submitComment(tx, comment({ body: 'als bezoeker' })));
			await asApp(member.userId, (tx) => submitComment(tx, comment({ body: 'als lid', formKey: 'a-member-form-key-123' })));
			const statuses = await asApp(null, (tx) => tx.select({ status: comments.status }).from(comments));
			expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['approved']));
			const forged = asApp(null, (tx) => tx.insert(comments).values({ id: 'forged', article: ARTICLE, locale: 'nl', name: 'x', email: 'x@example.org', body: 'x', status: 'approved' }));
			await expect(forged).rejects.toThrow();
			// A member's direct update reaches nothing; the administrator's moderation works.
			await asApp(member.userId, (tx) => tx.update(comments).set({ status: 'approved' }));
			const queue = await asApp(admin.userId, (tx) => listForModeration(tx, admin));
			expect(queue.map((c) => c.body).sort()).toEqual(['als bezoeker', 'als lid']);
			expect(await asApp(admin.userId, (tx) => moderateComments(tx, admin, queue.map((c) => c.id), 'approve'))).toMatchObject({ changed: 2 });
			expect((await asApp(null, (tx) => listPublishedComments(tx, ARTICLE, 'nl'))).map((c) => c.body)).toEqual(expect.arrayContaining(['als bezoeker', 'als lid']));
		});
	});
});
