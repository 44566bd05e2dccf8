import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { countingQueries } from '../../../../tests/setup/count-queries';
import type { Database } from '../db';
import { signUpCouple } from '../../../../tests/setup/people';
import type { Actor } from '../access/policy';
import { listEarlierRestitutions, openPointLetter, readReceivedImpact, saveImpactVersion, saveRestitutionVersion, sendImpactVersion, sendRestitutionVersion } from './points';

/**
 * The restitution page keeps the answers to earlier impact letters within reach. Someone who
 * receives many impact letters must not make the page ask the database once more for each one.
 */
describe(`answers to earlier impact letters (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let ann: Actor; // repairing
	let bo: Actor; // hurt
	let impactDraft: string;
	let impactVersion = 0;

	/** Bo sends a new version of the impact letter; Ann opens it (or not) and returns its letter id. */
	async function newImpact(points: string[], open = true) {
		impactDraft = (await saveImpactVersion(db, bo, points)).draftId;
		await sendImpactVersion(db, bo, impactDraft, ++impactVersion);
		const { letterId } = (await readReceivedImpact(db, ann))!;
		if (open) await openPointLetter(db, ann, letterId);
		return letterId;
	}

	beforeAll(async () => {
		db = database();
		const couple = await signUpCouple(db, { name: 'ann', role: 'repairing' }, { name: 'bo', role: 'hurt' });
		ann = couple.first.actor;
		bo = couple.second.actor;
	});

	it('shows the latest version of each answer with where it stands, in a fixed number of queries', async () => {
		// The first: answered twice, the second version sent (and opened by Bo).
		const first = await newImpact(['One.', 'Two.']);
		await saveRestitutionVersion(db, ann, { impactLetterId: first, answers: ['a draft', ''], ruleIds: [null, null] });
		const sent = await saveRestitutionVersion(db, ann, { impactLetterId: first, answers: ['first answer', 'second answer'], ruleIds: [null, null] });
		await sendRestitutionVersion(db, ann, first, sent.number);
		// The second: answered once, not sent.
		const second = await newImpact(['Three.']);
		await saveRestitutionVersion(db, ann, { impactLetterId: second, answers: ['only a draft'], ruleIds: [null] });
		// The third: opened, never answered. The fourth: not opened. The fifth is the current one.
		await newImpact(['Four.']);
		await newImpact(['Five.'], false);
		const current = await newImpact(['Six.']);

		const { db: counted, counter } = countingQueries(db);
		const earlier = await listEarlierRestitutions(counted, ann, current);
		expect(counter.queries).toBe(3);
		expect(earlier.map((e) => ({ impactLetterId: e.impactLetterId, number: e.number, state: e.state, items: e.items }))).toEqual([
			{ impactLetterId: second, number: 1, state: null, items: [{ number: 1, point: 'Three.', answer: 'only a draft' }] },
			{
				impactLetterId: first,
				number: 2,
				state: 'delivered',
				items: [
					{ number: 1, point: 'One.', answer: 'first answer' },
					{ number: 2, point: 'Two.', answer: 'second answer' }
				]
			}
		]);

		// Four more earlier letters, each answered and sent: still three queries.
		for (let i = 0; i < 4; i++) {
			const id = await newImpact([`More ${i}.`]);
			const { number } = await saveRestitutionVersion(db, ann, { impactLetterId: id, answers: [`answer ${i}`], ruleIds: [null] });
			await sendRestitutionVersion(db, ann, id, number);
		}
		const latest = (await readReceivedImpact(db, ann))!.letterId;
		counter.queries = 0;
		const more = await listEarlierRestitutions(counted, ann, latest);
		expect(counter.queries).toBe(3);
		// The newest earlier one is the last of the four (the current letter is left out), then the rest, newest first.
		expect(more.map((e) => e.items[0].answer)).toEqual(['answer 2', 'answer 1', 'answer 0', 'only a draft', 'first answer']);
		expect(more.slice(0, 3).every((e) => e.state === 'delivered')).toBe(true);
		// The hurt partner has answered nothing, and sees none of it here.
		expect(await listEarlierRestitutions(db, bo, null)).toEqual([]);
	});
});
