import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { signUp } from '../auth/accounts';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf, leaveCouple } from '../couple/membership';
import { listSecurityEvents } from '../security/events';
import { createReflection, deleteReflection, getReflection, listMyReflections, listSharedWithMe, shareReflection, unshareReflection, updateReflection } from './reflections';

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
