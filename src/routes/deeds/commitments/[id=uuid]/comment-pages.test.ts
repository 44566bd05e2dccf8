import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../../tests/setup/test-db';
import { validateSession } from '$lib/server/auth/sessions';
import { signUp } from '$lib/server/auth/accounts';
import { chooseRole } from '$lib/server/users/users';
import { actAs } from '$lib/server/access/refusals';
import { COMMENT_PAGE_SIZE, createCommitment } from '$lib/server/deeds/commitments';
import { commitmentComments } from '$lib/server/db/schema';
import { newId } from '$lib/server/security/tokens';
import { load } from './+page.server';

type CommitmentPage = { comments: { body: string }[]; commentPages: { earlier: string | null; newest: string | null } };

/** A commitment's page holds one page of comments, with plain links to the earlier ones and back. */
describe(`a commitment's comments, a page at a time (${databaseKind})`, () => {
	const getDb = useAppDatabase();

	it('shows the newest page, links to the earlier one, and from there back to the newest', async () => {
		const db = getDb();
		const { userId, session } = await signUp(db, { email: 'comments-pages@example.org', password: 'a quiet morning walk', displayName: 'Ann', locale: 'nl' });
		await chooseRole(db, userId, 'repairing');
		const actor = { userId, coupleId: null };
		const { id } = await createCommitment(db, actor, { title: 'Elke avond bellen', why: '', rhythm: 'daily', weekdays: [], share: false });
		const start = Date.parse('2026-11-01T08:00:00Z');
		await db.insert(commitmentComments).values(Array.from({ length: COMMENT_PAGE_SIZE + 1 }, (_, i) => ({ id: newId(), commitmentId: id, authorId: userId, body: `C${i + 1}`, createdAt: new Date(start + i * 60_000) })));
		const user = (await validateSession(db, session.token))!.user;

		const loadAt = async (search: string) => {
			const url = new URL(`http://herstelpad.test/deeds/commitments/${id}${search}`);
			const event = { locals: { user, locale: 'nl', address: '127.0.0.1' }, url, params: { id }, route: { id: '/deeds/commitments/[id=uuid]' } };
			return (await actAs(db, userId, () => (load as unknown as (e: unknown) => Promise<CommitmentPage>)(event))) as CommitmentPage;
		};

		const newest = await loadAt('');
		expect(newest.comments).toHaveLength(COMMENT_PAGE_SIZE);
		expect(newest.comments[0].body).toBe('C2');
		expect(newest.comments.at(-1)!.body).toBe(`C${COMMENT_PAGE_SIZE + 1}`);
		expect(newest.commentPages.newest).toBeNull();
		expect(newest.commentPages.earlier).toMatch(/^\?commentsBefore=[^#]+#comments$/);

		const earlier = await loadAt(newest.commentPages.earlier!.replace(/#.*$/, ''));
		expect(earlier.comments.map((c) => c.body)).toEqual(['C1']);
		expect(earlier.commentPages).toEqual({ earlier: null, newest: '?#comments' });

		// A cursor that cannot be read shows the newest page, not an error.
		expect((await loadAt('?commentsBefore=not-a-cursor')).comments).toHaveLength(COMMENT_PAGE_SIZE);
	});
});
