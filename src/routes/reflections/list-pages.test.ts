import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../tests/setup/test-db';
import { loadPageAs, signUpCouple } from '../../../tests/setup/people';
import { REFLECTION_PAGE_SIZE } from '$lib/server/reflections/reflections';
import { reflections } from '$lib/server/db/schema';
import { newId } from '$lib/server/security/tokens';
import { load } from './+page.server';

type Pages = { older: string | null; newest: string | null };
type ReflectionsPage = { mine: { excerpt: string }[]; minePages: Pages; shared: { excerpt: string }[]; sharedPages: Pages };

/**
 * /reflections holds one page of each list, with plain links to older ones and back; each list's
 * links keep the other's page.
 */
describe(`the reflections page, a page of each list at a time (${databaseKind})`, () => {
	const getDb = useAppDatabase();

	it('shows the newest of each, links to older ones and back, and keeps the other list’s page', async () => {
		const db = getDb();
		const { first: ann, second: bo, coupleId } = await signUpCouple(db, { name: 'reflection-pages-a' }, { name: 'reflection-pages-b' });
		// One more than a page of Ann's own, and of Bo's shared with her.
		const start = Date.parse('2026-11-01T08:00:00Z');
		const many = (ownerId: string, name: string) =>
			Array.from({ length: REFLECTION_PAGE_SIZE + 1 }, (_, i) => ({ id: newId(), ownerId, prompt: 'my-part', body: `${name}${i + 1}`, sharedCoupleId: ownerId === bo.userId ? coupleId : null, updatedAt: new Date(start + i * 60_000) }));
		await db.insert(reflections).values([...many(ann.userId, 'A'), ...many(bo.userId, 'B')]);
		const loadAt = (search: string) => loadPageAs<ReflectionsPage>(db, ann, load, { path: '/reflections', search });
		const cursorIn = (link: string, name: string) => new URLSearchParams(link.slice(1, link.indexOf('#'))).get(name)!;

		const newest = await loadAt('');
		expect(newest.mine).toHaveLength(REFLECTION_PAGE_SIZE);
		expect(newest.mine[0].excerpt).toBe(`A${REFLECTION_PAGE_SIZE + 1}`);
		expect(newest.shared).toHaveLength(REFLECTION_PAGE_SIZE);
		expect(newest.shared.every((r) => r.excerpt.startsWith('B'))).toBe(true);
		expect(newest.minePages).toEqual({ older: expect.stringMatching(/^\?mineBefore=[^#&]+#mine$/), newest: null });
		expect(newest.sharedPages).toEqual({ older: expect.stringMatching(/^\?sharedBefore=[^#&]+#shared$/), newest: null });

		const olderMine = await loadAt(newest.minePages.older!.replace(/#.*$/, ''));
		expect(olderMine.mine.map((r) => r.excerpt)).toEqual(['A1']);
		expect(olderMine.minePages).toEqual({ older: null, newest: '?#mine' });
		// The other list stays on its newest page, and its link keeps this one's.
		expect(olderMine.shared).toHaveLength(REFLECTION_PAGE_SIZE);
		const mineCursor = cursorIn(newest.minePages.older!, 'mineBefore');
		expect(cursorIn(olderMine.sharedPages.older!, 'mineBefore')).toBe(mineCursor);

		const both = await loadAt(`?${new URLSearchParams({ mineBefore: mineCursor, sharedBefore: cursorIn(newest.sharedPages.older!, 'sharedBefore') })}`);
		expect([both.mine.map((r) => r.excerpt), both.shared.map((r) => r.excerpt)]).toEqual([['A1'], ['B1']]);
		expect(both.minePages.newest).toBe(`?sharedBefore=${encodeURIComponent(cursorIn(newest.sharedPages.older!, 'sharedBefore'))}#mine`);

		// A cursor that cannot be read shows the newest page, not an error.
		expect((await loadAt('?mineBefore=not-a-cursor&sharedBefore=2026-02-31T00:00:00Z_x')).mine).toHaveLength(REFLECTION_PAGE_SIZE);
	});
});
