import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { letters, pointLetterVersions, pointLetters, users } from '../db/schema';
import { signUp } from '../auth/accounts';
import { deleteAccount } from '../users/users';
import { eq } from 'drizzle-orm';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { leaveCouple } from '../couple/membership';
import { clearPaceStatus, setPaceStatus } from '../couple/pace';
import { listLetterbox, listSentLetters, sendLetter } from '../couple/letters';
import type { Actor } from '../access/policy';
import { exportUserData } from '../privacy/export';
import { renderExportHtml } from '../privacy/export-html';
import {
	getMyImpact,
	getMyRestitution,
	openPointLetter,
	readReceivedImpact,
	readReceivedRestitutions,
	saveImpactVersion,
	saveRestitutionVersion,
	sendImpactVersion,
	sendRestitutionVersion
} from './points';
import { unansweredPoints } from './unanswered';

describe('which points have no answer yet', () => {
	it('names each point without an answer, by number', () => {
		expect(unansweredPoints(['a', 'b', 'c'], ['yes', '', 'also'])).toEqual([2]);
		expect(unansweredPoints(['a', 'b'], ['   \n', 'x'])).toEqual([1]);
		expect(unansweredPoints(['a', 'b', 'c'], ['x'])).toEqual([2, 3]);
		expect(unansweredPoints(['a'], ['x', 'extra'])).toEqual([]);
		expect(unansweredPoints([], [])).toEqual([]);
	});
});

