import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '.';
import { grantAppRole } from './app-role';
import { apologyDrafts, apologyVersions, consentEvents, coupleMembers, couples, letters, needs, paceStatus, reflections, securityEvents, stepProgress, talkAccountEntries, talkAccounts, talkAgreements, talkQuestions, talkReplies, users } from './schema';
import { createReflection, getReflection, listMyReflections, listSharedWithMe } from '../reflections/reflections';
import { acknowledgeNeed, getPartnerPace } from '../couple/pace';
import { listLetterbox, openLetter } from '../couple/letters';
import { exportUserData } from '../privacy/export';

/**
 * The second wall: with the app's own role (rows only, no DDL) and an actor set, PostgreSQL itself
 * returns nothing foreign, even to a query without a `where`. Runs on PGlite and PostgreSQL alike
 * by switching role inside a transaction (`set local role`), exactly what a connection as that
 * role sees; rls-connection.test.ts proves the same over a real login on PostgreSQL.
 */
/** Needed before anyone is signed in, or to know who belongs to which couple (decision 006). */
const unprotectedTables = ['users', 'sessions', 'password_reset_tokens', 'rate_limits', 'invitations', 'couples', 'couple_members', 'vapid_keys'] as const;
/** Trust (issue 10): tested in detail in src/lib/server/trust/rls.test.ts. */
const trustTables = ['trust_checkins', 'trust_preferences', 'self_ratings', 'safety_checks', 'contact_log', 'contact_questions', 'transparency_measures', 'transparency_requests', 'memories'] as const;
/** Deeds (issue 10): tested in detail in src/lib/server/deeds/rls.test.ts. */
const deedsTables = ['wishes', 'commitments', 'commitment_events', 'check_ins', 'commitment_comments'] as const;
/** Self-test results (own only) and booklet sign-ups (system work only): issue 12. */
const publicSideTables = ['self_test_results', 'booklet_signups', 'booklet_tokens'] as const;
/** Comments (issue 12): row-level security, but approved comments are for everyone; see src/lib/server/comments/comments.test.ts. */
const commentTables = ['comments'] as const;
/** The trigger kit (issue 11, item 4): tested in detail in src/lib/server/triggers/triggers.test.ts. */
const triggerTables = ['trigger_entries', 'trigger_signals', 'trigger_settings'] as const;
/** The weekly relationship hour (issue 13, item 5): tested in detail in src/lib/server/hour/hour.test.ts. */
const hourTables = ['hour_slots', 'hour_entries', 'hour_notes'] as const;
/** The private calendar feed (issue 13, item 6): owner only; see src/lib/server/calendar/feed.test.ts. */
const calendarTables = ['calendar_feeds'] as const;
/** Notifications (issue 13, item 3): tested in detail in src/lib/server/notifications/notifications.test.ts. */
const notificationTables = ['notification_preferences', 'push_subscriptions', 'notification_outbox'] as const;
const personalTables = ['reflections', 'letters', 'needs', 'pace_status', 'apology_drafts', 'apology_versions', 'step_progress', 'security_events', 'consent_events', 'form_submissions', 'couple_notices', ...trustTables, ...deedsTables, 'decision_choices', 'talk_agreements', 'talk_accounts', 'talk_account_entries', 'talk_questions', 'talk_replies', ...triggerTables, 'point_letters', 'point_letter_versions', ...hourTables, ...calendarTables, ...notificationTables, ...publicSideTables] as const;

