import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { grantAppRole } from '../db/app-role';
import { signUp } from '../auth/accounts';
import { chooseRole, deleteAccount } from '../users/users';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf } from '../couple/membership';
import { hourEntries, hourNotes, hourSlots } from '../db/schema';
import { addHourNote, answerHour, deleteHourNote, exportHour, getHour, setHourSlot, skipHour } from './hour';
import { questionById, questionsFor, weekOf } from './questions';
import { renderHourExportHtml } from './export-html';

const pass = 'long enough pass';

describe(`the weekly relationship hour: answered privately, revealed together (${databaseKind})`, () => {
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
	/** Answers every question of the actor's current week with `text` and the question's id. */
	const answerAll = async (userId: string, text: string, now = new Date()) => {
		const hour = await getHour(db, await actor(userId), now);
		await answerHour(db, await actor(userId), { week: hour.week, answers: hour.questions.map((q) => ({ question: q.id, text: `${text} ${q.id}` })) }, now);
		return hour;
	};

	beforeAll(() => {
		db = database();
	});

	it('shows nothing of the first answers until the second partner answers, then both to both', async () => {
		const { repairing, hurt } = await pair('rob', 'hil');
		await answerAll(repairing, 'ROB-ANSWER');
		const hil = await getHour(db, await actor(hurt));
		expect(hil.mine).toBeNull();
		expect(hil.partner).toBeNull();
		expect(JSON.stringify(hil)).not.toContain('ROB-ANSWER');
		const rob = await getHour(db, await actor(repairing));
		expect(rob.mine?.answers[0]?.text).toContain('ROB-ANSWER');
		expect(rob.partner).toBeNull();
		expect(rob.revealed).toBe(false);

		await answerAll(hurt, 'HIL-ANSWER');
		const robAfter = await getHour(db, await actor(repairing));
		const hilAfter = await getHour(db, await actor(hurt));
		expect(robAfter.revealed).toBe(true);
		expect(robAfter.partner?.map((a) => a.text).join()).toContain('HIL-ANSWER');
		expect(hilAfter.partner?.map((a) => a.text).join()).toContain('ROB-ANSWER');
		// Shown answers are fixed for the week.
		await expect(answerAll(repairing, 'changed')).rejects.toThrow('conflict');
	});

	it('lets private answers change, and a week be skipped without anything shown', async () => {
		const { repairing, hurt } = await pair('ruud', 'hes');
		await answerAll(hurt, 'first');
		await answerAll(hurt, 'second');
		expect((await getHour(db, await actor(hurt))).mine?.answers[0]?.text).toMatch(/^second/);
		await skipHour(db, await actor(repairing));
		const ruud = await getHour(db, await actor(repairing));
		expect(ruud.mine).toEqual({ answers: [], skipped: true });
		expect(JSON.stringify(ruud)).not.toContain('second');
		// The partner sees nothing of the skip either: not revealed, no trace.
		const hes = await getHour(db, await actor(hurt));
		expect(hes.partner).toBeNull();
		expect(JSON.stringify(hes)).not.toContain('skipped":true');
		// Answers are never thrown away by a skip; answering after a skip is fine and reveals.
		await expect(skipHour(db, await actor(hurt))).rejects.toThrow('conflict');
		await answerAll(repairing, 'after all');
		expect((await getHour(db, await actor(hurt))).partner?.[0]?.text).toMatch(/^after all/);
	});

	it('refuses empty answers and answers for a week that has turned', async () => {
		const solo = await make('sol', 'hurt');
		const hour = await getHour(db, await actor(solo));
		await expect(answerHour(db, await actor(solo), { week: hour.week, answers: hour.questions.map((q) => ({ question: q.id, text: null })) })).rejects.toThrow('hour_answers_empty');
		const nextWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
		await expect(answerHour(db, await actor(solo), { week: hour.week, answers: [{ question: hour.questions[0]!.id, text: 'late' }] }, nextWeek)).rejects.toThrow('hour_week_changed');
		await expect(answerHour(db, await actor(solo), { week: hour.week, answers: [{ question: 'not-a-question', text: 'x' }] })).rejects.toThrow('hour_week_changed');
	});

	it('lets someone solo answer for themselves, kept out of a later couple', async () => {
		const solo = await make('sam', 'repairing');
		await setHourSlot(db, await actor(solo), { weekday: 7, time: '09:30', timeZone: 'Europe/Brussels' });
		await answerAll(solo, 'SAM-ALONE');
		const sam = await getHour(db, await actor(solo));
		expect(sam.mine?.answers).toHaveLength(4);
		expect(sam.slot).toMatchObject({ weekday: 7, time: '09:30', timeZone: 'Europe/Brussels' });
		const partner = await make('pia', 'hurt');
		await acceptInvitation(db, partner, (await createInvitation(db, solo)).token);
		await answerAll(partner, 'PIA');
		expect(JSON.stringify(await getHour(db, await actor(partner)))).not.toContain('SAM-ALONE');
		// In the couple, Sam starts afresh: the couple's slot and week, not the solo ones.
		const inCouple = await getHour(db, await actor(solo));
		expect(inCouple.mine).toBeNull();
		expect(inCouple.slot).toBeNull();
	});

	it('keeps one slot per couple that either partner may set and change', async () => {
		const { repairing, hurt } = await pair('sla', 'slo');
		await setHourSlot(db, await actor(repairing), { weekday: 4, time: '20:00', timeZone: 'Europe/Amsterdam' });
		expect((await getHour(db, await actor(hurt))).slot).toMatchObject({ weekday: 4, time: '20:00', setByMe: false });
		await setHourSlot(db, await actor(hurt), { weekday: 2, time: '19:15', timeZone: 'America/New_York' });
		expect((await getHour(db, await actor(repairing))).slot).toMatchObject({ weekday: 2, time: '19:15', timeZone: 'America/New_York', setByMe: false });
		const coupleId = await coupleIdOf(db, hurt);
		expect((await db.select().from(hourSlots)).filter((s) => s.coupleId === coupleId)).toHaveLength(1);
		await expect(setHourSlot(db, await actor(hurt), { weekday: 2, time: '19:15', timeZone: 'Mars/Olympus' })).rejects.toThrow('hour_time_zone');
		// The week follows the couple's zone: late Sunday in New York is already Monday in Amsterdam.
		const sundayNight = new Date('2026-12-07T03:00:00Z');
		expect((await getHour(db, await actor(repairing), sundayNight)).week).toBe('2026-11-30');
	});

	it('shows a shared note to the partner, never a private one, and nothing across couples', async () => {
		const { repairing, hurt } = await pair('nor', 'nan');
		const other = await pair('oto', 'ola');
		await addHourNote(db, await actor(repairing), { body: 'NOR-SHARED', shared: true });
		await addHourNote(db, await actor(repairing), { body: 'NOR-PRIVATE', shared: false });
		await answerAll(repairing, 'NOR-ANSWER');
		await answerAll(hurt, 'NAN-ANSWER');
		const nan = await getHour(db, await actor(hurt));
		expect(nan.notes.map((n) => n.body)).toEqual(['NOR-SHARED']);
		expect(nan.notes[0]).toMatchObject({ mine: false, shared: true });
		expect((await getHour(db, await actor(repairing))).notes.map((n) => n.body).sort()).toEqual(['NOR-PRIVATE', 'NOR-SHARED']);
		// Another couple sees none of it, and may not delete it.
		for (const id of [other.repairing, other.hurt]) {
			const text = JSON.stringify(await getHour(db, await actor(id)));
			for (const canary of ['NOR-', 'NAN-']) expect(text).not.toContain(canary);
		}
		const [shared] = (await db.select().from(hourNotes)).filter((n) => n.body === 'NOR-SHARED');
		await expect(deleteHourNote(db, await actor(other.hurt), shared!.id)).rejects.toThrow('not_found');
		await expect(deleteHourNote(db, await actor(hurt), shared!.id)).rejects.toThrow('not_found');
		await deleteHourNote(db, await actor(repairing), shared!.id);
		expect((await getHour(db, await actor(hurt))).notes).toEqual([]);
	});

	it('exports the person’s own hour only, and deletes it with the account', async () => {
		const { repairing, hurt } = await pair('exa', 'exb');
		await setHourSlot(db, await actor(hurt), { weekday: 5, time: '21:00', timeZone: 'Europe/Amsterdam' });
		await answerAll(repairing, 'EXA-ANSWER');
		await answerAll(hurt, 'EXB-ANSWER');
		await addHourNote(db, await actor(hurt), { body: 'EXB-NOTE', shared: true });
		const exported = await exportHour(db, repairing);
		expect(exported.slot).toEqual({ weekday: 5, time: '21:00', timeZone: 'Europe/Amsterdam', forCouple: true });
		expect(exported.weeks).toHaveLength(1);
		expect(exported.weeks[0]).toMatchObject({ madeIn: 'couple', skipped: false });
		expect(JSON.stringify(exported)).toContain('EXA-ANSWER');
		expect(JSON.stringify(exported)).not.toContain('EXB');
		expect((await exportHour(db, hurt)).notes).toEqual([expect.objectContaining({ text: 'EXB-NOTE', shared: true })]);
		// The readable page names each question in the person's language.
		const page = renderHourExportHtml(exported, 'en');
		const first = questionById(exported.weeks[0]!.answers[0]!.question)!;
		expect(page).toContain(first.en.replace(/'/g, '&#39;'));
		expect(page).toContain('EXA-ANSWER');
		await deleteAccount(db, { userId: hurt, password: pass, locale: 'nl' });
		expect((await db.select().from(hourEntries)).filter((r) => r.ownerId === hurt)).toEqual([]);
		expect((await db.select().from(hourNotes)).filter((r) => r.ownerId === hurt)).toEqual([]);
	});

	it('gives a couple the same questions all week, and the questions of their own rotation', async () => {
		const { repairing, hurt } = await pair('qua', 'qub');
		const a = await getHour(db, await actor(repairing));
		const b = await getHour(db, await actor(hurt));
		expect(a.questions).toEqual(b.questions);
		expect(a.questions.map((q) => q.id)).toEqual(questionsFor(a.inCouple ? (await coupleIdOf(db, repairing))! : repairing, weekOf(new Date())).map((q) => q.id));
	});
});

describe(`the hour's second wall: row-level security (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const role = `herstelpad_app_hour_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const ids = { ann: 'u-ann', bo: 'u-bo', cas: 'u-cas' };
	const act = (userId: string, coupleId: string | null) => ({ userId, coupleId });
	async function asApp<T>(actorId: string, work: (tx: Database) => Promise<T>): Promise<T> {
		return db.transaction(async (tx) => {
			await tx.execute(sql`select set_config('app.user_id', ${actorId}, true), set_config('app.system', 'off', true)`);
			await tx.execute(sql`set local role ${sql.identifier(role)}`);
			return work(tx as unknown as Database);
		});
	}
	const rows = async (tx: Database, query: string) => ((await tx.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;

	beforeAll(async () => {
		db = database();
		const { users, couples, coupleMembers } = await import('../db/schema');
		await db.execute(sql`create role ${sql.identifier(role)} login nosuperuser nocreatedb nocreaterole nobypassrls`);
		await grantAppRole(db, role);
		await db.insert(users).values(Object.values(ids).map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
		await db.insert(couples).values([{ id: 'c1' }]);
		await db.insert(coupleMembers).values([
			{ coupleId: 'c1', userId: ids.ann },
			{ coupleId: 'c1', userId: ids.bo }
		]);
	});

	afterAll(async () => {
		await db.execute(sql`drop owned by ${sql.identifier(role)}`);
		await db.execute(sql`drop role ${sql.identifier(role)}`);
	});

	it('lets the database itself hide answers until both answered, and notes and slots from others', async () => {
		const ann = act(ids.ann, 'c1');
		const bo = act(ids.bo, 'c1');
		const hour = await asApp(ids.ann, (tx) => getHour(tx, ann));
		const answers = (text: string) => hour.questions.map((q) => ({ question: q.id, text }));
		await asApp(ids.ann, (tx) => setHourSlot(tx, ann, { weekday: 3, time: '20:30', timeZone: 'Europe/Amsterdam' }));
		await asApp(ids.ann, (tx) => answerHour(tx, ann, { week: hour.week, answers: answers('ANN-RLS') }));
		await asApp(ids.ann, (tx) => addHourNote(tx, ann, { body: 'ANN-PRIVATE-NOTE', shared: false }));
		expect(await asApp(ids.bo, (tx) => rows(tx, 'select id from hour_entries'))).toEqual([]);
		expect(await asApp(ids.bo, (tx) => rows(tx, 'select id from hour_notes'))).toEqual([]);
		// The slot is the couple's: Bo reads and changes it; Cas (solo) sees nothing.
		expect((await asApp(ids.bo, (tx) => getHour(tx, bo))).slot).toMatchObject({ weekday: 3 });
		await asApp(ids.bo, (tx) => setHourSlot(tx, bo, { weekday: 4, time: '20:30', timeZone: 'Europe/Amsterdam' }));
		expect(await asApp(ids.cas, (tx) => rows(tx, 'select id from hour_slots'))).toEqual([]);
		await asApp(ids.bo, (tx) => skipHour(tx, bo));
		// A skip reveals nothing, to either.
		expect(await asApp(ids.bo, (tx) => rows(tx, "select id from hour_entries where owner_id = 'u-ann'"))).toEqual([]);
		expect(await asApp(ids.ann, (tx) => rows(tx, "select id from hour_entries where owner_id = 'u-bo'"))).toEqual([]);
		await asApp(ids.bo, (tx) => answerHour(tx, bo, { week: hour.week, answers: answers('BO-RLS') }));
		expect((await asApp(ids.bo, (tx) => getHour(tx, bo))).partner?.[0]?.text).toBe('ANN-RLS');
		expect(await asApp(ids.cas, (tx) => rows(tx, 'select id from hour_entries'))).toEqual([]);
		expect(await asApp(ids.bo, (tx) => rows(tx, "update hour_entries set answers = '[]' where owner_id = 'u-ann' returning id"))).toEqual([]);
	});
});