describe(`impact and restitution letters (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let ann: Actor; // repairing
	let bo: Actor; // hurt
	let cas: Actor; // another couple
	let dee: Actor;
	const noAnalysis = (answers: string[]) => answers.map((a) => (a ? [] : null));

	beforeAll(async () => {
		db = database();
		await db.insert(users).values(['ann', 'bo', 'cas', 'dee'].map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
		const c1 = (await acceptInvitation(db, 'bo', (await createInvitation(db, 'ann')).token)).coupleId;
		const c2 = (await acceptInvitation(db, 'dee', (await createInvitation(db, 'cas')).token)).coupleId;
		ann = { userId: 'ann', coupleId: c1 };
		bo = { userId: 'bo', coupleId: c1 };
		cas = { userId: 'cas', coupleId: c2 };
		dee = { userId: 'dee', coupleId: c2 };
	});

	it('keeps every version of an impact letter and delivers one through the letterbox, at the recipient’s pace', async () => {
		await expect(saveImpactVersion(db, bo, [])).rejects.toThrow('points_empty');
		const first = await saveImpactVersion(db, bo, ['I stopped sleeping.']);
		const second = await saveImpactVersion(db, bo, ['I stopped sleeping.', 'I doubt my own memory.', 'I feel alone at parties.']);
		expect(second).toEqual({ draftId: first.draftId, number: 2 });
		const mine = await getMyImpact(db, bo);
		expect(mine?.versions.map((v) => [v.number, v.points.length, v.state])).toEqual([
			[2, 3, null],
			[1, 1, null]
		]);
		// A draft is private: the partner has nothing, another couple cannot send it.
		expect(await readReceivedImpact(db, ann)).toBeNull();
		await expect(sendImpactVersion(db, cas, first.draftId, 2)).rejects.toThrow('not_found');
		await expect(sendImpactVersion(db, ann, first.draftId, 2)).rejects.toThrow('not_found');

		// Ann asked for space: the letter waits and does not exist for her yet.
		await setPaceStatus(db, ann, { status: 'space', note: null });
		expect(await sendImpactVersion(db, bo, first.draftId, 2, 'form-key-impact-00001')).toEqual({ replay: false, waiting: true });
		expect((await sendImpactVersion(db, bo, first.draftId, 2, 'form-key-impact-00001')).replay).toBe(true);
		expect(await readReceivedImpact(db, ann)).toBeNull();
		expect(await listLetterbox(db, ann)).toEqual([]);
		await clearPaceStatus(db, ann);

		const arrived = await readReceivedImpact(db, ann);
		expect(arrived).toMatchObject({ opened: false, points: null });
		expect((await listLetterbox(db, ann)).map((l) => l.kind)).toEqual(['impact']);
		// Only the recipient opens it; nobody else, and not as another kind of letter.
		await expect(openPointLetter(db, dee, arrived!.letterId)).rejects.toThrow('not_found');
		await expect(openPointLetter(db, bo, arrived!.letterId)).rejects.toThrow('not_found');
		await openPointLetter(db, ann, arrived!.letterId);
		expect((await readReceivedImpact(db, ann))?.points).toEqual(['I stopped sleeping.', 'I doubt my own memory.', 'I feel alone at parties.']);
		expect((await getMyImpact(db, bo))?.versions[0].state).toBe('opened');
		// Another couple sees nothing of it.
		expect(await readReceivedImpact(db, cas)).toBeNull();
		expect(await readReceivedImpact(db, dee)).toBeNull();
	});

	it('answers each point in turn, shows what is unanswered, and sends only when every point has an answer', async () => {
		const impact = (await readReceivedImpact(db, ann))!;
		// Not for the writer of the impact letter, nor for another couple.
		await expect(getMyRestitution(db, bo, impact.letterId)).rejects.toThrow('not_found');
		await expect(getMyRestitution(db, cas, impact.letterId)).rejects.toThrow('not_found');
		await expect(saveRestitutionVersion(db, cas, { impactLetterId: impact.letterId, answers: ['x', 'y', 'z'], ruleIds: [[], [], []] })).rejects.toThrow('not_found');

		expect((await getMyRestitution(db, ann, impact.letterId)).unanswered).toEqual([1, 2, 3]);
		await expect(saveRestitutionVersion(db, ann, { impactLetterId: impact.letterId, answers: ['only one'], ruleIds: [[]] })).rejects.toThrow('conflict');
		const partial = ['I took your sleep from you. I will sit with you at night.', '', 'I will stay beside you.'];
		const v1 = await saveRestitutionVersion(db, ann, { impactLetterId: impact.letterId, answers: partial, ruleIds: noAnalysis(partial) });
		expect((await getMyRestitution(db, ann, impact.letterId)).unanswered).toEqual([2]);
		await expect(sendRestitutionVersion(db, ann, impact.letterId, v1.number)).rejects.toThrow('points_unanswered');
		// Nothing was sent or claimed by the refusal.
		expect((await getMyRestitution(db, ann, impact.letterId)).thread?.versions[0].sentAt).toBeNull();

		const whole = [partial[0], 'My lies made you doubt what you saw. You saw right.', partial[2]];
		const v2 = await saveRestitutionVersion(db, ann, { impactLetterId: impact.letterId, answers: whole, ruleIds: [['minimizing'], [], []] });
		expect(v2.number).toBe(2);
		const mine = await getMyRestitution(db, ann, impact.letterId);
		expect(mine.unanswered).toEqual([]);
		expect(mine.thread?.versions.map((v) => v.number)).toEqual([2, 1]);
		expect(mine.thread?.versions[0].ruleIds[0]).toEqual(['minimizing']);
		await expect(sendRestitutionVersion(db, cas, impact.letterId, v2.number)).rejects.toThrow('not_found');
		expect(await sendRestitutionVersion(db, ann, impact.letterId, v2.number, 'form-key-restitution-1')).toEqual({ replay: false, waiting: false });

		const received = await readReceivedRestitutions(db, bo);
		expect(received).toHaveLength(1);
		expect(received[0]).toMatchObject({ opened: false, items: null });
		await openPointLetter(db, bo, received[0].letterId);
		const [read] = await readReceivedRestitutions(db, bo);
		expect(read.items?.map((i) => [i.number, i.point, i.answer])).toEqual([
			[1, 'I stopped sleeping.', whole[0]],
			[2, 'I doubt my own memory.', whole[1]],
			[3, 'I feel alone at parties.', whole[2]]
		]);
		expect(await readReceivedRestitutions(db, dee)).toEqual([]);
		const copy = (await listSentLetters(db, ann)).find((l) => l.kind === 'restitution');
		expect(copy?.state).toBe('opened');
		// The letter's own copy holds the writer's answers by number, never the partner's points.
		const [stored] = await db.select({ body: letters.body }).from(letters).where(eq(letters.id, copy!.id));
		expect(stored.body).toContain('2. My lies made you doubt');
		expect(stored.body).not.toContain('I stopped sleeping');
	});

	it('opens only impact and restitution letters here, and leaves any other letter unopened', async () => {
		const { id } = await sendLetter(db, bo, { kind: 'letter', body: 'A plain letter.' });
		await expect(openPointLetter(db, ann, id)).rejects.toThrow('not_found');
		expect((await listLetterbox(db, ann)).find((l) => l.id === id)?.openedAt).toBeNull();
	});

	it('exports every version the user wrote', async () => {
		const bos = await exportUserData(db, 'bo');
		expect(bos.pointLetters).toHaveLength(1);
		expect(bos.pointLetters[0]).toMatchObject({ kind: 'impact' });
		expect(bos.pointLetters[0].versions.map((v) => v.number)).toEqual([1, 2]);
		const anns = await exportUserData(db, 'ann');
		expect(anns.pointLetters[0].kind).toBe('restitution');
		expect(anns.pointLetters[0].versions[1]).toMatchObject({ answers: expect.arrayContaining(['My lies made you doubt what you saw. You saw right.']) });
		expect(JSON.stringify(await exportUserData(db, 'cas'))).not.toContain('sleeping');
		const page = renderExportHtml(bos, 'nl');
		expect(page).toContain('<h3>Impactbrief</h3>');
		expect(page).toContain('I doubt my own memory.');
		expect(renderExportHtml(anns, 'en')).toContain('<h3>Restitution letter</h3>');
	});

	it('withdraws both letters when the couple ends, and keeps them for their writers', async () => {
		await leaveCouple(db, 'bo');
		const gone = { userId: 'ann', coupleId: null };
		expect(await readReceivedImpact(db, gone)).toBeNull();
		expect(await readReceivedRestitutions(db, { userId: 'bo', coupleId: null })).toEqual([]);
		expect((await getMyImpact(db, { userId: 'bo', coupleId: null }))?.versions[0].state).toBe('withdrawn');
	});

	it('deletes every version with its writer’s account, and leaves the partner’s own letter theirs', async () => {
		const password = 'a calm and long phrase';
		const fay = (await signUp(db, { email: 'fay@example.org', password, displayName: 'Fay', locale: 'nl' })).userId;
		const gus = (await signUp(db, { email: 'gus@example.org', password, displayName: 'Gus', locale: 'nl' })).userId;
		const coupleId = (await acceptInvitation(db, fay, (await createInvitation(db, gus)).token)).coupleId;
		const f = { userId: fay, coupleId };
		const g = { userId: gus, coupleId };
		const { draftId } = await saveImpactVersion(db, f, ['FAY-POINT']);
		await sendImpactVersion(db, f, draftId, 1);
		const impact = (await readReceivedImpact(db, g))!;
		await openPointLetter(db, g, impact.letterId);
		await saveRestitutionVersion(db, g, { impactLetterId: impact.letterId, answers: ['GUS-ANSWER'], ruleIds: [[]] });

		await deleteAccount(db, { userId: fay, password, locale: 'nl' });
		expect(await db.select().from(pointLetters).where(eq(pointLetters.ownerId, fay))).toEqual([]);
		expect(await db.select().from(pointLetterVersions).where(eq(pointLetterVersions.ownerId, fay))).toEqual([]);
		const [left] = await db.select({ answers: pointLetters.answersLetterId }).from(pointLetters).where(eq(pointLetters.ownerId, gus));
		expect(left).toEqual({ answers: null });
		await deleteAccount(db, { userId: gus, password, locale: 'nl' });
		expect(await db.select().from(pointLetterVersions).where(eq(pointLetterVersions.ownerId, gus))).toEqual([]);
	});
});