describe(`row-level security and the app role (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const role = `herstelpad_app_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	// Two couples (ann+bo, cas+dee) and someone solo (eve).
	const ids = { ann: 'u-ann', bo: 'u-bo', cas: 'u-cas', dee: 'u-dee', eve: 'u-eve' };

	/** Runs `work` as the app role with `actor` acting, in a transaction that ends with the work. */
	async function asApp<T>(actor: string | null, work: (tx: Database) => Promise<T>): Promise<T> {
		return db.transaction(async (tx) => {
			await tx.execute(sql`select set_config('app.user_id', ${actor ?? ''}, true), set_config('app.system', 'off', true)`);
			await tx.execute(sql`set local role ${sql.identifier(role)}`);
			return work(tx as unknown as Database);
		});
	}
	/** The database's own message (Drizzle wraps it in "Failed query: …"). */
	const refusal = async (work: Promise<unknown>) => {
		try {
			await work;
		} catch (err) {
			return String((err as { cause?: Error }).cause?.message ?? (err as Error).message);
		}
		return 'no error';
	};
	const rows = async (tx: Database, query: string) => ((await tx.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;

	beforeAll(async () => {
		db = database();
		await db.execute(sql`create role ${sql.identifier(role)} login nosuperuser nocreatedb nocreaterole nobypassrls`);
		// As documented in the README: the owner grants the app role rows, nothing more.
		await grantAppRole(db, role);

		await db.insert(users).values(
			Object.values(ids).map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() }))
		);
		await db.insert(couples).values([{ id: 'c1' }, { id: 'c2' }]);
		await db.insert(coupleMembers).values([
			{ coupleId: 'c1', userId: ids.ann },
			{ coupleId: 'c1', userId: ids.bo },
			{ coupleId: 'c2', userId: ids.cas },
			{ coupleId: 'c2', userId: ids.dee }
		]);
		await db.insert(reflections).values([
			{ id: 'r-ann-private', ownerId: ids.ann, prompt: 'p', body: 'ann private' },
			{ id: 'r-ann-shared', ownerId: ids.ann, prompt: 'p', body: 'ann shared', sharedCoupleId: 'c1' },
			{ id: 'r-bo-private', ownerId: ids.bo, prompt: 'p', body: 'bo private' },
			{ id: 'r-bo-shared', ownerId: ids.bo, prompt: 'p', body: 'bo shared', sharedCoupleId: 'c1' },
			{ id: 'r-cas-shared', ownerId: ids.cas, prompt: 'p', body: 'cas shared', sharedCoupleId: 'c2' },
			{ id: 'r-eve-private', ownerId: ids.eve, prompt: 'p', body: 'eve private' }
		]);
		await db.insert(letters).values([
			{ id: 'l-ann-to-bo', senderId: ids.ann, recipientId: ids.bo, coupleId: 'c1', kind: 'letter', body: 'to bo' },
			{ id: 'l-bo-to-ann', senderId: ids.bo, recipientId: ids.ann, coupleId: 'c1', kind: 'letter', body: 'to ann' },
			{ id: 'l-bo-withdrawn', senderId: ids.bo, recipientId: ids.ann, coupleId: 'c1', kind: 'letter', body: 'taken back', withdrawnAt: new Date() },
			{ id: 'l-cas-to-dee', senderId: ids.cas, recipientId: ids.dee, coupleId: 'c2', kind: 'letter', body: 'to dee' }
		]);
		await db.insert(needs).values([
			{ id: 'n-ann', ownerId: ids.ann, coupleId: 'c1', body: 'ann needs' },
			{ id: 'n-bo', ownerId: ids.bo, coupleId: 'c1', body: 'bo needs' },
			{ id: 'n-bo-earlier', ownerId: ids.bo, coupleId: 'c-ended', body: 'for an earlier partner' },
			{ id: 'n-cas', ownerId: ids.cas, coupleId: 'c2', body: 'cas needs' },
			{ id: 'n-eve', ownerId: ids.eve, coupleId: null, body: 'eve needs' }
		]);
		await db.insert(paceStatus).values([
			{ userId: ids.bo, status: 'space' },
			{ userId: ids.dee, status: 'ready-to-talk' },
			{ userId: ids.eve, status: 'space' }
		]);
		await db.insert(apologyDrafts).values([
			{ id: 'd-ann', ownerId: ids.ann },
			{ id: 'd-cas', ownerId: ids.cas }
		]);
		await db.insert(apologyVersions).values([
			{ id: 'v-ann', draftId: 'd-ann', number: 1, body: 'ann draft', language: 'nl' },
			{ id: 'v-cas', draftId: 'd-cas', number: 1, body: 'cas draft', language: 'nl' }
		]);
		await db.insert(stepProgress).values([
			{ userId: ids.ann, track: 'repairing', step: 'confess' },
			{ userId: ids.cas, track: 'repairing', step: 'confess' }
		]);
		await db.insert(securityEvents).values([
			{ userId: ids.ann, kind: 'sign-in' },
			{ userId: ids.cas, kind: 'sign-in' }
		]);
		await db.insert(consentEvents).values([
			{ userId: ids.ann, kind: 'given', textVersion: 't', locale: 'nl' },
			{ userId: ids.cas, kind: 'given', textVersion: 't', locale: 'nl' }
		]);
	});

	afterAll(async () => {
		// Roles belong to the whole server: take this one's grants away here, then the role itself.
		await db.execute(sql`drop owned by ${sql.identifier(role)}`);
		await db.execute(sql`drop role ${sql.identifier(role)}`);
	});

	it('turns row-level security on for every personal table, with policies', async () => {
		// A new table must be classified: personal (with policies) or deliberately unprotected.
		const all = await rows(db, `select tablename from pg_tables where schemaname = 'public' order by tablename`);
		expect(all.map((r) => r.tablename)).toEqual([...personalTables, ...commentTables, ...unprotectedTables].sort());
		const enabled = await rows(db, `select relname from pg_class where relrowsecurity and relnamespace = 'public'::regnamespace order by relname`);
		expect(enabled.map((r) => r.relname)).toEqual([...personalTables, ...commentTables].sort());
		const policies = await rows(db, `select distinct tablename from pg_policies where schemaname = 'public' order by tablename`);
		expect(policies.map((r) => r.tablename)).toEqual([...personalTables, ...commentTables].sort());
	});

	it('refuses to grant to a role that would skip the wall', async () => {
		const bypassing = `${role}_bypass`;
		await db.execute(sql`create role ${sql.identifier(bypassing)} nologin bypassrls`);
		try {
			expect(await refusal(grantAppRole(db, bypassing))).toMatch(/neither superuser nor BYPASSRLS/);
			expect(await refusal(grantAppRole(db, 'postgres'))).toMatch(/must not be the owner|neither superuser/);
		} finally {
			await db.execute(sql`drop role ${sql.identifier(bypassing)}`);
		}
	});

	it('leaves the owner unaffected: migrations, the embedded default and tests see every row', async () => {
		expect(await db.$count(reflections)).toBe(6);
	});

	it('refuses the app role any change to the schema', async () => {
		for (const statement of [
			'create table intruder (id int)',
			'alter table reflections add column intruder int',
			'alter table reflections disable row level security',
			'drop policy reflections_owner on reflections',
			'drop table reflections',
			'create function intruder() returns int language sql as $$ select 1 $$',
			`select herstelpad_grant_app_role('${role}')`
		]) {
			expect(await refusal(asApp(ids.ann, (tx) => rows(tx, statement))), statement).toMatch(/permission denied|must be owner/);
		}
	});

	it('lets a query without a where see only what the acting user may read', async () => {
		const seen = await asApp(ids.ann, async (tx) => ({
			reflections: (await rows(tx, 'select id from reflections order by id')).map((r) => r.id),
			letters: (await rows(tx, 'select id from letters order by id')).map((r) => r.id),
			needs: (await rows(tx, 'select id from needs order by id')).map((r) => r.id),
			pace: (await rows(tx, 'select user_id from pace_status')).map((r) => r.user_id),
			drafts: (await rows(tx, 'select id from apology_drafts')).map((r) => r.id),
			versions: (await rows(tx, 'select id from apology_versions')).map((r) => r.id),
			steps: (await rows(tx, 'select user_id from step_progress')).map((r) => r.user_id),
			events: (await rows(tx, 'select user_id from security_events')).map((r) => r.user_id),
			consent: (await rows(tx, 'select user_id from consent_events')).map((r) => r.user_id)
		}));
		expect(seen).toEqual({
			// Her own, and what bo shared with their couple; never bo's private one, nor another couple's.
			reflections: ['r-ann-private', 'r-ann-shared', 'r-bo-shared'],
			// What she sent, and what was sent to her and not withdrawn.
			letters: ['l-ann-to-bo', 'l-bo-to-ann'],
			// Her own, and bo's for this couple; not bo's needs for an earlier partner.
			needs: ['n-ann', 'n-bo'],
			pace: [ids.bo],
			drafts: ['d-ann'],
			versions: ['v-ann'],
			steps: [ids.ann],
			events: [ids.ann],
			consent: [ids.ann]
		});
	});

	it('shows someone solo only their own rows', async () => {
		const seen = await asApp(ids.eve, async (tx) => ({
			reflections: (await rows(tx, 'select id from reflections')).map((r) => r.id),
			needs: (await rows(tx, 'select id from needs')).map((r) => r.id),
			pace: (await rows(tx, 'select user_id from pace_status')).map((r) => r.user_id),
			letters: await rows(tx, 'select id from letters')
		}));
		expect(seen).toEqual({ reflections: ['r-eve-private'], needs: ['n-eve'], pace: [ids.eve], letters: [] });
	});

	it('returns nothing personal when nobody is acting', async () => {
		await asApp(null, async (tx) => {
			for (const table of personalTables) expect(await rows(tx, `select * from ${table}`), table).toEqual([]);
		});
	});

	it('refuses a cross-couple read made directly in SQL, even by id', async () => {
		await asApp(ids.cas, async (tx) => {
			expect(await rows(tx, `select body from reflections where id in ('r-ann-private', 'r-ann-shared', 'r-bo-shared')`)).toEqual([]);
			expect(await rows(tx, `select body from letters where couple_id = 'c1'`)).toEqual([]);
			expect(await rows(tx, `select body from needs where owner_id = '${ids.ann}'`)).toEqual([]);
		});
	});

	it('lets no write reach another person’s rows', async () => {
		await asApp(ids.cas, async (tx) => {
			await tx.execute(sql`update reflections set body = 'overwritten'`);
			await tx.execute(sql`delete from needs`);
			await tx.execute(sql`update letters set opened_at = now()`);
			await tx.execute(sql`delete from pace_status`);
		});
		expect((await db.select({ body: reflections.body }).from(reflections).where(sql`owner_id <> ${ids.cas}`)).map((r) => r.body)).not.toContain('overwritten');
		expect(await db.$count(needs)).toBe(4); // only cas's own need went
		expect(await db.$count(letters, sql`opened_at is not null and sender_id <> ${ids.cas}`)).toBe(0);
		expect(await db.$count(paceStatus)).toBe(3); // cas had none; dee's is dee's
		expect(await refusal(asApp(ids.cas, (tx) => tx.insert(reflections).values({ id: 'r-forged', ownerId: ids.ann, prompt: 'p', body: 'forged' })))).toMatch(/row-level security/);
		// A letter only into one's own couple.
		expect(
			await refusal(asApp(ids.cas, (tx) => tx.insert(letters).values({ id: 'l-forged', senderId: ids.cas, recipientId: ids.ann, coupleId: 'c1', kind: 'letter', body: 'x' })))
		).toMatch(/row-level security/);
	});

	it('keeps security and consent events append-only for the app role', async () => {
		await asApp(ids.ann, async (tx) => {
			await tx.execute(sql`delete from security_events`);
			await tx.execute(sql`update consent_events set kind = 'withdrawn'`);
			await tx.execute(sql`delete from consent_events`);
		});
		expect(await db.$count(securityEvents, sql`user_id = ${ids.ann}`)).toBe(1);
		expect(await db.$count(consentEvents, sql`user_id = ${ids.ann} and kind = 'given'`)).toBe(1);
	});

	it('runs the services as the app role with the actor set', async () => {
		const annActor = { userId: ids.ann, coupleId: 'c1' };
		const boActor = { userId: ids.bo, coupleId: 'c1' };
		const { id } = await asApp(ids.ann, (tx) => createReflection(tx, annActor, { prompt: 'why-it-happened', body: 'written as the app role' }));
		expect((await asApp(ids.ann, (tx) => getReflection(tx, annActor, id))).body).toBe('written as the app role');
		expect((await asApp(ids.ann, (tx) => listMyReflections(tx, annActor))).map((r) => r.id)).toContain(id);
		expect((await asApp(ids.ann, (tx) => listSharedWithMe(tx, annActor))).map((r) => r.id)).toEqual(['r-bo-shared']);
		// Another user's private item: invisible to the database, so the same "not found" as ever.
		await expect(asApp(ids.ann, (tx) => getReflection(tx, annActor, 'r-bo-private'))).rejects.toThrow('not_found');
		expect((await asApp(ids.bo, (tx) => listLetterbox(tx, boActor))).map((l) => l.id)).toEqual(['l-ann-to-bo']);
		expect((await asApp(ids.bo, (tx) => openLetter(tx, boActor, 'l-ann-to-bo'))).body).toBe('to bo');
		await asApp(ids.bo, (tx) => acknowledgeNeed(tx, boActor, 'n-ann'));
		expect((await asApp(ids.bo, (tx) => getPartnerPace(tx, boActor)))?.needs[0].acknowledgedAt).toBeInstanceOf(Date);
		const exported = await asApp(ids.ann, (tx) => exportUserData(tx, ids.ann));
		expect(exported.reflections.map((r) => r.text)).toContain('written as the app role');
		expect(exported.lettersSent.map((l) => l.text)).toEqual(['to bo']);
	});

	it('keeps agreements, accounts and questions inside their couple (issue 11)', async () => {
		await db.insert(talkAgreements).values([
			{ id: 'ag-c1', coupleId: 'c1', proposerId: ids.ann, detail: 'facts', timing: 'any-time', timeoutWord: 'pause' },
			{ id: 'ag-c2', coupleId: 'c2', proposerId: ids.cas, detail: 'facts', timing: 'any-time', timeoutWord: 'stop' }
		]);
		await db.insert(talkAccounts).values([
			{ id: 'acc-ann-sent', ownerId: ids.ann, coupleId: 'c1', sentAt: new Date() },
			{ id: 'acc-bo-draft', ownerId: ids.bo },
			{ id: 'acc-cas-sent', ownerId: ids.cas, coupleId: 'c2', sentAt: new Date() }
		]);
		await db.insert(talkAccountEntries).values([
			{ id: 'e-ann', accountId: 'acc-ann-sent', ownerId: ids.ann, fromDate: '2025-01-01', body: 'ann entry' },
			{ id: 'e-bo', accountId: 'acc-bo-draft', ownerId: ids.bo, fromDate: '2025-01-01', body: 'bo draft entry' },
			{ id: 'e-cas', accountId: 'acc-cas-sent', ownerId: ids.cas, fromDate: '2025-01-01', body: 'cas entry' }
		]);
		await db.insert(talkQuestions).values([
			{ id: 'q-bo', coupleId: 'c1', askerId: ids.bo, body: 'bo asks' },
			{ id: 'q-dee', coupleId: 'c2', askerId: ids.dee, body: 'dee asks' }
		]);
		await db.insert(talkReplies).values([
			{ id: 'rp-ann', questionId: 'q-bo', coupleId: 'c1', authorId: ids.ann, kind: 'answer', body: 'ann answers' },
			{ id: 'rp-cas', questionId: 'q-dee', coupleId: 'c2', authorId: ids.cas, kind: 'answer', body: 'cas answers' }
		]);
		const ids_ = async (tx: Database, table: string) => (await rows(tx, `select id from ${table} order by id`)).map((r) => r.id);
		const seenBy = (actor: string) =>
			asApp(actor, async (tx) => ({
				agreements: await ids_(tx, 'talk_agreements'),
				accounts: await ids_(tx, 'talk_accounts'),
				entries: await ids_(tx, 'talk_account_entries'),
				questions: await ids_(tx, 'talk_questions'),
				replies: await ids_(tx, 'talk_replies')
			}));
		// Bo sees the couple's agreement, Ann's sent account, their question and Ann's answer; his own draft too.
		expect(await seenBy(ids.bo)).toEqual({ agreements: ['ag-c1'], accounts: ['acc-ann-sent', 'acc-bo-draft'], entries: ['e-ann', 'e-bo'], questions: ['q-bo'], replies: ['rp-ann'] });
		// Ann never sees Bo's draft.
		expect((await seenBy(ids.ann)).entries).toEqual(['e-ann']);
		expect(await seenBy(ids.eve)).toEqual({ agreements: [], accounts: [], entries: [], questions: [], replies: [] });
		// Another couple can neither read nor write across.
		await asApp(ids.cas, async (tx) => {
			await tx.execute(sql`update talk_agreements set accepted_at = now()`);
			await tx.execute(sql`update talk_questions set answered_at = now()`);
			await tx.execute(sql`delete from talk_account_entries`);
		});
		expect(await db.$count(talkAgreements, sql`accepted_at is not null and couple_id = 'c1'`)).toBe(0);
		expect(await db.$count(talkQuestions, sql`answered_at is not null and couple_id = 'c1'`)).toBe(0);
		expect(await db.$count(talkAccountEntries)).toBe(2);
		expect(
			await refusal(asApp(ids.cas, (tx) => tx.insert(talkQuestions).values({ id: 'q-forged', coupleId: 'c1', askerId: ids.cas, body: 'x' })))
		).toMatch(/row-level security/);
		expect(
			await refusal(asApp(ids.cas, (tx) => tx.insert(talkReplies).values({ id: 'rp-forged', questionId: 'q-bo', coupleId: 'c1', authorId: ids.cas, kind: 'answer', body: 'x' })))
		).toMatch(/row-level security/);
	});
});
