import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '.';
import { grantAppRole } from './app-role';
import { coupleMembers, couples, letters, pointLetterVersions, users } from './schema';
import { and, eq } from 'drizzle-orm';
import { clearPaceStatus, setPaceStatus } from '../couple/pace';
import { chooseDecision, getDecision, startNewDecision } from '../decision/decision';
import { dayFromToday } from '$lib/schemas/hard-parts';
import { getMyRestitution, openPointLetter, readReceivedImpact, saveImpactVersion, saveRestitutionVersion, sendImpactVersion } from '../letters/points';

/**
 * The second wall for the decision, the trigger kit and the impact letters (issue 11, items 4–6):
 * as the app role, the database itself shows a partner nothing before the service would.
 */
describe(`row-level security for the hard parts (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const role = `herstelpad_app_hb_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const ids = { ann: 'u-ann', bo: 'u-bo', cas: 'u-cas', dee: 'u-dee' };
	const act = (userId: string, coupleId: string) => ({ userId, coupleId });

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
		await db.execute(sql`create role ${sql.identifier(role)} login nosuperuser nocreatedb nocreaterole nobypassrls`);
		await grantAppRole(db, role);
		await db.insert(users).values(Object.values(ids).map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
		await db.insert(couples).values([{ id: 'c1' }, { id: 'c2' }]);
		await db.insert(coupleMembers).values([
			{ coupleId: 'c1', userId: ids.ann },
			{ coupleId: 'c1', userId: ids.bo },
			{ coupleId: 'c2', userId: ids.cas },
			{ coupleId: 'c2', userId: ids.dee }
		]);
	});

	afterAll(async () => {
		await db.execute(sql`drop owned by ${sql.identifier(role)}`);
		await db.execute(sql`drop role ${sql.identifier(role)}`);
	});

	it('hides a choice from the partner until both have chosen, and from other couples always', async () => {
		const review = dayFromToday(60);
		await asApp(ids.ann, (tx) => chooseDecision(tx, act(ids.ann, 'c1'), { path: 'together', why: 'ann why', reviewOn: review }));
		await asApp(ids.cas, (tx) => chooseDecision(tx, act(ids.cas, 'c2'), { path: 'apart', why: 'cas why', reviewOn: review }));
		expect(await asApp(ids.bo, (tx) => rows(tx, 'select why from decision_choices'))).toEqual([]);
		await asApp(ids.bo, (tx) => chooseDecision(tx, act(ids.bo, 'c1'), { path: 'later', why: 'bo why', reviewOn: review }));
		expect((await asApp(ids.bo, (tx) => rows(tx, 'select why from decision_choices order by why'))).map((r) => r.why)).toEqual(['ann why', 'bo why']);
		expect((await asApp(ids.bo, (tx) => getDecision(tx, act(ids.bo, 'c1')))).partner?.why).toBe('ann why');
		expect((await asApp(ids.dee, (tx) => rows(tx, 'select why from decision_choices'))).map((r) => r.why)).toEqual([]);
		// Deciding again archives both, as the app role too; a new choice is hidden again.
		await asApp(ids.bo, (tx) => startNewDecision(tx, act(ids.bo, 'c1')));
		await asApp(ids.ann, (tx) => chooseDecision(tx, act(ids.ann, 'c1'), { path: 'apart', why: 'ann again', reviewOn: review }));
		expect((await asApp(ids.bo, (tx) => rows(tx, 'select why, archived_at is not null as archived from decision_choices order by why'))).map((r) => [r.why, r.archived])).toEqual([
			['ann why', true],
			['bo why', true]
		]);
		expect(await asApp(ids.dee, (tx) => rows(tx, "update decision_choices set why = 'x' returning id"))).toEqual([]);
	});

	it('keeps impact and restitution drafts with their writer and a sent letter inside its couple', async () => {
		const bo = act(ids.bo, 'c1');
		const ann = act(ids.ann, 'c1');
		const { draftId } = await asApp(ids.bo, (tx) => saveImpactVersion(tx, bo, ['BO-POINT-1', 'BO-POINT-2']));
		await asApp(ids.bo, (tx) => saveImpactVersion(tx, bo, ['BO-DRAFT-ONLY']));
		expect(await asApp(ids.ann, (tx) => rows(tx, 'select id from point_letters'))).toEqual([]);
		expect(await asApp(ids.ann, (tx) => rows(tx, 'select id from point_letter_versions'))).toEqual([]);
		await asApp(ids.bo, (tx) => sendImpactVersion(tx, bo, draftId, 1));
		// The partner reads the version that was sent, never the later draft; another couple reads nothing.
		expect((await asApp(ids.ann, (tx) => rows(tx, 'select points from point_letter_versions'))).map((r) => r.points)).toEqual([['BO-POINT-1', 'BO-POINT-2']]);
		expect(await asApp(ids.dee, (tx) => rows(tx, 'select id from point_letter_versions'))).toEqual([]);
		expect(await asApp(ids.dee, (tx) => rows(tx, 'select id from point_letters'))).toEqual([]);
		expect(await asApp(ids.ann, (tx) => rows(tx, "update point_letter_versions set points = '[]'::jsonb returning id"))).toEqual([]);
		const impact = (await asApp(ids.ann, (tx) => readReceivedImpact(tx, ann)))!;
		await asApp(ids.ann, (tx) => openPointLetter(tx, ann, impact.letterId));
		await asApp(ids.ann, (tx) => saveRestitutionVersion(tx, ann, { impactLetterId: impact.letterId, answers: ['ANN-ANSWER', ''], ruleIds: [[], null] }));
		// A restitution draft is the writer's alone.
		expect(await asApp(ids.bo, (tx) => rows(tx, "select id from point_letter_versions where owner_id = 'u-ann'"))).toEqual([]);
		expect((await asApp(ids.ann, (tx) => getMyRestitution(tx, ann, impact.letterId))).unanswered).toEqual([2]);
	});

	it('shows the partner a sent version only while its letter is delivered: not while it waits, not once withdrawn, not before it is linked', async () => {
		const cas = act(ids.cas, 'c2');
		const dee = act(ids.dee, 'c2');
		const seen = async () => (await asApp(ids.dee, (tx) => rows(tx, 'select points from point_letter_versions'))).map((r) => r.points);
		const { draftId } = await asApp(ids.cas, (tx) => saveImpactVersion(tx, cas, ['CAS-POINT']));
		await asApp(ids.cas, (tx) => saveImpactVersion(tx, cas, ['CAS-SECOND']));
		// Dee asked for space: the letter waits, and its points stay with their writer.
		await asApp(ids.dee, (tx) => setPaceStatus(tx, dee, { status: 'space', note: null }));
		expect((await asApp(ids.cas, (tx) => sendImpactVersion(tx, cas, draftId, 1))).waiting).toBe(true);
		expect(await seen()).toEqual([]);
		expect(await asApp(ids.dee, (tx) => rows(tx, 'select id from point_letters'))).toEqual([]);
		await asApp(ids.dee, (tx) => clearPaceStatus(tx, dee));
		expect(await seen()).toEqual([['CAS-POINT']]);
		expect(await asApp(ids.dee, (tx) => rows(tx, 'select id from point_letters'))).toHaveLength(1);
		// A version claimed for sending but not yet linked to its letter is not the partner's yet.
		await db.update(pointLetterVersions).set({ sentAt: new Date(), sentCoupleId: 'c2' }).where(and(eq(pointLetterVersions.draftId, draftId), eq(pointLetterVersions.number, 2)));
		expect(await seen()).toEqual([['CAS-POINT']]);
		// A withdrawn letter takes its points with it.
		await db.update(letters).set({ withdrawnAt: new Date() }).where(eq(letters.senderId, ids.cas));
		expect(await seen()).toEqual([]);
		expect(await asApp(ids.dee, (tx) => rows(tx, 'select id from point_letters'))).toEqual([]);
	});
});
