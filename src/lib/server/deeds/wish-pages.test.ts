import { describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { signUpCouple } from '../../../../tests/setup/people';
import { wishes } from '../db/schema';
import { newId } from '../security/tokens';
import { listPartnerWishes, myWishesPage, partnerWishesPage, WISH_PAGE_SIZE } from './wishes';

describe(`wishes, a page at a time (${databaseKind})`, () => {
	const database = useTestDatabase();

	it('keeps every wish waiting for an answer in view, pages the answered ones and one’s own, none twice or skipped', async () => {
		const db = database();
		const { first, second, coupleId } = await signUpCouple(db, { name: 'hurt-wishes' }, { name: 'rep-wishes' });
		const [hurt, rep] = [first.userId, second.userId];
		// Seven answered (the third and fourth made in the same microsecond), two waiting (one older
		// than all), one private: the private one is never the partner's to see.
		const times = ['09:00', '09:01', '09:02', '09:02', '09:03', '09:04', '09:05'].map((t) => new Date(`2026-11-20T${t}:00.000123Z`));
		const wish = (body: string, createdAt: Date, extra: Partial<typeof wishes.$inferInsert> = {}) => ({ id: newId(), ownerId: hurt, size: 'everyday' as const, body, sharedCoupleId: coupleId, createdAt, ...extra });
		await db.insert(wishes).values([
			...times.map((at, i) => wish(`A${i + 1}`, at, { answer: 'talk' as const, answeredAt: new Date('2026-11-21T08:00:00Z') })),
			wish('W1', new Date('2026-11-01T08:00:00Z')),
			wish('W2', new Date('2026-11-22T08:00:00Z')),
			wish('P1', new Date('2026-11-23T08:00:00Z'), { sharedCoupleId: null })
		]);
		const repActor = { userId: rep, coupleId };
		const bodies = (rows: { body: string }[]) => rows.map((w) => w.body);

		const newest = await partnerWishesPage(db, repActor, null, 3);
		expect(bodies(newest.waiting)).toEqual(['W2', 'W1']);
		expect(bodies(newest.answered)).toEqual(['A7', 'A6', 'A5']);
		const middle = await partnerWishesPage(db, repActor, newest.olderAnswered, 3);
		const oldest = await partnerWishesPage(db, repActor, middle.olderAnswered, 3);
		expect([...bodies(newest.answered), ...bodies(middle.answered), ...bodies(oldest.answered)].sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']);
		expect(bodies(oldest.answered)).toEqual(['A1']);
		expect(oldest.olderAnswered).toBeNull();
		expect(bodies(oldest.waiting)).toEqual(['W2', 'W1']);
		expect(bodies(await listPartnerWishes(db, repActor))).not.toContain('P1');

		// One's own: every wish, private ones too, a page at a time.
		const hurtActor = { userId: hurt, coupleId };
		const seen: string[] = [];
		for (let page = await myWishesPage(db, hurtActor, null, 4); ; page = await myWishesPage(db, hurtActor, page.older, 4)) {
			seen.push(...bodies(page.wishes));
			if (!page.older) break;
		}
		expect(seen.slice(0, 3)).toEqual(['P1', 'W2', 'A7']);
		expect(seen).toHaveLength(10);
		expect(new Set(seen).size).toBe(10);
		expect((await myWishesPage(db, hurtActor)).wishes.length).toBe(Math.min(10, WISH_PAGE_SIZE));
	});
});
