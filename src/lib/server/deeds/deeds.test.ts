import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { signUp } from '../auth/accounts';
import { chooseRole } from '../users/users';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf, leaveCouple } from '../couple/membership';
import { addWish, answerWish, countWishesAwaitingAnswer, deleteWish, getWish, listMyWishes, listPartnerWishes, shareWish, unshareWish } from './wishes';
import { addComment, changeCommitment, COMMENT_PAGE_SIZE, commentsOf, commitmentHistory, HISTORY_PAGE_SIZE, historyOf, createCommitment, endCommitment, getCommitment, listCommitments, listComments, pauseCommitment, resumeCommitment, shareCommitment } from './commitments';
import { checkInsSince, markNoticed, recentCheckIns, recordCheckIn } from './check-ins';
import { commitmentConsistency, shareKept, weeklyConsistency } from './consistency';
import { exportDeeds } from './export';
import { commitmentComments } from '../db/schema';
import { newId } from '../security/tokens';

const pass = 'long enough pass';
/** Noon in Amsterdam on a given day, so local days are unambiguous. */
const at = (day: string) => new Date(`${day}T11:00:00Z`);

describe(`deeds: wishes, commitments, check-ins (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const actor = async (userId: string): Promise<Actor> => ({ userId, coupleId: await coupleIdOf(db, userId) });
	let rep: string; // repairing
	let hurt: string;
	let other: string; // another couple's repairing partner
	let solo: string;
	let otherHurt: string;

	beforeAll(async () => {
		db = database();
		const make = async (name: string, role: 'repairing' | 'hurt') => {
			const { userId } = await signUp(db, { email: `${name}@example.org`, password: pass, displayName: name, locale: 'nl' });
			await chooseRole(db, userId, role);
			return userId;
		};
		rep = await make('rep', 'repairing');
		hurt = await make('hurt', 'hurt');
		other = await make('other', 'repairing');
		otherHurt = await make('otherhurt', 'hurt');
		solo = await make('solo', 'repairing');
		await acceptInvitation(db, hurt, (await createInvitation(db, rep)).token);
		await acceptInvitation(db, otherHurt, (await createInvitation(db, other)).token);
	});

	it('keeps a wish private until shared, lets the partner answer it and never the owner', async () => {
		const h = await actor(hurt);
		const r = await actor(rep);
		const { id } = await addWish(db, h, { size: 'everyday', body: 'Een berichtje als je later bent', share: false });
		expect(await listPartnerWishes(db, r)).toEqual([]);
		await expect(getWish(db, r, id)).rejects.toThrow('not_found');
		await shareWish(db, h, id);
		expect((await listPartnerWishes(db, r)).map((w) => w.body)).toEqual(['Een berichtje als je later bent']);
		expect(await countWishesAwaitingAnswer(db, r)).toBe(1);
		await expect(answerWish(db, h, id, { answer: 'talk', reason: null })).rejects.toThrow('not_found');
		await expect(answerWish(db, await actor(other), id, { answer: 'talk', reason: null })).rejects.toThrow('not_found');
		await answerWish(db, r, id, { answer: 'not-now', reason: 'Eerst samen praten' });
		expect((await getWish(db, h, id))).toMatchObject({ answer: 'not-now', answerReason: 'Eerst samen praten' });
		expect(await countWishesAwaitingAnswer(db, r)).toBe(0);
		await unshareWish(db, h, id);
		expect(await listPartnerWishes(db, r)).toEqual([]);
		await deleteWish(db, h, id);
		expect(await listMyWishes(db, h)).toEqual([]);
	});

	it('makes a commitment from a wish, marked as asked for through changes and export', async () => {
		const h = await actor(hurt);
		const r = await actor(rep);
		const { id: wishId } = await addWish(db, h, { size: 'bigger', body: 'Elke week samen wandelen', share: true });
		const { id } = await createCommitment(db, r, { title: 'Samen wandelen', why: 'Jij vroeg het', rhythm: 'weekly', weekdays: [], share: true, wishId });
		expect((await getWish(db, h, wishId)).answer).toBe('commitment');
		await changeCommitment(db, r, id, { title: 'Samen wandelen op zondag', why: 'Jij vroeg het', rhythm: 'weekly', weekdays: [], reason: 'Zondag past beter' });
		const seen = await getCommitment(db, h, id);
		expect(seen).toMatchObject({ title: 'Samen wandelen op zondag', askedFor: true, mine: false });
		await deleteWish(db, h, wishId);
		expect((await getCommitment(db, r, id)).askedFor).toBe(true);
		const exported = await exportDeeds(db, rep);
		expect(exported.commitments.find((c) => c.title === 'Samen wandelen op zondag')).toMatchObject({ askedFor: true });
		// The owner's own wish cannot become "asked for".
		const { id: own } = await addWish(db, h, { size: 'everyday', body: 'mine', share: true });
		await expect(createCommitment(db, h, { title: 'x', why: '', rhythm: 'daily', weekdays: [], share: false, wishId: own })).rejects.toThrow('not_found');
		await expect(createCommitment(db, await actor(other), { title: 'x', why: '', rhythm: 'daily', weekdays: [], share: false, wishId: own })).rejects.toThrow('not_found');
	});

	it('records check-ins on due days only, marks late ones, and lets the partner say they noticed', async () => {
		const r = await actor(rep);
		const h = await actor(hurt);
		// Mondays, Wednesdays and Fridays, started on Monday 2026-11-02.
		const { id } = await createCommitment(db, r, { title: 'Koken', why: '', rhythm: 'weekdays', weekdays: [5, 1, 3, 3], share: true, startsOn: '2026-11-02' }, undefined, at('2026-11-04'));
		await expect(recordCheckIn(db, r, id, { day: '2026-11-03', outcome: 'kept', note: null }, at('2026-11-04'))).rejects.toThrow('check_in_not_due');
		await expect(recordCheckIn(db, r, id, { day: '2026-11-06', outcome: 'kept', note: null }, at('2026-11-04'))).rejects.toThrow('check_in_not_due');
		await expect(recordCheckIn(db, r, id, { day: '2026-11-01', outcome: 'kept', note: null }, at('2026-11-04'))).rejects.toThrow('check_in_not_due');
		expect(await recordCheckIn(db, r, id, { day: '2026-11-04', outcome: 'kept', note: 'Pasta' }, at('2026-11-04'))).toEqual({ day: '2026-11-04', late: false });
		expect(await recordCheckIn(db, r, id, { day: '2026-11-02', outcome: 'partly', note: null }, at('2026-11-04'))).toEqual({ day: '2026-11-02', late: true });
		await expect(recordCheckIn(db, h, id, { day: '2026-11-04', outcome: 'not-kept', note: null }, at('2026-11-04'))).rejects.toThrow('not_found');
		await markNoticed(db, h, id, '2026-11-04', 'noticed');
		await expect(markNoticed(db, r, id, '2026-11-04', 'noticed')).rejects.toThrow('not_found');
		await expect(markNoticed(db, await actor(other), id, '2026-11-04', 'noticed')).rejects.toThrow('not_found');
		await expect(markNoticed(db, h, id, '2026-11-06', 'noticed')).rejects.toThrow('not_found');
		const recent = await recentCheckIns(db, h, id);
		expect(recent.map((c) => [c.day, c.outcome, c.late, c.noticed])).toEqual([
			['2026-11-04', 'kept', false, 'noticed'],
			['2026-11-02', 'partly', true, null]
		]);
		// Counting reads the marks only, never the notes (the list of recent check-ins shows them).
		expect(recent[0].note).toBe('Pasta');
		const marks = await checkInsSince(db, [id], '2026-11-02');
		expect(marks.map((m) => [m.day, m.outcome, m.late, m.noticed])).toEqual([
			['2026-11-04', 'kept', false, 'noticed'],
			['2026-11-02', 'partly', true, null]
		]);
		expect(JSON.stringify(marks)).not.toContain('Pasta');
		// A correction keeps the partner's "noticed".
		await recordCheckIn(db, r, id, { day: '2026-11-04', outcome: 'partly', note: null }, at('2026-11-05'));
		expect((await recentCheckIns(db, r, id))[0]).toMatchObject({ outcome: 'partly', noticed: 'noticed', late: false });
	});

	it('never makes a pause or an ending due, and keeps the history with reasons', async () => {
		const r = await actor(solo);
		const { id } = await createCommitment(db, r, { title: 'Dank je zeggen', why: 'Omdat het telt', rhythm: 'daily', weekdays: [], share: true, startsOn: '2026-11-02' }, undefined, at('2026-11-02'));
		expect((await getCommitment(db, r, id)).shared).toBe(false); // solo: nothing to share with
		await pauseCommitment(db, r, id, 'Ziek', at('2026-11-05'));
		await expect(recordCheckIn(db, r, id, { day: '2026-11-06', outcome: 'kept', note: null }, at('2026-11-07'))).rejects.toThrow('check_in_not_due');
		await recordCheckIn(db, r, id, { day: '2026-11-04', outcome: 'kept', note: null }, at('2026-11-07'));
		await resumeCommitment(db, r, id, null, at('2026-11-09'));
		await recordCheckIn(db, r, id, { day: '2026-11-09', outcome: 'kept', note: null }, at('2026-11-09'));
		await endCommitment(db, r, id, 'Het is een gewoonte geworden', at('2026-11-10'));
		await expect(recordCheckIn(db, r, id, { day: '2026-11-10', outcome: 'kept', note: null }, at('2026-11-10'))).rejects.toThrow('check_in_not_due');
		await expect(pauseCommitment(db, r, id, 'x')).rejects.toThrow('commitment_not_active');
		const history = (await commitmentHistory(db, r, id)).events;
		expect(history.map((e) => [e.kind, e.reason])).toEqual([
			['ended', 'Het is een gewoonte geworden'],
			['resumed', null],
			['paused', 'Ziek'],
			['created', null]
		]);
		const view = await commitmentConsistency(db, r, id, at('2026-11-10'));
		const week1 = view.weekly.find((w) => w.weekStart === '2026-11-02')!;
		// Due: Mon–Wed (before the pause on Thursday); kept only Wednesday.
		expect(week1).toMatchObject({ due: 3, kept: 1, partly: 0, notKept: 0 });
		expect(view.weekly.find((w) => w.weekStart === '2026-11-09')).toMatchObject({ due: 1, kept: 1 });
		const days = Object.fromEntries(view.weeks.flatMap((w) => w.days).map((d) => [d.day, d.state]));
		expect([days['2026-11-01'], days['2026-11-02'], days['2026-11-04'], days['2026-11-06'], days['2026-11-10'], days['2026-11-12']]).toEqual(['not-due', 'open', 'kept', 'not-due', 'not-due', 'upcoming']);
		expect(shareKept(view.last4)).toBe(50);
	});

	it('pages the history: the newest changes first, older ones a page at a time, none twice or skipped', async () => {
		const r = await actor(solo);
		const { id } = await createCommitment(db, r, { title: 'Samen wandelen', why: '', rhythm: 'daily', weekdays: [], share: false, startsOn: '2026-11-02' }, undefined, at('2026-11-02'));
		// Six pauses and resumptions: thirteen events with the creation.
		for (let k = 0; k < 6; k++) {
			await pauseCommitment(db, r, id, `Pauze ${k + 1}`, at(`2026-11-${String(3 + 2 * k).padStart(2, '0')}`));
			await resumeCommitment(db, r, id, null, at(`2026-11-${String(4 + 2 * k).padStart(2, '0')}`));
		}
		const newest = await historyOf(db, id, null, 5);
		const middle = await historyOf(db, id, newest.earlier, 5);
		const oldest = await historyOf(db, id, middle.earlier, 5);
		expect([newest.events.length, middle.events.length, oldest.events.length]).toEqual([5, 5, 3]);
		expect(newest.events[0]).toMatchObject({ kind: 'resumed' });
		expect(newest.events[1]).toMatchObject({ kind: 'paused', reason: 'Pauze 6' });
		expect(oldest.events.at(-1)).toMatchObject({ kind: 'created' });
		expect(oldest.earlier).toBeNull();
		const ids = [...newest.events, ...middle.events, ...oldest.events].map((e) => e.id);
		expect(new Set(ids).size).toBe(13);
		expect(ids).toEqual([...ids].sort((a, b) => b - a));
		// What a person sees by default: at most a page, and an older page when there is more.
		const page = await commitmentHistory(db, r, id);
		expect(page.events).toHaveLength(Math.min(13, HISTORY_PAGE_SIZE));
		expect(page.earlier === null).toBe(13 <= HISTORY_PAGE_SIZE);
	});

	it('counts weeks over the couple’s commitments for both partners, and nothing of another couple', async () => {
		const r = await actor(other);
		const { id } = await createCommitment(db, r, { title: 'Wandelen', why: '', rhythm: 'weekly', weekdays: [], share: true, startsOn: '2026-10-26' }, undefined, at('2026-11-11'));
		await recordCheckIn(db, r, id, { day: '2026-10-28', outcome: 'kept', note: null }, at('2026-11-11'));
		const weeks = await weeklyConsistency(db, r, 3, at('2026-11-11'));
		expect(weeks).toEqual([
			{ weekStart: '2026-10-26', due: 1, kept: 1, partly: 0, notKept: 0 },
			{ weekStart: '2026-11-02', due: 1, kept: 0, partly: 0, notKept: 0 },
			// This week is still open: not counted before it ends or has an entry.
			{ weekStart: '2026-11-09', due: 0, kept: 0, partly: 0, notKept: 0 }
		]);
		expect(await weeklyConsistency(db, await actor(otherHurt), 3, at('2026-11-11'))).toEqual(weeks);
		// Another couple's figures hold nothing of this one (its own commitments were made "today").
		const strangers = await weeklyConsistency(db, await actor(hurt), 3, at('2026-11-11'));
		expect(strangers[0]).toEqual({ weekStart: '2026-10-26', due: 0, kept: 0, partly: 0, notKept: 0 });
		expect((await listCommitments(db, await actor(hurt))).partner.map((c) => c.title)).not.toContain('Wandelen');
	});

	it('lets both partners comment on a shared commitment, and nobody else', async () => {
		const r = await actor(rep);
		const h = await actor(hurt);
		const { id } = await createCommitment(db, r, { title: 'Telefoon open', why: '', rhythm: 'daily', weekdays: [], share: false });
		await expect(addComment(db, h, id, 'Dank je')).rejects.toThrow('not_found');
		await shareCommitment(db, r, id);
		await addComment(db, h, id, 'Dank je');
		await addComment(db, r, id, 'Graag gedaan');
		await expect(addComment(db, await actor(other), id, 'hallo')).rejects.toThrow('not_found');
		// Sorted: two comments in the same millisecond come in the order of their random ids (the order
		// of the page is the next test's).
		expect((await listComments(db, h, id)).map((c) => [c.body, c.mine]).sort()).toEqual([
			['Dank je', true],
			['Graag gedaan', false]
		]);
	});

	it('pages the comments: the newest first, earlier ones a page at a time, none twice or skipped, ties in time included', async () => {
		const r = await actor(rep);
		const h = await actor(hurt);
		const { id } = await createCommitment(db, r, { title: 'Samen koken', why: '', rhythm: 'weekly', weekdays: [], share: true });
		// Seven comments; the third and fourth written in the same microsecond.
		const times = ['09:00', '09:01', '09:02', '09:02', '09:03', '09:04', '09:05'].map((t) => new Date(`2026-11-20T${t}:00.000123Z`));
		await db.insert(commitmentComments).values(times.map((createdAt, i) => ({ id: newId(), commitmentId: id, authorId: i % 2 ? h.userId : r.userId, body: `C${i + 1}`, createdAt })));
		const bodies = (page: { comments: { body: string }[] }) => page.comments.map((c) => c.body);

		const newest = await commentsOf(db, h, id, null, 3);
		expect(bodies(newest)).toEqual(['C5', 'C6', 'C7']);
		expect(newest.comments.map((c) => c.mine)).toEqual([false, true, false]);
		const middle = await commentsOf(db, h, id, newest.earlier, 3);
		const first = await commentsOf(db, h, id, middle.earlier, 3);
		expect([...bodies(first), ...bodies(middle), ...bodies(newest)].sort()).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
		expect(bodies(first)).toEqual(['C1']);
		expect(first.earlier).toBeNull();
		// The page a person sees by default holds COMMENT_PAGE_SIZE at most.
		expect((await listComments(db, h, id)).length).toBe(Math.min(7, COMMENT_PAGE_SIZE));
	});

	it('stops showing shared items once the couple ends', async () => {
		const h = await actor(hurt);
		const r = await actor(rep);
		const { id } = await addWish(db, h, { size: 'everyday', body: 'still shared?', share: true });
		expect((await listCommitments(db, h)).partner.length).toBeGreaterThan(0);
		await leaveCouple(db, hurt);
		const after = await actor(rep);
		expect(after.coupleId).toBeNull();
		expect((await listCommitments(db, await actor(hurt))).partner).toEqual([]);
		await expect(getWish(db, after, id)).rejects.toThrow('not_found');
		expect(r.coupleId).not.toBeNull();
	});
});
