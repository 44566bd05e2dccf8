import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { triggerEntries, triggerSettings, triggerSignals, users } from '../db/schema';
import { grantAppRole } from '../db/app-role';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { leaveCouple } from '../couple/membership';
import { can, triggerAccess, type Action, type Actor } from '../access/policy';
import { answerSignal, deleteEntry, latestOwnSignal, listMyEntries, listPartnerSignals, listSharedWithMe, logTrigger, shareEntry, signalTrigger, triggerNotices, unshareEntry, updateEntry } from './log';
import { anniversaryFor, chooseAnniversary, getOwnSettings, readPartnerSettings, saveDiscoveryDay, savePreparedResponse, upcomingAnniversary } from './settings';
import { setPaceStatus } from '../couple/pace';
import { isDiscoveryDay } from '$lib/schemas/hard-parts';
import { patternsSince, triggerPatterns } from './patterns';
import { exportUserData } from '../privacy/export';
import { renderTriggersExportHtml } from './export-html';

const WEEK_AGO = () => new Date(Date.now() - 7 * 86_400_000);
/** The newest page of each list (paging itself: paging.test.ts). */
const myEntries = async (db: Database, actor: Actor) => (await listMyEntries(db, actor)).entries;
const sharedWith = async (db: Database, actor: Actor) => (await listSharedWithMe(db, actor)).entries;

