import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { securityEvents, users } from '../db/schema';
import { createReflection, getReflection, shareReflection, updateReflection } from '../reflections/reflections';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { actAs, recordRefusedAccess, REFUSAL_EVENT_SECONDS } from './refusals';
import type { Actor } from './policy';

describe(`refused accesses become security events (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const person = (id: string): Actor => ({ userId: id, coupleId: null });
	let own: string;
	let shared: string;
	let partner: Actor;
	let owner: Actor;

	const eventsOf = (userId: string) => db.select().from(securityEvents).where(eq(securityEvents.userId, userId));
	const refusalsOf = async (userId: string) => (await eventsOf(userId)).filter((e) => e.kind === 'access-refused');

	beforeAll(async () => {
		db = database();
		await db.insert(users).values(
			['owner', 'partner', 'stranger', 'careless'].map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() }))
		);
		const invitation = await createInvitation(db, 'owner');
		const { coupleId } = await acceptInvitation(db, 'partner', invitation.token);
		owner = { userId: 'owner', coupleId };
		partner = { userId: 'partner', coupleId };
		own = (await createReflection(db, owner, { prompt: 'why-it-happened', body: 'private words' })).id;
		shared = (await createReflection(db, owner, { prompt: 'why-it-happened', body: 'shared words' })).id;
		await shareReflection(db, owner, shared);
	});

	it('records a refusal for the one who was refused: kind and time, nothing about the item', async () => {
		const refused = await actAs(db, 'stranger', () => getReflection(db, person('stranger'), own)).catch((err: unknown) => err);
		// The answer stays exactly what a missing item gives.
		const missing = await actAs(db, 'careless', () => getReflection(db, person('careless'), '00000000-0000-4000-8000-000000000000')).catch((err: unknown) => err);
		expect(refused).toEqual(missing);
		expect(refused).toMatchObject({ code: 'not_found', status: 404 });

		const [event] = await refusalsOf('stranger');
		expect(Object.keys(event).sort()).toEqual(['createdAt', 'id', 'kind', 'userId']);
		expect(event.createdAt).toBeInstanceOf(Date);
		expect(await refusalsOf('owner')).toEqual([]);
	});

	it('does not record a missing item or an allowed access', async () => {
		expect(await refusalsOf('careless')).toEqual([]);
		expect((await actAs(db, 'partner', () => getReflection(db, partner, shared))).body).toBe('shared words');
		expect((await actAs(db, 'owner', () => getReflection(db, owner, own))).body).toBe('private words');
		expect(await refusalsOf('partner')).toEqual([]);
		expect(await refusalsOf('owner')).toEqual([]);
	});

	it('records what the partner may see but not change', async () => {
		await expect(actAs(db, 'partner', () => updateReflection(db, partner, shared, 'changed by the partner'))).rejects.toThrow('not_found');
		expect(await refusalsOf('partner')).toHaveLength(1);
	});

	it('records at most one refusal a minute per person', async () => {
		for (let i = 0; i < 3; i++) await actAs(db, 'stranger', () => getReflection(db, person('stranger'), own)).catch(() => {});
		expect(await refusalsOf('stranger')).toHaveLength(1);
		const later = new Date(Date.now() + (REFUSAL_EVENT_SECONDS + 1) * 1000);
		await recordRefusedAccess(db, 'stranger', later);
		await recordRefusedAccess(db, 'stranger', later);
		expect(await refusalsOf('stranger')).toHaveLength(2);
	});
});
