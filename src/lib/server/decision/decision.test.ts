import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { signUp } from '../auth/accounts';
import { chooseRole, deleteAccount } from '../users/users';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf, leaveCouple } from '../couple/membership';
import { chooseDecision, exportDecisions, getDecision, startNewDecision } from './decision';
import { listPartingGuides, PARTING_TOPICS } from './parting';
import { decisionChoices } from '../db/schema';
import { dayFromToday } from '$lib/schemas/hard-parts';

const pass = 'long enough pass';

describe(`together or apart: chosen privately, revealed together (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const actor = async (userId: string): Promise<Actor> => ({ userId, coupleId: await coupleIdOf(db, userId) });
	const make = async (name: string, role: 'repairing' | 'hurt') => {
		const { userId } = await signUp(db, { email: `${name}@example.org`, password: pass, displayName: name, locale: 'nl' });
		await chooseRole(db, userId, role);
		return userId;
	};
	const pair = async (a: string, b: string) => {
		const repairing = await make(a, 'repairing');
		const hurt = await make(b, 'hurt');
		await acceptInvitation(db, hurt, (await createInvitation(db, repairing)).token);
		return { repairing, hurt };
	};
	const review = dayFromToday(90);

	beforeAll(() => {
		db = database();
	});

	it('shows nothing of the first choice until the second is made, then both to both', async () => {
		const { repairing, hurt } = await pair('rob', 'hil');
		await chooseDecision(db, await actor(repairing), { path: 'together', why: 'I want to try', reviewOn: review });
		const before = await getDecision(db, await actor(hurt));
		expect(before.mine).toBeNull();
		expect(before.partner).toBeNull();
		expect(JSON.stringify(before)).not.toContain('I want to try');
		const own = await getDecision(db, await actor(repairing));
		expect(own.mine?.path).toBe('together');
		expect(own.partner).toBeNull();

		await chooseDecision(db, await actor(hurt), { path: 'later', why: 'Not sure yet', reviewOn: dayFromToday(30) });
		const afterHurt = await getDecision(db, await actor(hurt));
		const afterRepairing = await getDecision(db, await actor(repairing));
		expect(afterHurt.partner).toMatchObject({ path: 'together', why: 'I want to try' });
		expect(afterRepairing.partner).toMatchObject({ path: 'later', why: 'Not sure yet' });
		expect(afterRepairing.revealed).toBe(true);
	});

	it('lets a private choice change, but fixes it once both are shown; deciding again archives both', async () => {
		const { repairing, hurt } = await pair('ruud', 'hes');
		await chooseDecision(db, await actor(hurt), { path: 'apart', why: 'first thought', reviewOn: review });
		await chooseDecision(db, await actor(hurt), { path: 'later', why: 'second thought', reviewOn: review });
		expect((await getDecision(db, await actor(hurt))).mine).toMatchObject({ path: 'later', why: 'second thought' });
		expect((await getDecision(db, await actor(hurt))).history).toEqual([]);

		await chooseDecision(db, await actor(repairing), { path: 'together', why: 'six months', reviewOn: review });
		await expect(chooseDecision(db, await actor(hurt), { path: 'apart', why: 'changed', reviewOn: review })).rejects.toThrow('conflict');

		await startNewDecision(db, await actor(repairing));
		for (const id of [repairing, hurt]) {
			const d = await getDecision(db, await actor(id));
			expect(d.mine).toBeNull();
			expect(d.partner).toBeNull();
			expect(d.history).toHaveLength(1);
		}
		// A new round reveals nothing of the old one.
		await chooseDecision(db, await actor(hurt), { path: 'together', why: 'round two', reviewOn: review });
		expect((await getDecision(db, await actor(hurt))).partner).toBeNull();
	});

	it('keeps a form key from making two choices', async () => {
		const solo = await make('sol', 'hurt');
		const key = 'decision-key-0123456789abcdef';
		const first = await chooseDecision(db, await actor(solo), { path: 'apart', why: 'for me', reviewOn: review }, key);
		const again = await chooseDecision(db, await actor(solo), { path: 'apart', why: 'for me', reviewOn: review }, key);
		expect(again).toEqual({ id: first.id, replay: true });
		expect((await db.select().from(decisionChoices)).filter((r) => r.ownerId === solo)).toHaveLength(1);
	});

	it('lets someone solo choose for themselves, and keeps that choice out of a later couple', async () => {
		const solo = await make('sam', 'repairing');
		await chooseDecision(db, await actor(solo), { path: 'later', why: 'alone for now', reviewOn: review });
		expect((await getDecision(db, await actor(solo))).mine?.path).toBe('later');
		const partner = await make('pia', 'hurt');
		await acceptInvitation(db, partner, (await createInvitation(db, solo)).token);
		await chooseDecision(db, await actor(partner), { path: 'together', why: 'pia chose', reviewOn: review });
		// The solo choice is history, not the couple's decision: nothing is revealed to anyone.
		const sam = await getDecision(db, await actor(solo));
		expect(sam.mine).toBeNull();
		expect(sam.partner).toBeNull();
		expect(sam.history[0]).toMatchObject({ madeIn: 'solo', why: 'alone for now' });
		expect(JSON.stringify(await getDecision(db, await actor(partner)))).not.toContain('alone for now');
	});

	it('ends the reveal when the couple ends, and keeps choices for their owners and the export only', async () => {
		const { repairing, hurt } = await pair('rem', 'hen');
		await chooseDecision(db, await actor(repairing), { path: 'apart', why: 'rem why', reviewOn: review });
		await chooseDecision(db, await actor(hurt), { path: 'apart', why: 'hen why', reviewOn: review });
		await leaveCouple(db, hurt);
		const rem = await getDecision(db, await actor(repairing));
		expect(rem.partner).toBeNull();
		expect(rem.history.map((h) => h.why)).toEqual(['rem why']);
		expect(JSON.stringify(rem)).not.toContain('hen why');
		const exported = await exportDecisions(db, repairing);
		expect(exported).toEqual([expect.objectContaining({ path: 'apart', why: 'rem why', madeIn: 'couple', reviewOn: review })]);
		await deleteAccount(db, { userId: hurt, password: pass, locale: 'nl' });
		expect((await db.select().from(decisionChoices)).filter((r) => r.ownerId === hurt)).toEqual([]);
	});

	it('refuses to start again without a choice of one’s own, or before the reveal', async () => {
		const lone = await make('lon', 'hurt');
		await expect(startNewDecision(db, await actor(lone))).rejects.toThrow('not_found');
		const { repairing } = await pair('rak', 'hop');
		await chooseDecision(db, await actor(repairing), { path: 'later', why: 'waiting', reviewOn: review });
		await expect(startNewDecision(db, await actor(repairing))).rejects.toThrow('conflict');
	});

	it('has every guide text for parting in both languages', () => {
		for (const locale of ['nl', 'en'] as const) {
			const guides = listPartingGuides(locale);
			expect(guides.map((g) => g.slug)).toEqual([...PARTING_TOPICS]);
			for (const g of guides) {
				expect(g.title.length).toBeGreaterThan(2);
				expect(g.html).not.toMatch(/<script|<img|<iframe/);
			}
		}
	});
});
