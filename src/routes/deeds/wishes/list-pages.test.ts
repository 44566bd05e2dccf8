import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { loadPageAs, signUpCouple } from '../../../../tests/setup/people';
import { WISH_PAGE_SIZE } from '$lib/server/deeds/wishes';
import { wishes } from '$lib/server/db/schema';
import { newId } from '$lib/server/security/tokens';
import { load } from './+page.server';

type Pages = { older: string | null; newest: string | null };
type WishesPage = { mine: { body: string }[]; minePages: Pages; partner: { body: string }[]; partnerPages: Pages };

/** `/deeds/wishes` holds a page of each list, with plain links; each list's links keep the other's page. */
describe(`the wishes page, a page of each list at a time (${databaseKind})`, () => {
	const getDb = useAppDatabase();

	it('pages the partner’s answered wishes with the waiting ones always in view, and keeps the other list’s page', async () => {
		const db = getDb();
		const { first: hurt, second: rep, coupleId } = await signUpCouple(db, { name: 'wish-pages-h', role: 'hurt' }, { name: 'wish-pages-r', role: 'repairing' });
		const start = Date.parse('2026-11-01T08:00:00Z');
		await db.insert(wishes).values([
			...Array.from({ length: WISH_PAGE_SIZE + 1 }, (_, i) => ({ id: newId(), ownerId: hurt.userId, size: 'everyday' as const, body: `A${i + 1}`, sharedCoupleId: coupleId, answer: 'talk' as const, answeredAt: new Date(start + 86_400_000), createdAt: new Date(start + (i + 1) * 60_000) })),
			{ id: newId(), ownerId: hurt.userId, size: 'bigger' as const, body: 'Waiting', sharedCoupleId: coupleId, createdAt: new Date(start) }
		]);
		const loadAs = (who: typeof hurt, search: string) => loadPageAs<WishesPage>(db, who, load, { path: '/deeds/wishes', search });

		const newest = await loadAs(rep, '');
		expect(newest.partner).toHaveLength(WISH_PAGE_SIZE + 1);
		expect(newest.partner[0].body).toBe('Waiting');
		expect(newest.partnerPages).toEqual({ older: expect.stringMatching(/^\?answeredBefore=[^#&]+#partner-wishes$/), newest: null });
		const older = await loadAs(rep, newest.partnerPages.older!.replace(/#.*$/, ''));
		expect(older.partner.map((w) => w.body)).toEqual(['Waiting', 'A1']);
		expect(older.partnerPages).toEqual({ older: null, newest: '?#partner-wishes' });

		// The hurt partner's own list, with a cursor of the other list kept in its links.
		const own = await loadAs(hurt, '');
		expect(own.mine).toHaveLength(WISH_PAGE_SIZE);
		const mineCursor = new URLSearchParams(own.minePages.older!.slice(1, own.minePages.older!.indexOf('#'))).get('mineBefore')!;
		const both = await loadAs(hurt, `?${new URLSearchParams({ mineBefore: mineCursor, answeredBefore: 'not-a-cursor' })}`);
		expect(both.mine.map((w) => w.body)).toEqual(['A1', 'Waiting']);
		expect(both.minePages.newest).toBe('?#my-wishes');
	});
});
