import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { signUpCouple } from '../../../../tests/setup/people';
import type { Database } from '../db';
import { signUp } from '../auth/accounts';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf, leaveCouple } from '../couple/membership';
import { listSecurityEvents } from '../security/events';
import { createReflection, deleteReflection, getReflection, listMyReflections, listSharedWithMe, myReflectionsPage, REFLECTION_PAGE_SIZE, shareReflection, sharedWithMePage, unshareReflection, updateReflection } from './reflections';
import { reflections } from '../db/schema';
import { newId } from '../security/tokens';

describe(`reflections (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let owner: string;
	let partner: string;
	const actor = async (userId: string) => ({ userId, coupleId: await coupleIdOf(db, userId) });

	beforeAll(async () => {
		db = database();
		const make = async (name: string) => (await signUp(db, { email: `${name}@example.org`, password: 'long enough pass', displayName: name, locale: 'en' })).userId;
		owner = await make('owner');
		partner = await make('partner');
	});

	it('cannot be shared while its owner is not in a couple', async () => {
		const { id } = await createReflection(db, await actor(owner), { prompt: 'why-it-happened', body: 'alone for now' });
		await expect(shareReflection(db, await actor(owner), id)).rejects.toThrow('not_in_couple');
		expect((await getReflection(db, await actor(owner), id)).shared).toBe(false);
	});

	it('is private by default and edited only by its owner, shared or not', async () => {
		await acceptInvitation(db, partner, (await createInvitation(db, owner)).token);
		const { id } = await createReflection(db, await actor(owner), { prompt: 'what-i-change', body: 'first words' });
		expect(await listSharedWithMe(db, await actor(partner))).toEqual([]);
		await updateReflection(db, await actor(owner), id, 'second words');
		await shareReflection(db, await actor(owner), id);
		const seen = await getReflection(db, await actor(partner), id);
		expect(seen).toMatchObject({ body: 'second words', shared: true, mine: false });
		await expect(updateReflection(db, await actor(partner), id, 'rewritten')).rejects.toThrow('not_found');
		await expect(deleteReflection(db, await actor(partner), id)).rejects.toThrow('not_found');
		await expect(unshareReflection(db, await actor(partner), id)).rejects.toThrow('not_found');
		expect((await getReflection(db, await actor(owner), id)).body).toBe('second words');
		const kinds = (await listSecurityEvents(db, owner)).map((e) => e.kind);
		expect(kinds).toContain('share');
	});

	it('shows a share as shared only within the couple it was made in', async () => {
		const { id } = await createReflection(db, await actor(owner), { prompt: 'our-relationship', body: 'what we want' });
		await shareReflection(db, await actor(owner), id);
		expect((await listMyReflections(db, await actor(owner))).find((r) => r.id === id)?.shared).toBe(true);
		await leaveCouple(db, owner);
		expect((await listMyReflections(db, await actor(owner))).find((r) => r.id === id)?.shared).toBe(false);
		expect(await listSharedWithMe(db, await actor(partner))).toEqual([]);
	});

	it('deletes for its owner only, and then is gone', async () => {
		const { id } = await createReflection(db, await actor(owner), { prompt: 'parting-well', body: 'to be removed' });
		await deleteReflection(db, await actor(owner), id);
		await expect(getReflection(db, await actor(owner), id)).rejects.toThrow('not_found');
		expect((await listMyReflections(db, await actor(owner))).map((r) => r.id)).not.toContain(id);
	});
});

describe(`reflections, a page at a time (${databaseKind})`, () => {
	const database = useTestDatabase();

	it('pages both lists newest first, none twice or skipped, ties in time included; the partner list holds only the partner’s', async () => {
		const db = database();
		const { first, second, coupleId } = await signUpCouple(db, { name: 'ann-pages' }, { name: 'bo-pages' });
		const [ann, bo, annActor, boActor] = [first.userId, second.userId, first.actor, second.actor];
		// Seven of Ann's, shared; the third and fourth changed in the same microsecond. Then three of
		// Bo's own shares, newer than all of Ann's: a page cut before "not my own" would hold only those.
		const times = ['09:00', '09:01', '09:02', '09:02', '09:03', '09:04', '09:05'].map((t) => new Date(`2026-11-20T${t}:00.000123Z`));
		const long = 'x'.repeat(300);
		await db.insert(reflections).values([
			...times.map((updatedAt, i) => ({ id: newId(), ownerId: ann, prompt: 'my-part', body: `R${i + 1} ${long}`, sharedCoupleId: coupleId, updatedAt })),
			...[1, 2, 3].map((k) => ({ id: newId(), ownerId: bo, prompt: 'my-part', body: `Bo ${k}`, sharedCoupleId: coupleId, updatedAt: new Date(`2026-11-21T10:0${k}:00Z`) }))
		]);
		const names = (page: { reflections: { excerpt: string }[] }) => page.reflections.map((r) => r.excerpt.split(' ')[0]);

		const newest = await myReflectionsPage(db, annActor, null, 3);
		expect(names(newest)).toEqual(['R7', 'R6', 'R5']);
		const middle = await myReflectionsPage(db, annActor, newest.older, 3);
		const oldest = await myReflectionsPage(db, annActor, middle.older, 3);
		expect([...names(newest), ...names(middle), ...names(oldest)].sort()).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']);
		expect(names(oldest)).toEqual(['R1']);
		expect(oldest.older).toBeNull();
		// The list shows a glimpse, cut in the database: 120 characters, not the whole text.
		expect(newest.reflections[0].excerpt).toHaveLength(120);

		const shared = await sharedWithMePage(db, boActor, null, 3);
		expect(names(shared)).toEqual(['R7', 'R6', 'R5']);
		const sharedOldest = await sharedWithMePage(db, boActor, (await sharedWithMePage(db, boActor, shared.older, 3)).older, 3);
		expect(names(sharedOldest)).toEqual(['R1']);
		expect(sharedOldest.older).toBeNull();
		// Ann sees Bo's three, not her own.
		expect(names(await sharedWithMePage(db, annActor, null, 3))).toEqual(['Bo', 'Bo', 'Bo']);
		// What a person sees by default: at most a page.
		expect((await listMyReflections(db, annActor)).length).toBe(Math.min(7, REFLECTION_PAGE_SIZE));
	});
});
