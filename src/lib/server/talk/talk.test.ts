import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { talkQuestions, users } from '../db/schema';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { leaveCouple } from '../couple/membership';
import { clearPaceStatus, setPaceStatus } from '../couple/pace';
import { listLetterbox, listSentLetters } from '../couple/letters';
import type { Actor } from '../access/policy';
import { acceptAgreement, currentAgreement, openProposal, proposeAgreement, withdrawProposal, type AgreementTerms } from '../agreements/agreements';
import { addEntry, addLater, getMyAccount, openAccountLetter, readPartnerAccount, removeEntry, sendAccount, updateEntry } from './account';
import { ANSWERED_PAGE_SIZE, askForTime, askQuestion, countOpenQuestions, getThread, isoDay, listQuestions, questionsPage, replyToQuestion } from './questions';
import { exportUserData } from '../privacy/export';

const labels = { addedLater: 'Added later', reason: 'Why', corrects: 'Corrects' };
const terms: AgreementTerms = { detail: 'facts-feelings', offLimits: null, timing: 'daily', minutes: 30, timeOfDay: '20:00', timeoutWord: 'pauze', note: null };

describe(`talking it through: agreements, the account, questions (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let ann: Actor; // repairing
	let bo: Actor; // hurt
	let cas: Actor; // another couple
	let dee: Actor;
	const solo: Actor = { userId: 'eve', coupleId: null };

	beforeAll(async () => {
		db = database();
		await db.insert(users).values(
			['ann', 'bo', 'cas', 'dee', 'eve'].map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() }))
		);
		const c1 = (await acceptInvitation(db, 'bo', (await createInvitation(db, 'ann')).token)).coupleId;
		const c2 = (await acceptInvitation(db, 'dee', (await createInvitation(db, 'cas')).token)).coupleId;
		ann = { userId: 'ann', coupleId: c1 };
		bo = { userId: 'bo', coupleId: c1 };
		cas = { userId: 'cas', coupleId: c2 };
		dee = { userId: 'dee', coupleId: c2 };
	});

	it('holds an agreement once the partner accepts, and keeps it while a change is proposed', async () => {
		const { id } = await proposeAgreement(db, ann, terms, 'form-key-agreement-0001');
		expect((await proposeAgreement(db, ann, terms, 'form-key-agreement-0001')).replay).toBe(true);
		expect(await currentAgreement(db, bo)).toBeNull();
		expect((await openProposal(db, bo))?.mine).toBe(false);
		await expect(acceptAgreement(db, ann, id)).rejects.toThrow('agreement_own');
		await expect(acceptAgreement(db, cas, id)).rejects.toThrow('not_found');
		await acceptAgreement(db, bo, id);
		expect((await currentAgreement(db, ann))?.timeoutWord).toBe('pauze');
		expect(await openProposal(db, ann)).toBeNull();

		// Bo asks to change it: the old one holds until Ann accepts.
		const change = await proposeAgreement(db, bo, { ...terms, detail: 'everything', offLimits: 'comparisons', timing: 'any-time' });
		expect((await currentAgreement(db, bo))?.detail).toBe('facts-feelings');
		const proposal = await openProposal(db, ann);
		expect(proposal).toMatchObject({ detail: 'everything', offLimits: 'comparisons', minutes: null, timeOfDay: null });
		// Ann answers with other terms: Bo's proposal is replaced, one open proposal per couple.
		const counter = await proposeAgreement(db, ann, { ...terms, detail: 'everything', offLimits: 'comparisons; what they looked like' });
		await expect(acceptAgreement(db, ann, change.id)).rejects.toThrow('agreement_closed');
		await expect(acceptAgreement(db, bo, change.id)).rejects.toThrow('agreement_own');
		await acceptAgreement(db, bo, counter.id);
		expect((await currentAgreement(db, bo))?.offLimits).toBe('comparisons; what they looked like');
		const last = await proposeAgreement(db, bo, terms);
		await expect(withdrawProposal(db, ann, last.id)).rejects.toThrow('not_found');
		await withdrawProposal(db, bo, last.id);
		expect(await openProposal(db, ann)).toBeNull();
		expect(await currentAgreement(db, cas)).toBeNull();
		await expect(proposeAgreement(db, solo, terms)).rejects.toThrow('not_in_couple');
	});

	it('sends the account as a whole, through the letterbox, and marks later additions', async () => {
		const first = await addEntry(db, ann, { fromDate: '2025-03-01', toDate: '2025-06-30', approximate: true, body: 'It started at work.' });
		const second = await addEntry(db, ann, { fromDate: '2025-07-14', toDate: null, approximate: false, body: 'I lied about the trip.' });
		await updateEntry(db, ann, second.id, { fromDate: '2025-07-14', toDate: null, approximate: false, body: 'I lied to you about the trip.' });
		const extra = await addEntry(db, ann, { fromDate: '2025-08-01', toDate: null, approximate: false, body: 'removed' });
		await removeEntry(db, ann, extra.id);
		await expect(updateEntry(db, bo, first.id, { fromDate: '2025-03-01', toDate: null, approximate: false, body: 'x' })).rejects.toThrow('not_found');
		// A draft is private.
		expect(await readPartnerAccount(db, bo)).toBeNull();

		// Bo asked for space: the account waits, as a letter would.
		await setPaceStatus(db, bo, { status: 'space', note: null });
		expect((await sendAccount(db, ann, 'form-key-account-send-01')).waiting).toBe(true);
		expect((await sendAccount(db, ann, 'form-key-account-send-01')).replay).toBe(true);
		expect((await getMyAccount(db, ann))?.state).toBe('waiting');
		expect(await readPartnerAccount(db, bo)).toBeNull();
		await clearPaceStatus(db, bo);

		const arrived = await readPartnerAccount(db, bo);
		expect(arrived).toMatchObject({ opened: false, entries: [] });
		expect((await listLetterbox(db, bo)).map((l) => l.kind)).toEqual(['account']);
		await openAccountLetter(db, bo, arrived!.letterId);
		const opened = await readPartnerAccount(db, bo);
		expect(opened?.entries.map((e) => e.body)).toEqual(['It started at work.', 'I lied to you about the trip.']);
		expect((await getMyAccount(db, ann))?.state).toBe('opened');

		// After sending nothing changes silently.
		await expect(updateEntry(db, ann, first.id, { fromDate: '2025-03-01', toDate: null, approximate: false, body: 'rewritten' })).rejects.toThrow('account_sent');
		await expect(removeEntry(db, ann, first.id)).rejects.toThrow('account_sent');
		await expect(addEntry(db, ann, { fromDate: '2025-03-01', toDate: null, approximate: false, body: 'sneaked in' })).rejects.toThrow('account_sent');

		const addition = await addLater(db, ann, { fromDate: '2025-02-10', toDate: null, approximate: false, body: 'It started earlier than I said.', reason: 'I was ashamed to say it.', correctsId: first.id }, labels, 'form-key-addition-0001');
		expect((await addLater(db, ann, { fromDate: '2025-02-10', toDate: null, approximate: false, body: 'It started earlier than I said.', reason: 'I was ashamed to say it.', correctsId: first.id }, labels, 'form-key-addition-0001')).id).toBe(addition.id);
		const seen = await readPartnerAccount(db, bo);
		const added = seen!.entries.find((e) => e.addedLater)!;
		// Its date and reason show at once; its text once Bo opens it.
		expect(added).toMatchObject({ reason: 'I was ashamed to say it.', body: null, opened: false, correctsId: first.id });
		expect(added.addedAt).toBeInstanceOf(Date);
		expect(seen!.entries.find((e) => e.id === first.id)?.correctedBy).toEqual([addition.id]);
		await openAccountLetter(db, bo, added.letterId!);
		expect((await readPartnerAccount(db, bo))!.entries.find((e) => e.addedLater)?.body).toBe('It started earlier than I said.');
		expect((await listSentLetters(db, ann)).map((l) => l.kind).sort()).toEqual(['account', 'account-addition']);

		// Another couple sees nothing, and cannot open it even by id.
		expect(await readPartnerAccount(db, dee)).toBeNull();
		await expect(openAccountLetter(db, cas, arrived!.letterId)).rejects.toThrow('not_found');

		const exported = await exportUserData(db, 'ann');
		expect(exported.talk.accounts[0].entries.map((e) => [e.text, e.addedLater])).toEqual([
			['It started earlier than I said.', true],
			['It started at work.', false],
			['I lied to you about the trip.', false]
		]);
		expect((await exportUserData(db, 'bo')).talk.accounts).toEqual([]);
	});

	it('keeps questions open in view for both until answered, with time asked for', async () => {
		const { id } = await askQuestion(db, bo, { body: 'When did it end?', about: 'facts' }, 'form-key-question-0001');
		expect((await listQuestions(db, ann)).map((q) => [q.excerpt, q.state, q.mine])).toEqual([['When did it end?', 'open', false]]);
		const tomorrow = isoDay(new Date(Date.now() + 86_400_000));
		await expect(askForTime(db, bo, id, tomorrow)).rejects.toThrow('not_found');
		await expect(askForTime(db, ann, id, '2001-01-01')).rejects.toThrow('need_time_day');
		await askForTime(db, ann, id, tomorrow);
		expect((await listQuestions(db, bo))[0]).toMatchObject({ state: 'need-time', needTimeUntil: tomorrow });
		// The hub's count: open and given time count, for both partners; nobody else's.
		expect([await countOpenQuestions(db, ann), await countOpenQuestions(db, bo), await countOpenQuestions(db, dee), await countOpenQuestions(db, solo)]).toEqual([1, 1, 0, 0]);
		await replyToQuestion(db, ann, id, 'In August, the last time we spoke.');
		expect((await getThread(db, bo, id))).toMatchObject({ state: 'answered', needTimeUntil: null });
		expect(await countOpenQuestions(db, bo)).toBe(0);
		await replyToQuestion(db, bo, id, 'And did you see them after?');
		expect(await countOpenQuestions(db, ann)).toBe(1);
		const thread = await getThread(db, ann, id);
		expect(thread.state).toBe('open');
		expect(thread.replies.map((r) => [r.kind, r.mine])).toEqual([['answer', true], ['follow-up', false]]);

		await expect(getThread(db, cas, id)).rejects.toThrow('not_found');
		await expect(replyToQuestion(db, dee, id, 'intruder')).rejects.toThrow('not_found');
		expect(await listQuestions(db, dee)).toEqual([]);
		await expect(askQuestion(db, solo, { body: 'x', about: null })).rejects.toThrow('not_in_couple');

		const exported = await exportUserData(db, 'ann');
		expect(exported.talk.questionsAsked).toEqual([]);
		expect(exported.talk.repliesWritten.map((r) => r.text)).toEqual(['In August, the last time we spoke.']);
		expect(JSON.stringify(exported)).not.toContain('When did it end?');
	});

	it('ends everything with the couple: nothing stays visible to the partner who stays', async () => {
		await leaveCouple(db, 'dee');
		await leaveCouple(db, 'bo');
		const annAlone: Actor = { userId: 'ann', coupleId: null };
		const boAlone: Actor = { userId: 'bo', coupleId: null };
		expect(await readPartnerAccount(db, boAlone)).toBeNull();
		expect(await listQuestions(db, boAlone)).toEqual([]);
		expect(await currentAgreement(db, boAlone)).toBeNull();
		// Ann keeps what she wrote; the account she sent shows as withdrawn, and she may start anew.
		expect((await exportUserData(db, 'ann')).talk.accounts).toHaveLength(1);
		expect(await getMyAccount(db, annAlone)).toBeNull();
		await addEntry(db, annAlone, { fromDate: '2025-01-01', toDate: null, approximate: false, body: 'a new draft' });
		expect((await getMyAccount(db, annAlone))?.entries.map((e) => e.body)).toEqual(['a new draft']);
	});
});

describe(`questions, the answered ones a page at a time (${databaseKind})`, () => {
	const database = useTestDatabase();

	it('lists every open question and pages the answered ones, none twice or skipped, ties in time included', async () => {
		const db = database();
		await db.insert(users).values(['fay', 'gus', 'hal', 'ida'].map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
		const c1 = (await acceptInvitation(db, 'gus', (await createInvitation(db, 'fay')).token)).coupleId;
		const c2 = (await acceptInvitation(db, 'ida', (await createInvitation(db, 'hal')).token)).coupleId;
		const fay: Actor = { userId: 'fay', coupleId: c1 };
		// Seven answered (the third and fourth asked in the same microsecond) and two open; one of
		// another couple's, newer than all.
		const times = ['09:00', '09:01', '09:02', '09:02', '09:03', '09:04', '09:05'].map((t) => new Date(`2026-11-20T${t}:00.000123Z`));
		const long = 'y'.repeat(300);
		await db.insert(talkQuestions).values([
			...times.map((createdAt, i) => ({ id: `q${i + 1}`, coupleId: c1, askerId: i % 2 ? 'gus' : 'fay', body: `A${i + 1} ${long}`, createdAt, answeredAt: new Date('2026-11-21T10:00:00Z') })),
			{ id: 'open1', coupleId: c1, askerId: 'gus', body: 'O1', createdAt: new Date('2026-11-19T09:00:00Z') },
			{ id: 'open2', coupleId: c1, askerId: 'fay', body: 'O2', createdAt: new Date('2026-11-22T09:00:00Z') },
			{ id: 'other', coupleId: c2, askerId: 'hal', body: 'X1', createdAt: new Date('2026-11-23T09:00:00Z') },
			{ id: 'other-answered', coupleId: c2, askerId: 'hal', body: 'X2', createdAt: new Date('2026-11-23T09:00:00Z'), answeredAt: new Date('2026-11-23T10:00:00Z') }
		]);
		const names = (qs: { excerpt: string }[]) => qs.map((q) => q.excerpt.split(' ')[0]);

		const newest = await questionsPage(db, fay, null, 3);
		expect(names(newest.open)).toEqual(['O2', 'O1']);
		expect(names(newest.answered)).toEqual(['A7', 'A6', 'A5']);
		expect(newest.answered[0]).toMatchObject({ state: 'answered', mine: true });
		// A glimpse, cut in the database.
		expect(newest.answered[0].excerpt).toHaveLength(160);
		const middle = await questionsPage(db, fay, newest.olderAnswered, 3);
		const oldest = await questionsPage(db, fay, middle.olderAnswered, 3);
		expect([...names(newest.answered), ...names(middle.answered), ...names(oldest.answered)].sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']);
		expect(names(oldest.answered)).toEqual(['A1']);
		expect(oldest.olderAnswered).toBeNull();
		// Open questions stay in view on every page.
		expect(names(oldest.open)).toEqual(['O2', 'O1']);
		// What a person sees by default: at most a page of answered ones, and nothing of another couple.
		const listed = await listQuestions(db, fay);
		expect(listed.length).toBe(2 + Math.min(7, ANSWERED_PAGE_SIZE));
		expect(names(listed)).not.toContain('X1');
		expect(names(listed)).not.toContain('X2');
	});
});
