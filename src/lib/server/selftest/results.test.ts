import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { selfTestResults } from '../db/schema';
import { signUp } from '../auth/accounts';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf } from '../couple/membership';
import { deleteAccount } from '../users/users';
import { exportUserData } from '../privacy/export';
import { QUESTIONS, type Answers } from '$lib/selftest/scoring';
import { deleteSelfTestResult, getSelfTestResult, listSelfTestResults, saveSelfTestResult } from './results';

const allHelpful = (): Answers => Object.fromEntries(QUESTIONS.hurt.map((q) => [q.id, q.options[0].id]));

describe(`saved self-test results (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let owner: string;
	let partner: string;
	const actor = async (userId: string) => ({ userId, coupleId: await coupleIdOf(db, userId) });

	beforeAll(async () => {
		db = database();
		const make = async (name: string) => (await signUp(db, { email: `${name}@example.org`, password: 'long enough pass', displayName: name, locale: 'nl' })).userId;
		owner = await make('owner');
		partner = await make('partner');
		await acceptInvitation(db, partner, (await createInvitation(db, owner)).token);
	});

	it('stores only known answers with the indicator, and shows the profile to its owner alone, partner included', async () => {
		const { id } = await saveSelfTestResult(db, await actor(owner), { role: 'hurt', answers: { ...allHelpful(), injected: 'x'.repeat(30) } });
		const [row] = await db.select().from(selfTestResults).where(eq(selfTestResults.id, id));
		expect(Object.keys(row.answers).sort()).toEqual(QUESTIONS.hurt.map((q) => q.id).sort());
		expect(row.indicator).toBe(100);
		const seen = await getSelfTestResult(db, await actor(owner), id);
		expect(seen.result).toMatchObject({ role: 'hurt', indicator: 100, workOn: [] });
		await expect(getSelfTestResult(db, await actor(partner), id)).rejects.toThrow('not_found');
		await expect(deleteSelfTestResult(db, await actor(partner), id)).rejects.toThrow('not_found');
		expect(await listSelfTestResults(db, await actor(partner))).toEqual([]);
		expect((await listSelfTestResults(db, await actor(owner))).map((r) => r.id)).toEqual([id]);
	});

	it('refuses an incomplete test instead of saving a partial profile', async () => {
		const answers = allHelpful();
		delete answers.h_pace;
		await expect(saveSelfTestResult(db, await actor(owner), { role: 'hurt', answers })).rejects.toThrow('selftest_incomplete');
		await expect(saveSelfTestResult(db, await actor(owner), { role: 'repairing', answers: allHelpful() })).rejects.toThrow('selftest_incomplete');
	});

	it('is deleted by its owner, is in the export, and goes with the account', async () => {
		const answers = { ...allHelpful(), h_safety: 'unsure' };
		const { id } = await saveSelfTestResult(db, await actor(owner), { role: 'hurt', answers });
		const exported = await exportUserData(db, owner);
		expect(exported.format).toBe('herstelpad-export/3');
		expect(exported.selfTests).toHaveLength(2);
		expect(exported.selfTests[1]).toMatchObject({ role: 'hurt', indicator: null, safetyFirst: true, answers });
		expect((await exportUserData(db, partner)).selfTests).toEqual([]);

		await deleteSelfTestResult(db, await actor(owner), id);
		await expect(getSelfTestResult(db, await actor(owner), id)).rejects.toThrow('not_found');
		await deleteAccount(db, { userId: owner, password: 'long enough pass', locale: 'nl' });
		expect(await db.select().from(selfTestResults).where(eq(selfTestResults.ownerId, owner))).toEqual([]);
	});
});