describe(`the trigger kit: signal, answer, private log, shares (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let ann: Actor; // repairing
	let bo: Actor; // hurt
	let cas: Actor; // another couple
	let dee: Actor;
	const eve: Actor = { userId: 'eve', coupleId: null };
	const role = `herstelpad_app_trig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

	/** As the app role with `actor` acting: what PostgreSQL itself lets through (the second wall). */
	async function asApp<T>(actor: string, work: (tx: Database) => Promise<T>): Promise<T> {
		return db.transaction(async (tx) => {
			await tx.execute(sql`select set_config('app.user_id', ${actor}, true), set_config('app.system', 'off', true)`);
			await tx.execute(sql`set local role ${sql.identifier(role)}`);
			return work(tx as unknown as Database);
		});
	}
	const rows = async (tx: Database, query: string) => ((await tx.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;

	beforeAll(async () => {
		db = database();
		await db.insert(users).values(['ann', 'bo', 'cas', 'dee', 'eve'].map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
		const c1 = (await acceptInvitation(db, 'bo', (await createInvitation(db, 'ann')).token)).coupleId;
		const c2 = (await acceptInvitation(db, 'dee', (await createInvitation(db, 'cas')).token)).coupleId;
		ann = { userId: 'ann', coupleId: c1 };
		bo = { userId: 'bo', coupleId: c1 };
		cas = { userId: 'cas', coupleId: c2 };
		dee = { userId: 'dee', coupleId: c2 };
		await db.execute(sql`create role ${sql.identifier(role)} login nosuperuser nocreatedb nocreaterole nobypassrls`);
		await grantAppRole(db, role);
	});

	afterAll(async () => {
		await db.execute(sql`drop owned by ${sql.identifier(role)}`);
		await db.execute(sql`drop role ${sql.identifier(role)}`);
	});

	it('signals the partner with that and when only; strength and note stay in the log until shared', async () => {
		await savePreparedResponse(db, ann, 'ANN-PREPARED: het ligt aan mij, ik ben hier.');
		const { id, signalled } = await signalTrigger(db, bo, { strength: 4, cause: 'BO-NOTE-CANARY: de parkeerplaats' }, 'form-key-trigger-0001');
		expect(signalled).toBe(true);
		// A double tap finds the same moment instead of a second one.
		expect((await signalTrigger(db, bo, { strength: 4, cause: 'x' }, 'form-key-trigger-0001')).id).toBe(id);
		expect(await db.select({ id: triggerEntries.id }).from(triggerEntries).where(eq(triggerEntries.ownerId, 'bo'))).toEqual([{ id }]);
		expect(await db.select({ entryId: triggerSignals.entryId }).from(triggerSignals).where(eq(triggerSignals.ownerId, 'bo'))).toEqual([{ entryId: id }]);
		const seen = (await listPartnerSignals(db, ann, WEEK_AGO())).signals;
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({ answer: null, entry: null });
		expect(JSON.stringify(seen)).not.toContain('CANARY');
		expect(await triggerNotices(db, ann)).toEqual({ waiting: 1, answer: null });
		// The other couple and someone solo see nothing of it.
		expect((await listPartnerSignals(db, dee, WEEK_AGO())).signals).toEqual([]);
		expect((await listPartnerSignals(db, eve, WEEK_AGO())).signals).toEqual([]);
		expect(await triggerNotices(db, cas)).toEqual({ waiting: 0, answer: null });
		// Bo sees Ann's prepared words (they were written for Bo); Ann's own page shows them too.
		expect((await readPartnerSettings(db, bo, 'ann'))?.preparedResponse).toContain('ANN-PREPARED');
		expect(await readPartnerSettings(db, dee, 'ann')).toBeNull();
	});

	it('lets only the partner answer, and shows the answer to the one who signalled', async () => {
		const [signal] = (await listPartnerSignals(db, ann, WEEK_AGO())).signals;
		await expect(answerSignal(db, bo, signal.id, 'talk')).rejects.toThrow('not_found');
		await expect(answerSignal(db, cas, signal.id, 'talk')).rejects.toThrow('not_found');
		await answerSignal(db, ann, signal.id, 'closeness');
		const [entry] = await myEntries(db, bo);
		expect(entry.signal).toMatchObject({ current: true, answer: 'closeness' });
		expect((await triggerNotices(db, bo)).answer?.answer).toBe('closeness');
		expect(await triggerNotices(db, ann)).toEqual({ waiting: 0, answer: null });
		// Changing one's answer is allowed: it is the latest that counts.
		await answerSignal(db, ann, signal.id, 'space');
		expect((await myEntries(db, bo))[0].signal?.answer).toBe('space');
		// What "I'm triggered" shows above its form, whichever page of the log is open: the latest own signal.
		expect(await latestOwnSignal(db, bo, WEEK_AGO())).toMatchObject({ answer: 'space', answeredAt: expect.any(Date) });
		expect(await latestOwnSignal(db, ann, WEEK_AGO())).toBeNull();
		expect(await latestOwnSignal(db, dee, WEEK_AGO())).toBeNull();
		expect(await latestOwnSignal(db, bo, new Date(Date.now() + 60_000))).toBeNull();
	});

	it('keeps a log entry private until that one entry is shared, and only in this couple', async () => {
		const [entry] = await myEntries(db, bo);
		await updateEntry(db, bo, entry.id, { strength: 3, cause: 'BO-NOTE-CANARY: de parkeerplaats', helped: 'ademen' });
		await expect(updateEntry(db, ann, entry.id, { strength: 1, cause: null, helped: null })).rejects.toThrow('not_found');
		await expect(shareEntry(db, ann, entry.id)).rejects.toThrow('not_found');
		expect(await sharedWith(db, ann)).toEqual([]);
		await shareEntry(db, bo, entry.id);
		expect((await sharedWith(db, ann)).map((e) => e.cause)).toEqual(['BO-NOTE-CANARY: de parkeerplaats']);
		expect((await listPartnerSignals(db, ann, WEEK_AGO())).signals[0].entry).toMatchObject({ strength: 3, helped: 'ademen' });
		expect(await sharedWith(db, dee)).toEqual([]);
		await expect(deleteEntry(db, ann, entry.id)).rejects.toThrow('not_found');
		await unshareEntry(db, bo, entry.id);
		expect(await sharedWith(db, ann)).toEqual([]);
		expect((await listPartnerSignals(db, ann, WEEK_AGO())).signals[0].entry).toBeNull();
	});

	it('is held by row-level security too: the partner reads signals, never an unshared entry; other couples nothing', async () => {
		await logTrigger(db, bo, { strength: 2, cause: 'BO-PRIVATE-ONLY', helped: null });
		expect(await asApp('ann', (tx) => rows(tx, 'select cause from trigger_entries'))).toEqual([]);
		expect((await asApp('ann', (tx) => rows(tx, 'select answer from trigger_signals'))).map((r) => r.answer)).toEqual(['space']);
		expect(await asApp('dee', (tx) => rows(tx, 'select id from trigger_signals'))).toEqual([]);
		expect(await asApp('dee', (tx) => rows(tx, "update trigger_signals set answer = 'talk' returning id"))).toEqual([]);
		expect(await asApp('cas', (tx) => rows(tx, 'select prepared_response from trigger_settings'))).toEqual([]);
		// The service works as the app role: Ann answers, Bo reads his own log.
		const [signal] = (await asApp('ann', (tx) => listPartnerSignals(tx, ann, WEEK_AGO()))).signals;
		await asApp('ann', (tx) => answerSignal(tx, ann, signal.id, 'talk'));
		expect((await asApp('bo', (tx) => myEntries(tx, bo))).map((e) => e.cause)).toEqual(['BO-PRIVATE-ONLY', 'BO-NOTE-CANARY: de parkeerplaats']);
	});

	it('lets the partner change only the answer of a signal, as the database sees it', async () => {
		const [signal] = (await listPartnerSignals(db, ann, WEEK_AGO())).signals;
		// Another real entry of Bo's without a signal: only the trigger, not a key, stands in the way.
		const [other] = await db.select({ id: triggerEntries.id }).from(triggerEntries).where(eq(triggerEntries.cause, 'BO-PRIVATE-ONLY'));
		for (const change of ["owner_id = 'ann'", `entry_id = '${other.id}'`, "created_at = now() - interval '1 day'", "id = id || 'x'", "answered_by = 'bo'"]) {
			await expect(asApp('ann', (tx) => rows(tx, `update trigger_signals set ${change} where id = '${signal.id}'`)), change).rejects.toThrow();
		}
		// Answering, signed by herself, is what she may do.
		expect(await asApp('ann', (tx) => rows(tx, `update trigger_signals set answer = 'talk', answered_by = 'ann', answered_at = now() where id = '${signal.id}' returning id`))).toHaveLength(1);
		const [row] = await db.select().from(triggerSignals).where(eq(triggerSignals.id, signal.id));
		expect(row).toMatchObject({ ownerId: 'bo', answer: 'talk', answeredBy: 'ann' });
	});

	it('keeps a solo log with no signal, and deletes an entry with its signal', async () => {
		const { signalled, id } = await signalTrigger(db, eve, { strength: null, cause: null });
		expect(signalled).toBe(false);
		await expect(shareEntry(db, eve, id)).rejects.toThrow('not_in_couple');
		expect((await myEntries(db, eve))[0]).toMatchObject({ strength: null, signal: null, shared: false });
		const signalledOne = await signalTrigger(db, dee, { strength: 5, cause: null });
		expect((await listPartnerSignals(db, cas, WEEK_AGO())).signals).toHaveLength(1);
		await deleteEntry(db, dee, signalledOne.id);
		expect((await listPartnerSignals(db, cas, WEEK_AGO())).signals).toEqual([]);
	});

	it('exports the log with the answers, and the prepared response, to their owners only', async () => {
		const bos = await exportUserData(db, 'bo');
		expect(bos.triggers.log.map((e) => e.cause)).toContain('BO-NOTE-CANARY: de parkeerplaats');
		expect(bos.triggers.log.find((e) => e.signalled)?.signalled?.answer).toBe('talk');
		expect(JSON.stringify(bos)).not.toContain('ANN-PREPARED');
		expect(bos.triggers.answersGiven).toEqual([]);
		const anns = await exportUserData(db, 'ann');
		expect(anns.triggers.answersGiven).toEqual([{ at: expect.any(String), answer: 'talk' }]);
		expect(renderTriggersExportHtml(anns.triggers, 'nl')).toMatch(/Mijn antwoorden op de berichten van mijn partner<\/h3><ul><li>[^<]+ · Praten<\/li><\/ul>/);
		expect(anns.triggers.preparedResponse).toContain('ANN-PREPARED');
		expect(JSON.stringify(anns)).not.toContain('CANARY');
	});

	it('binds the prepared response and the day of discovery to the couple they were saved in', async () => {
		await saveDiscoveryDay(db, bo, '2025-12-07');
		expect((await readPartnerSettings(db, ann, 'bo'))?.discoveredOn).toBe('2025-12-07');
		await leaveCouple(db, 'ann');
		const annAlone: Actor = { userId: 'ann', coupleId: null };
		const boAlone: Actor = { userId: 'bo', coupleId: null };
		expect(await readPartnerSettings(db, boAlone, 'ann')).toBeNull();
		expect((await listPartnerSignals(db, annAlone, WEEK_AGO())).signals).toEqual([]);
		// Ann keeps her words; a later partner sees them only once she saves them again.
		const own = await getOwnSettings(db, annAlone);
		expect(own).toMatchObject({ responseSeenByPartner: false });
		expect(own.preparedResponse).toContain('ANN-PREPARED');
		// Bo's log stays his, and the old answer is no longer shown as a current one.
		expect((await myEntries(db, boAlone)).find((e) => e.signal)?.signal).toMatchObject({ current: false, answer: null });
	});

	it('does not let a new partner read words written for an earlier one once the day of discovery is saved anew', async () => {
		const coupleId = (await acceptInvitation(db, 'eve', (await createInvitation(db, 'ann')).token)).coupleId;
		const annNow: Actor = { userId: 'ann', coupleId };
		const eveNow: Actor = { userId: 'eve', coupleId };
		await saveDiscoveryDay(db, annNow, '2025-03-01');
		// The database itself hides the whole row from Eve: Ann's words were written for Bo.
		expect(await asApp('eve', (tx) => rows(tx, 'select prepared_response, discovered_on from trigger_settings'))).toEqual([]);
		expect(await asApp('eve', (tx) => readPartnerSettings(tx, eveNow, 'ann'))).toBeNull();
		// Ann is told neither part reaches Eve yet.
		expect(await getOwnSettings(db, annNow)).toMatchObject({ responseSeenByPartner: false, discoverySeenByPartner: false });
		// Saved again in this couple, both reach Eve.
		await savePreparedResponse(db, annNow, 'ANN-FOR-EVE');
		expect(await asApp('eve', (tx) => readPartnerSettings(tx, eveNow, 'ann'))).toEqual({ preparedResponse: 'ANN-FOR-EVE', discoveredOn: '2025-03-01' });
		expect(await getOwnSettings(db, annNow)).toMatchObject({ responseSeenByPartner: true, discoverySeenByPartner: true });
	});

	it('gives the hurt partner no note from the other\'s day of discovery, and nobody a note while asking for space', async () => {
		const [c] = await db.select({ coupleId: triggerSettings.discoveryCoupleId }).from(triggerSettings).where(eq(triggerSettings.userId, 'ann'));
		const annNow: Actor = { userId: 'ann', coupleId: c.coupleId };
		const eveNow: Actor = { userId: 'eve', coupleId: c.coupleId };
		const near = new Date('2026-02-26T10:00:00Z'); // Ann's day, 1 March, is three days off
		expect(await anniversaryFor(db, eveNow, 'ann', 'hurt', near)).toBeNull();
		expect(await anniversaryFor(db, annNow, 'eve', 'repairing', near)).toMatchObject({ day: '2026-03-01' });
		await saveDiscoveryDay(db, eveNow, '2025-03-01');
		expect(await anniversaryFor(db, eveNow, 'ann', 'hurt', near)).toMatchObject({ day: '2026-03-01' });
		await setPaceStatus(db, eveNow, { status: 'space', note: null });
		expect(await anniversaryFor(db, eveNow, 'ann', 'hurt', near)).toBeNull();
	});

	it('goes with the account: deleting a person removes their log, signals and settings', async () => {
		await saveDiscoveryDay(db, bo, '2025-12-07');
		await db.delete(users).where(eq(users.id, 'bo'));
		expect(await db.select().from(triggerEntries).where(eq(triggerEntries.ownerId, 'bo'))).toEqual([]);
		expect(await db.select().from(triggerSignals).where(eq(triggerSignals.ownerId, 'bo'))).toEqual([]);
		expect(await db.select().from(triggerSettings).where(eq(triggerSettings.userId, 'bo'))).toEqual([]);
		expect((await db.select().from(triggerSettings).where(eq(triggerSettings.userId, 'ann'))).length).toBe(1);
	});
});

describe('the trigger kit in the access policy (every kind through the matrix)', () => {
	const actors: Record<string, Actor | null> = {
		owner: { userId: 'owner', coupleId: 'c1' },
		partner: { userId: 'partner', coupleId: 'c1' },
		otherCouple: { userId: 'stranger', coupleId: 'c2' },
		formerPartner: { userId: 'former', coupleId: null },
		anonymous: null,
		admin: { userId: 'admin', coupleId: null, isAdmin: true }
	};
	const actions: Action[] = ['read', 'update', 'delete', 'share', 'unshare', 'respond'];
	const kinds = [
		['a private log entry', triggerAccess.entry({ ownerId: 'owner', sharedCoupleId: null }), false],
		['a shared log entry', triggerAccess.entry({ ownerId: 'owner', sharedCoupleId: 'c1' }), true],
		['an entry shared in an earlier couple', triggerAccess.entry({ ownerId: 'owner', sharedCoupleId: 'c0' }), false],
		['a signal', triggerAccess.signal({ ownerId: 'owner', coupleId: 'c1' }), true],
		['a signal sent in an earlier couple', triggerAccess.signal({ ownerId: 'owner', coupleId: 'c0' }), false],
		['a prepared response saved in this couple', triggerAccess.settings({ userId: 'owner', coupleId: 'c1' }), true],
		['a prepared response saved solo', triggerAccess.settings({ userId: 'owner', coupleId: null }), false]
	] as const;
	for (const [kind, item, partnerSees] of kinds) {
		for (const [name, actor] of Object.entries(actors)) {
			for (const action of actions) {
				const allowed = name === 'owner' || (name === 'partner' && partnerSees && (action === 'read' || action === 'respond'));
				it(`${name} ${allowed ? 'may' : 'may not'} ${action} ${kind}`, () => {
					expect(can(actor, action, item)).toBe(allowed);
				});
			}
		}
	}
});

describe('trigger patterns and the anniversary note', () => {
	const now = new Date('2026-11-30T11:00:00Z'); // a Monday
	it('counts moments per week, weekday and part of the day in Amsterdam time, with mean strength', () => {
		const p = triggerPatterns(
			[
				{ occurredAt: new Date('2026-11-30T06:30:00Z'), strength: 4 }, // Monday 07:30 local: morning
				{ occurredAt: new Date('2026-11-29T23:30:00Z'), strength: 2 }, // Monday 00:30 local: night, this week
				{ occurredAt: new Date('2026-11-28T19:00:00Z'), strength: null }, // Saturday 20:00: evening, last week
				{ occurredAt: new Date('2026-08-01T12:00:00Z'), strength: 5 } // long before the window
			],
			now,
			4
		);
		expect(p.total).toBe(3);
		expect(p.weeks.map((w) => w.weekStart)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
		expect(p.weeks.map((w) => [w.count, w.strength])).toEqual([[0, null], [0, null], [1, null], [2, 3]]);
		expect(p.weekdays.map((d) => d.count)).toEqual([2, 0, 0, 0, 0, 1, 0]);
		expect(Object.fromEntries(p.parts.map((x) => [x.part, x.count]))).toEqual({ night: 1, morning: 1, afternoon: 0, evening: 1 });
		expect(patternsSince(now, 4).getTime()).toBeLessThanOrEqual(new Date('2026-11-08T23:00:00Z').getTime());
	});

	it('gives a quiet note from a week before the day comes round until the day itself', () => {
		expect(upcomingAnniversary('2025-12-07', now)).toEqual({ day: '2026-12-07', years: 1, inDays: 7 });
		expect(upcomingAnniversary('2025-12-08', now)).toBeNull();
		expect(upcomingAnniversary('2024-11-30', now)).toMatchObject({ day: '2026-11-30', inDays: 0, years: 2 });
		expect(upcomingAnniversary('2026-11-29', now)).toBeNull();
		expect(upcomingAnniversary('2024-02-29', new Date('2027-02-25T10:00:00Z'))).toMatchObject({ day: '2027-02-28', inDays: 3 });
		expect(upcomingAnniversary('2025-01-03', new Date('2026-12-30T10:00:00Z'))).toMatchObject({ day: '2027-01-03', years: 2 });
		expect(upcomingAnniversary(null, now)).toBeNull();
		// The partner's day counts for the repairing partner, never for the hurt one; space silences both.
		expect(chooseAnniversary(null, '2025-12-07', { role: 'repairing', space: false }, now)).toMatchObject({ inDays: 7 });
		expect(chooseAnniversary(null, '2025-12-07', { role: 'hurt', space: false }, now)).toBeNull();
		expect(chooseAnniversary('2025-12-07', null, { role: 'hurt', space: true }, now)).toBeNull();
		// Discovered this year: no anniversary yet.
		expect(upcomingAnniversary('2026-11-25', now)).toBeNull();
	});
});

describe('the day of discovery is checked against the local day', () => {
	it('accepts today in Amsterdam even when UTC is still on yesterday, and no later day', () => {
		const justAfterMidnight = new Date('2026-11-30T23:30:00Z'); // 1 December, 00:30 in Amsterdam
		expect(isDiscoveryDay('2026-12-01', justAfterMidnight)).toBe(true);
		expect(isDiscoveryDay('2026-12-02', justAfterMidnight)).toBe(false);
		expect(isDiscoveryDay('1996-12-01', justAfterMidnight)).toBe(true);
		expect(isDiscoveryDay('1996-11-30', justAfterMidnight)).toBe(false);
		expect(isDiscoveryDay('2026-02-30', justAfterMidnight)).toBe(false);
	});
});
