import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../../tests/setup/test-db';
import { loadPageAs, signUpPerson } from '../../../../../tests/setup/people';
import { COMMENT_PAGE_SIZE, createCommitment, HISTORY_PAGE_SIZE } from '$lib/server/deeds/commitments';
import { commitmentComments, commitmentEvents } from '$lib/server/db/schema';
import { newId } from '$lib/server/security/tokens';
import { load } from './+page.server';

type Pages = { older: string | null; newest: string | null };
type CommitmentPage = { comments: { body: string }[]; commentPages: Pages; history: { kind: string; reason: string | null }[]; historyPages: Pages };

/**
 * A commitment's page holds one page of comments and one of its history, each with plain links to
 * the earlier ones and back; each list's links keep the other's page.
 */
describe(`a commitment's comments and history, a page at a time (${databaseKind})`, () => {
	const getDb = useAppDatabase();

	it('shows the newest page, links to the earlier one, and from there back to the newest', async () => {
		const db = getDb();
		const ann = await signUpPerson(db, { name: 'comments-pages', role: 'repairing' });
		const userId = ann.userId;
		const { id } = await createCommitment(db, ann.actor, { title: 'Elke avond bellen', why: '', rhythm: 'daily', weekdays: [], share: false });
		const start = Date.parse('2026-11-01T08:00:00Z');
		await db.insert(commitmentComments).values(Array.from({ length: COMMENT_PAGE_SIZE + 1 }, (_, i) => ({ id: newId(), commitmentId: id, authorId: userId, body: `C${i + 1}`, createdAt: new Date(start + i * 60_000) })));
		const loadAt = (search: string) => loadPageAs<CommitmentPage>(db, ann, load, { path: `/deeds/commitments/${id}`, search, routeId: '/deeds/commitments/[id=uuid]', params: { id } });

		const newest = await loadAt('');
		expect(newest.comments).toHaveLength(COMMENT_PAGE_SIZE);
		expect(newest.comments[0].body).toBe('C2');
		expect(newest.comments.at(-1)!.body).toBe(`C${COMMENT_PAGE_SIZE + 1}`);
		expect(newest.commentPages.newest).toBeNull();
		expect(newest.commentPages.older).toMatch(/^\?commentsBefore=[^#]+#comments$/);

		const earlier = await loadAt(newest.commentPages.older!.replace(/#.*$/, ''));
		expect(earlier.comments.map((c) => c.body)).toEqual(['C1']);
		expect(earlier.commentPages).toEqual({ older: null, newest: '?#comments' });

		// A cursor that cannot be read shows the newest page, not an error.
		expect((await loadAt('?commentsBefore=not-a-cursor')).comments).toHaveLength(COMMENT_PAGE_SIZE);
	});

	it('shows the newest changes, links to older ones and back, and keeps the comments\' page', async () => {
		const db = getDb();
		const ann = await signUpPerson(db, { name: 'history-pages', role: 'repairing', locale: 'en' });
		const { id } = await createCommitment(db, ann.actor, { title: 'Call every evening', why: '', rhythm: 'daily', weekdays: [], share: false });
		// The creation and HISTORY_PAGE_SIZE pauses and resumptions after it, oldest first.
		const start = Date.parse('2026-11-01T08:00:00Z');
		await db.insert(commitmentEvents).values(
			Array.from({ length: HISTORY_PAGE_SIZE }, (_, i) => ({
				commitmentId: id,
				kind: i % 2 ? ('resumed' as const) : ('paused' as const),
				fromDay: '2026-11-02',
				title: 'Call every evening',
				why: '',
				rhythm: 'daily' as const,
				weekdays: [],
				status: i % 2 ? ('active' as const) : ('paused' as const),
				reason: `R${i + 1}`,
				at: new Date(start + (i + 1) * 60_000)
			}))
		);
		const loadAt = (search: string) => loadPageAs<CommitmentPage>(db, ann, load, { path: `/deeds/commitments/${id}`, search, locale: 'en', routeId: '/deeds/commitments/[id=uuid]', params: { id } });

		const newest = await loadAt('');
		expect(newest.history).toHaveLength(HISTORY_PAGE_SIZE);
		expect(newest.history[0].reason).toBe(`R${HISTORY_PAGE_SIZE}`);
		expect(newest.history.at(-1)!.reason).toBe('R1');
		expect(newest.historyPages.newest).toBeNull();
		expect(newest.historyPages.older).toMatch(/^\?historyBefore=\d+#history$/);

		const older = await loadAt(newest.historyPages.older!.replace(/#.*$/, ''));
		expect(older.history.map((e) => e.kind)).toEqual(['created']);
		expect(older.historyPages).toEqual({ older: null, newest: '?#history' });

		// With both lists on an earlier page, each list's links keep the other's.
		const historyCursor = new URLSearchParams(newest.historyPages.older!.slice(1, newest.historyPages.older!.indexOf('#'))).get('historyBefore')!;
		const commentCursor = '2026-11-01T08:00:00.000000Z_00000000-0000-4000-8000-000000000000';
		const both = await loadAt(`?${new URLSearchParams({ commentsBefore: commentCursor, historyBefore: historyCursor })}`);
		expect(both.history.map((e) => e.kind)).toEqual(['created']);
		expect(both.historyPages.newest).toBe(`?${new URLSearchParams({ commentsBefore: commentCursor })}#history`);
		expect(both.commentPages.newest).toBe(`?historyBefore=${historyCursor}#comments`);

		// A cursor that cannot name a change shows the newest page, not an error.
		for (const bad of ['0', '-3', '1.5', 'abc', '99999999999']) expect((await loadAt(`?historyBefore=${bad}`)).history, bad).toHaveLength(HISTORY_PAGE_SIZE);
	});
});
