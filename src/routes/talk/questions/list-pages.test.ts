import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { validateSession } from '$lib/server/auth/sessions';
import { signUp } from '$lib/server/auth/accounts';
import { acceptInvitation, createInvitation } from '$lib/server/couple/invitations';
import { coupleIdOf } from '$lib/server/couple/membership';
import { actAs } from '$lib/server/access/refusals';
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
		const ann = await signUp(db, { email: 'question-pages-a@example.org', password: 'a quiet morning walk', displayName: 'Ann', locale: 'en' });
		const bo = await signUp(db, { email: 'question-pages-b@example.org', password: 'a quiet evening walk', displayName: 'Bo', locale: 'en' });
		await acceptInvitation(db, bo.userId, (await createInvitation(db, ann.userId)).token);
		const coupleId = (await coupleIdOf(db, ann.userId))!;
		const start = Date.parse('2026-11-01T08:00:00Z');
		await db.insert(talkQuestions).values([
			...Array.from({ length: ANSWERED_PAGE_SIZE + 1 }, (_, i) => ({ id: newId(), coupleId, askerId: bo.userId, body: `A${i + 1}`, createdAt: new Date(start + i * 60_000), answeredAt: new Date(start + 86_400_000) })),
			{ id: newId(), coupleId, askerId: bo.userId, body: 'Still open', createdAt: new Date(start) }
		]);
		const user = (await validateSession(db, ann.session.token))!.user;
		const loadAt = async (search: string) => {
			const url = new URL(`http://herstelpad.test/en/talk/questions${search}`);
			const event = { locals: { user, locale: 'en', address: '127.0.0.1' }, url, params: {}, route: { id: '/talk/questions' } };
			return (await actAs(db, ann.userId, () => (load as unknown as (e: unknown) => Promise<QuestionsPage>)(event))) as QuestionsPage;
		};

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
