import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { signUpCouple } from '../../../../tests/setup/people';
import type { Database } from '../db';
import { signUp } from '../auth/accounts';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf, leaveCouple } from '../couple/membership';
import { exportUserData } from '../privacy/export';
import { addTrustCheckin } from './checkins';
import { addContactEntry, answerContactQuestion, askContactQuestion, CONTACT_PAGE_SIZE, contactLogPage, listContactLog } from './contact-log';
import { contactLog, memories } from '../db/schema';
import { newId } from '../security/tokens';
import { saveSafetyCheck, transparencyGate, type SafetyAnswers } from './safety';
import { acceptRequest, declineRequest, listTransparency, offerMeasure, requestMeasure, revokeMeasure } from './transparency';
import { addMemory, deleteMemory, listMemories, MEMORY_PAGE_SIZE, memoriesPage, setMemoryHidden } from './memories';

const safe: SafetyAnswers = { afraid: 'no', controlled: 'no', threatened: 'no', hurt: 'no' };
const contact = { kind: 'contact' as const, day: '2026-11-20', channel: 'message' as const, initiatedBy: 'them' as const, planned: false, reason: 'a work question', said: 'I said I would not reply again' };

describe(`contact log, safety check, transparency and memories (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let rep: string;
	let hurt: string;
	let other: string;
	let otherPartner: string;
	const actor = async (userId: string) => ({ userId, coupleId: await coupleIdOf(db, userId) });

	beforeAll(async () => {
		db = database();
		const make = async (name: string) => (await signUp(db, { email: `${name}@example.org`, password: 'long enough pass', displayName: name, locale: 'en' })).userId;
		rep = await make('rep');
		hurt = await make('hurt');
		other = await make('other');
		otherPartner = await make('otherpartner');
		await acceptInvitation(db, otherPartner, (await createInvitation(db, other)).token);
	});

	it('keeps the contact log written solo for the couple that forms, and threads questions and answers', async () => {
		const ended = await addContactEntry(db, await actor(rep), { kind: 'ended', day: '2026-11-01', reason: 'I told them it was over' });
		expect((await listContactLog(db, await actor(rep)))[0]).toMatchObject({ id: ended.id, current: false });
		await acceptInvitation(db, hurt, (await createInvitation(db, rep)).token);
		const seen = await listContactLog(db, await actor(hurt));
		expect(seen.map((e) => [e.id, e.mine, e.current])).toEqual([[ended.id, false, true]]);

		const later = await addContactEntry(db, await actor(rep), contact);
		const { id: q } = await askContactQuestion(db, await actor(hurt), later.id, 'Did you reply?');
		await expect(askContactQuestion(db, await actor(rep), later.id, 'to myself')).rejects.toThrow('not_found');
		await expect(answerContactQuestion(db, await actor(hurt), q, 'I answer my own question')).rejects.toThrow('not_found');
		await answerContactQuestion(db, await actor(rep), q, 'No, I did not.');
		await expect(answerContactQuestion(db, await actor(rep), q, 'again')).rejects.toThrow('conflict');
		const thread = (await listContactLog(db, await actor(hurt))).find((e) => e.id === later.id)!;
		expect(thread.questions).toMatchObject([{ askedByMe: true, question: 'Did you reply?', answer: 'No, I did not.' }]);
		expect(thread).toMatchObject({ channel: 'message', initiatedBy: 'them', planned: false });

		// Another couple sees nothing and can do nothing with these ids.
		expect(await listContactLog(db, await actor(other))).toEqual([]);
		await expect(askContactQuestion(db, await actor(other), later.id, 'hello?')).rejects.toThrow('not_found');
		await expect(answerContactQuestion(db, await actor(other), q, 'hello?')).rejects.toThrow('not_found');
	});

	it('opens transparency only when both checks allow it, and tells the partner nothing about why not', async () => {
		expect(await transparencyGate(db, await actor(rep))).toBe('check-needed');
		await saveSafetyCheck(db, await actor(rep), safe);
		const partnerNotDone = await transparencyGate(db, await actor(rep));
		await saveSafetyCheck(db, await actor(hurt), { ...safe, controlled: 'unsure' });
		const partnerAtRisk = await transparencyGate(db, await actor(rep));
		// The two reasons are one state for the partner: nothing in it can tell them apart.
		expect(partnerNotDone).toBe('unavailable');
		expect(partnerAtRisk).toBe('unavailable');
		expect(await transparencyGate(db, await actor(hurt))).toBe('own-risk');
		await expect(offerMeasure(db, await actor(rep), { kind: 'shared-calendar', details: null, boundaries: 'work days only', endsOn: '2027-01-31' })).rejects.toThrow('transparency_unavailable');
		await expect(requestMeasure(db, await actor(hurt), { kind: 'shared-calendar', details: null })).rejects.toThrow('transparency_unavailable');
		expect(await listTransparency(db, await actor(rep))).toBeNull();

		await saveSafetyCheck(db, await actor(hurt), safe);
		expect(await transparencyGate(db, await actor(rep))).toBe('open');
		expect(await transparencyGate(db, await actor(hurt))).toBe('open');
		await saveSafetyCheck(db, await actor(other), safe);
		expect(await transparencyGate(db, await actor(other))).toBe('unavailable');
	});

	it('records offers, requests, answers and withdrawals as agreements between the two partners', async () => {
		const now = new Date('2026-11-30T12:00:00Z');
		const offered = await offerMeasure(db, await actor(rep), { kind: 'location-for-a-while', details: 'evenings out', boundaries: 'only when I am out after 22:00', endsOn: '2027-01-31' });
		const asked = await requestMeasure(db, await actor(hurt), { kind: 'phone-on-request', details: 'when I ask' });
		const asked2 = await requestMeasure(db, await actor(hurt), { kind: 'open-accounts', details: null });
		await expect(acceptRequest(db, await actor(hurt), asked.id, { boundaries: 'x', endsOn: '2027-01-01', details: null })).rejects.toThrow('not_found');
		await expect(acceptRequest(db, await actor(other), asked.id, { boundaries: 'x', endsOn: '2027-01-01', details: null })).rejects.toThrow('transparency_unavailable');
		await acceptRequest(db, await actor(rep), asked.id, { boundaries: 'I show it, you do not scroll alone', endsOn: '2027-02-28', details: null });
		await declineRequest(db, await actor(rep), asked2.id, 'Not yet; I want to talk about it first.');
		await expect(declineRequest(db, await actor(rep), asked2.id, 'again')).rejects.toThrow('conflict');
		await expect(revokeMeasure(db, await actor(hurt), offered.id)).rejects.toThrow('not_found');
		await revokeMeasure(db, await actor(rep), offered.id, now);
		const list = (await listTransparency(db, await actor(hurt), now))!;
		expect(list.measures.map((x) => [x.kind, x.state, x.asked, x.mine])).toEqual(
			expect.arrayContaining([
				['location-for-a-while', 'revoked', false, false],
				['phone-on-request', 'active', true, false]
			])
		);
		expect(list.requests.find((r) => r.id === asked2.id)).toMatchObject({ answer: 'declined', declineReason: 'Not yet; I want to talk about it first.', mine: true });
	});

	it('closes every transparency tool when a later check signals risk', async () => {
		await saveSafetyCheck(db, await actor(rep), { ...safe, afraid: 'yes' });
		expect(await transparencyGate(db, await actor(hurt))).toBe('unavailable');
		expect(await listTransparency(db, await actor(hurt))).toBeNull();
		await saveSafetyCheck(db, await actor(rep), safe);
	});

	it('shares memories by both, each can hide, show and delete only their own', async () => {
		const mine = await addMemory(db, await actor(hurt), { day: '2026-11-28', body: 'Coffee in the sun', feeling: 'calm' });
		const theirs = await addMemory(db, await actor(rep), { day: '2026-11-29', body: 'We laughed at dinner', feeling: null });
		expect((await listMemories(db, await actor(rep))).map((x) => x.body)).toEqual(['We laughed at dinner', 'Coffee in the sun']);
		await expect(setMemoryHidden(db, await actor(rep), mine.id, true)).rejects.toThrow('not_found');
		await setMemoryHidden(db, await actor(hurt), mine.id, true);
		expect((await listMemories(db, await actor(rep))).map((x) => x.body)).toEqual(['We laughed at dinner']);
		expect((await listMemories(db, await actor(hurt))).find((x) => x.id === mine.id)).toMatchObject({ hidden: true, mine: true });
		await setMemoryHidden(db, await actor(hurt), mine.id, false);
		expect(await listMemories(db, await actor(other))).toEqual([]);
		await expect(deleteMemory(db, await actor(hurt), theirs.id)).rejects.toThrow('not_found');
	});

	it('exports one’s own trust items and nothing the partner wrote', async () => {
		await addTrustCheckin(db, await actor(hurt), { day: '2026-11-30', trust: 5, safety: 6, connection: 4, helped: 'the log', hurt: null, share: true });
		const hurtExport = (await exportUserData(db, hurt)).trust;
		expect(hurtExport.checkins).toMatchObject([{ trust: 5, helped: 'the log', shared: true }]);
		expect(hurtExport.contactLog).toEqual([]);
		expect(hurtExport.contactQuestionsAsked).toMatchObject([{ question: 'Did you reply?', answered: true }]);
		expect(hurtExport.safetyCheck).toMatchObject({ signalsRisk: false });
		expect(JSON.stringify(hurtExport)).not.toContain('No, I did not.');
		expect(JSON.stringify(hurtExport)).not.toContain('We laughed');
		expect(hurtExport.transparencyRequests.map((r) => r.answer).sort()).toEqual(['accepted', 'declined']);
		expect(JSON.stringify(hurtExport)).not.toContain('Not yet; I want');
		const repExport = (await exportUserData(db, rep)).trust;
		expect(repExport.contactLog.map((e) => e.kind)).toEqual(['ended', 'contact']);
		expect(repExport.contactLog[1].answersGiven).toMatchObject([{ answer: 'No, I did not.' }]);
		expect(JSON.stringify(repExport)).not.toContain('Did you reply?');
		expect(JSON.stringify(repExport)).not.toContain('Coffee in the sun');
		expect(repExport.transparencyMeasures).toHaveLength(2);
	});

	it('shows nothing of the couple once it ends, and keeps the writer’s own items', async () => {
		await leaveCouple(db, hurt);
		expect(await listContactLog(db, await actor(hurt))).toEqual([]);
		expect((await listMemories(db, await actor(rep))).every((x) => x.mine)).toBe(true);
		expect((await listContactLog(db, await actor(rep))).every((e) => e.mine && !e.current)).toBe(true);
		expect(await transparencyGate(db, await actor(rep))).toBe('solo');
	});
});

describe(`the contact log and the memories, a page at a time (${databaseKind})`, () => {
	const database = useTestDatabase();

	it('pages by day, then by when it was written, none twice or skipped; questions only for the entries shown', async () => {
		const db = database();
		const { first, second, coupleId } = await signUpCouple(db, { name: 'rep-pages' }, { name: 'hurt-pages' });
		const [rep, repActor, hurtActor] = [first.userId, first.actor, second.actor];
		// Seven entries: E3 and E4 on one day written in the same microsecond, E5 written down
		// later for an earlier day (it belongs before E4 by day, after it by writing).
		const rows = [
			['E1', '2026-11-02', '2026-11-02T09:00:00.000123Z'],
			['E2', '2026-11-03', '2026-11-03T09:00:00.000123Z'],
			['E3', '2026-11-04', '2026-11-04T09:00:00.000123Z'],
			['E4', '2026-11-04', '2026-11-04T09:00:00.000123Z'],
			['E5', '2026-11-03', '2026-11-09T09:00:00.000123Z'],
			['E6', '2026-11-05', '2026-11-05T09:00:00.000123Z'],
			['E7', '2026-11-06', '2026-11-06T09:00:00.000123Z']
		] as const;
		await db.insert(contactLog).values(rows.map(([said, day, at]) => ({ id: newId(), ownerId: rep, coupleId, kind: 'contact' as const, day, channel: 'work' as const, initiatedBy: 'them' as const, planned: false, said, createdAt: new Date(at) })));
		const said = (page: { entries: { said: string | null }[] }) => page.entries.map((e) => e.said);

		const newest = await contactLogPage(db, hurtActor, null, 3);
		expect(said(newest)).toEqual(['E7', 'E6', expect.stringMatching(/^E[34]$/)]);
		const middle = await contactLogPage(db, hurtActor, newest.older, 3);
		const oldest = await contactLogPage(db, hurtActor, middle.older, 3);
		const all = [...said(newest), ...said(middle), ...said(oldest)];
		expect([...all].sort()).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7']);
		// By day first: E5 (written last, about the 3rd) comes before E2 (written on the 3rd, earlier).
		expect(all.slice(3)).toEqual([expect.stringMatching(/^E[34]$/), 'E5', 'E2', 'E1']);
		expect(oldest.older).toBeNull();

		// A question on an entry of an older page shows there, and not on the newest page.
		const e1 = (await contactLogPage(db, hurtActor, middle.older, 3)).entries.find((e) => e.said === 'E1')!;
		await askContactQuestion(db, hurtActor, e1.id, 'Who started it?');
		expect((await contactLogPage(db, repActor, middle.older, 3)).entries.find((e) => e.said === 'E1')!.questions).toMatchObject([{ question: 'Who started it?' }]);
		expect((await contactLogPage(db, repActor, null, 3)).entries.flatMap((e) => e.questions)).toEqual([]);
		// What a person sees by default: at most a page.
		expect((await listContactLog(db, hurtActor)).length).toBe(Math.min(7, CONTACT_PAGE_SIZE));
	});

	it('pages the memories by day, and the partner’s hidden ones never take a place on a page', async () => {
		const db = database();
		const { first, second, coupleId } = await signUpCouple(db, { name: 'ann-memories' }, { name: 'bo-memories' });
		const [bo, annActor] = [second.userId, first.actor];
		// Five of Bo's, two of them on one day written in the same microsecond; three hidden ones of
		// Bo's, newer than all: a page cut before "not hidden" would hold only those.
		const memory = (body: string, day: string, at: string, hidden = false) => ({ id: newId(), ownerId: bo, coupleId, day, body, feeling: null, hidden, createdAt: new Date(at) });
		await db.insert(memories).values([
			memory('M1', '2026-11-02', '2026-11-02T09:00:00.000123Z'),
			memory('M2', '2026-11-03', '2026-11-03T09:00:00.000123Z'),
			memory('M3', '2026-11-04', '2026-11-04T09:00:00.000123Z'),
			memory('M4', '2026-11-04', '2026-11-04T09:00:00.000123Z'),
			memory('M5', '2026-11-05', '2026-11-05T09:00:00.000123Z'),
			...[1, 2, 3].map((k) => memory(`H${k}`, '2026-11-20', `2026-11-20T09:0${k}:00Z`, true))
		]);
		const bodies = (page: { memories: { body: string }[] }) => page.memories.map((x) => x.body);
		const newest = await memoriesPage(db, annActor, null, 2);
		expect(bodies(newest)).toEqual(['M5', expect.stringMatching(/^M[34]$/)]);
		const middle = await memoriesPage(db, annActor, newest.older, 2);
		const oldest = await memoriesPage(db, annActor, middle.older, 2);
		expect([...bodies(newest), ...bodies(middle), ...bodies(oldest)].sort()).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
		expect(bodies(oldest)).toEqual(['M1']);
		expect(oldest.older).toBeNull();
		// Bo sees his hidden ones too, as his own.
		expect(bodies(await memoriesPage(db, { userId: bo, coupleId }, null, 3))).toEqual(['H3', 'H2', 'H1']);
		expect((await listMemories(db, annActor)).length).toBe(Math.min(5, MEMORY_PAGE_SIZE));
	});
});
