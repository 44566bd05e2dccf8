import { beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { users } from '../db/schema';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import type { Actor } from '../access/policy';
import type { AnalysisResult } from '../../coach';
import { DomainError } from '../errors';
import { limitAnalysis } from '../coach/analyze';
import { getMyRestitution, listEarlierRestitutions, openPointLetter, readReceivedImpact, saveImpactVersion, sendImpactVersion } from './points';
import { saveRestitutionWithCoach } from './coach';

const found = (ruleId: string) => ({ findings: [{ ruleId }] }) as unknown as AnalysisResult;

describe(`saving a restitution letter with the coach (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let ann: Actor; // repairing
	let bo: Actor; // hurt
	let cas: Actor; // another couple
	let impactLetterId: string;

	beforeAll(async () => {
		db = database();
		await db.insert(users).values(['ann', 'bo', 'cas', 'dee'].map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
		const c1 = (await acceptInvitation(db, 'bo', (await createInvitation(db, 'ann')).token)).coupleId;
		const c2 = (await acceptInvitation(db, 'dee', (await createInvitation(db, 'cas')).token)).coupleId;
		ann = { userId: 'ann', coupleId: c1 };
		bo = { userId: 'bo', coupleId: c1 };
		cas = { userId: 'cas', coupleId: c2 };
		const { draftId } = await saveImpactVersion(db, bo, ['First point.', 'Second point.']);
		await sendImpactVersion(db, bo, draftId, 1);
		impactLetterId = (await readReceivedImpact(db, ann))!.letterId;
		await openPointLetter(db, ann, impactLetterId);
	});

	it('asks whether the actor may answer before the coach reads a word', async () => {
		const analyze = vi.fn(async () => found('minimizing'));
		await expect(saveRestitutionWithCoach(db, cas, { impactLetterId, answers: ['a', 'b'] }, { analyze })).rejects.toThrow('not_found');
		await expect(saveRestitutionWithCoach(db, bo, { impactLetterId, answers: ['a', 'b'] }, { analyze })).rejects.toThrow('not_found');
		// More answers than the letter has points: refused before any analysis.
		await expect(saveRestitutionWithCoach(db, ann, { impactLetterId, answers: ['a', 'b', 'c'] }, { analyze })).rejects.toThrow('conflict');
		expect(analyze).not.toHaveBeenCalled();
	});

	it('keeps an answer the coach cannot read now without a reading, instead of refusing the save', async () => {
		const analyze = vi.fn(async (text: string) => {
			if (text.startsWith('slow')) throw new DomainError('analysis_too_slow');
			if (text.startsWith('busy')) throw new DomainError('analysis_busy');
			return found('minimizing');
		});
		const { number } = await saveRestitutionWithCoach(db, ann, { impactLetterId, answers: ['It was only a little thing.', 'busy answer'] }, { analyze });
		let latest = (await getMyRestitution(db, ann, impactLetterId)).thread!.versions[0];
		expect(latest.number).toBe(number);
		expect(latest.points).toEqual(['It was only a little thing.', 'busy answer']);
		expect(latest.ruleIds).toEqual([['minimizing'], null]);
		await saveRestitutionWithCoach(db, ann, { impactLetterId, answers: ['slow answer', ''] }, { analyze });
		latest = (await getMyRestitution(db, ann, impactLetterId)).thread!.versions[0];
		expect(latest.ruleIds).toEqual([null, null]);
	});

	it('saves without a reading above the analysis limit', async () => {
		// Use up the limit: the save still keeps the text, and the coach is not asked.
		for (let i = 0; i < 40; i++) await limitAnalysis(db, 'ann').catch(() => undefined);
		const analyze = vi.fn(async () => found('minimizing'));
		await saveRestitutionWithCoach(db, ann, { impactLetterId, answers: ['kept', 'also kept'] }, { analyze });
		const latest = (await getMyRestitution(db, ann, impactLetterId)).thread!.versions[0];
		expect(latest.points).toEqual(['kept', 'also kept']);
		expect(latest.ruleIds).toEqual([null, null]);
		expect(analyze).not.toHaveBeenCalled();
	});

	it('keeps an answer to an earlier impact letter within reach when a newer one arrives', async () => {
		expect(await listEarlierRestitutions(db, ann, impactLetterId)).toEqual([]);
		const { draftId } = await saveImpactVersion(db, bo, ['A newer point.']);
		await sendImpactVersion(db, bo, draftId, 2);
		const newer = (await readReceivedImpact(db, ann))!;
		expect(newer.letterId).not.toBe(impactLetterId);
		const earlier = await listEarlierRestitutions(db, ann, newer.letterId);
		expect(earlier).toHaveLength(1);
		expect(earlier[0]).toMatchObject({ impactLetterId, state: null });
		expect(earlier[0].items).toEqual([
			{ number: 1, point: 'First point.', answer: 'kept' },
			{ number: 2, point: 'Second point.', answer: 'also kept' }
		]);
		// Nobody else sees them.
		expect(await listEarlierRestitutions(db, bo, null)).toEqual([]);
		expect(await listEarlierRestitutions(db, cas, null)).toEqual([]);
	});
});
