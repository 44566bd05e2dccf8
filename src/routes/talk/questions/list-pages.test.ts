import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { loadPageAs, signUpCouple } from '../../../../tests/setup/people';
import { ANSWERED_PAGE_SIZE } from '$lib/server/talk/questions';
import { talkQuestions } from '$lib/server/db/schema';
import { newId } from '$lib/server/security/tokens';
import { load } from './+page.server';

type QuestionsPage = { open: { excerpt: string }[]; answered: { excerpt: string }[]; answeredPages: { older: string | null; newest: string | null } };

/** /talk/questions keeps every open question in view and pages the answered ones, with plain links. */
describe(`the questions page, answered ones a page at a time (${databaseKind})`, () => {
	const getDb = useAppDatabase();

	it('shows the newest answered ones, links to older ones and back, and keeps the open ones in view', async () => {
		const db = getDb();
		const { first: ann, second: bo, coupleId } = await signUpCouple(db, { name: 'question-pages-a', locale: 'en' }, { name: 'question-pages-b', locale: 'en' });
		const start = Date.parse('2026-11-01T08:00:00Z');
		await db.insert(talkQuestions).values([
			...Array.from({ length: ANSWERED_PAGE_SIZE + 1 }, (_, i) => ({ id: newId(), coupleId, askerId: bo.userId, body: `A${i + 1}`, createdAt: new Date(start + i * 60_000), answeredAt: new Date(start + 86_400_000) })),
			{ id: newId(), coupleId, askerId: bo.userId, body: 'Still open', createdAt: new Date(start) }
		]);
		const loadAt = (search: string) => loadPageAs<QuestionsPage>(db, ann, load, { path: '/talk/questions', search, locale: 'en' });

		const newest = await loadAt('');
		expect(newest.open.map((q) => q.excerpt)).toEqual(['Still open']);
		expect(newest.answered).toHaveLength(ANSWERED_PAGE_SIZE);
		expect(newest.answered[0].excerpt).toBe(`A${ANSWERED_PAGE_SIZE + 1}`);
		expect(newest.answeredPages).toEqual({ older: expect.stringMatching(/^\?answeredBefore=[^#&]+#answered$/), newest: null });

		const older = await loadAt(newest.answeredPages.older!.replace(/#.*$/, ''));
		expect(older.answered.map((q) => q.excerpt)).toEqual(['A1']);
		expect(older.open.map((q) => q.excerpt)).toEqual(['Still open']);
		expect(older.answeredPages).toEqual({ older: null, newest: '?#answered' });

		// A cursor that cannot be read shows the newest page, not an error.
		expect((await loadAt('?answeredBefore=yesterday')).answered).toHaveLength(ANSWERED_PAGE_SIZE);
	});
});
