import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect, type Cookies } from '@sveltejs/kit';
import { databaseKind, useAppDatabase } from '../../tests/setup/test-db';
import { onQuery, type Database } from '$lib/server/db';
import { sessionCacheOf } from '$lib/server/db/session-cache';
import { signUp } from '$lib/server/auth/accounts';
import { validateSession, type SessionUser } from '$lib/server/auth/sessions';
import { actorOf } from '$lib/server/access/actor';
import { actAs } from '$lib/server/access/refusals';
import { chooseRole } from '$lib/server/users/users';
import { acceptInvitation, createInvitation } from '$lib/server/couple/invitations';
import { addNeed, setPaceStatus } from '$lib/server/couple/pace';
import { sendLetter } from '$lib/server/couple/letters';
import { createReflection, shareReflection } from '$lib/server/reflections/reflections';
import { saveApologyVersion } from '$lib/server/apology/drafts';
import { markStepDone } from '$lib/server/program/progress';
import { analysisPool } from '$lib/server/coach/analyze';
import { createCommitment } from '$lib/server/deeds/commitments';
import { askQuestion } from '$lib/server/talk/questions';
import { openPointLetter, readReceivedImpact, saveImpactVersion, saveRestitutionVersion, sendImpactVersion } from '$lib/server/letters/points';
import { addTrustCheckin } from '$lib/server/trust/checkins';
import { shareEntry, signalTrigger } from '$lib/server/triggers/log';
import { savePreparedResponse } from '$lib/server/triggers/settings';
import { saveSelfTestResult } from '$lib/server/selftest/results';
import { QUESTIONS } from '$lib/selftest/scoring';

/**
 * Every signed-in page's load, run for a person in a couple with some of everything, while the
 * database's query hook (onQuery) records what the page asks. Two promises are checked per page:
 *
 * - a bounded number of queries (no lists looked up row by row, no second look-up of what the
 *   session already holds, such as the couple);
 * - every query can use an index: each one is explained with sequential scans discouraged, and a
 *   "Seq Scan" that remains means no index can serve it, which at 10,000 couples reads every
 *   couple's rows (issue 14: one such query took a page from 566 to 10 requests a second).
 *
 * Pages are found from the route files, so a page added later is covered without editing this
 * file; a page with a parameter needs an example value in PARAMS (one missing fails the test).
 */

/** Most pages need 1–5 queries; a page needing more should say why here. */
const MAX_QUERIES = 8;
const QUERY_BUDGET: Record<string, number> = {
	// The home page gathers what matters today from every area: progress; both partners' pace (the
	// partner's status, and the reader's own: no anniversary note while they asked for space; issue
	// 11); the commitments, own and shared, with their history and check-ins; waiting wishes;
	// letters; the shared trust week; the trigger kit's notices; the days of discovery (the
	// anniversary note). Ten queries, the same for a year of history as for one day
	// (dashboard/home.server.test.ts); the partner comes with the session.
	'/dashboard': 10
};

/** Pages for people who are not signed in, or that only redirect: not part of this check. */
const SIGNED_OUT = new Set(['/', '/signin', '/signup', '/forgot-password', '/reset-password', '/invite/[token]', '/quick-exit', '/signout', '/language']);

const pages = import.meta.glob('/src/routes/**/+page.server.ts');
const layouts = import.meta.glob('/src/routes/**/+layout.server.ts');
const routeId = (file: string) => file.replace(/^\/src\/routes/, '').replace(/\/\+(page|layout)\.server\.ts$/, '') || '/';

interface Seeded {
	user: SessionUser;
	sessionId: string;
	params: Record<string, Record<string, string>>;
}

interface Captured {
	query: string;
	params: unknown[];
}

describe(`signed-in pages: few queries, each served by an index (${databaseKind})`, () => {
	const database = useAppDatabase();
	let db: Database;
	let seeded: Seeded;
	afterAll(() => analysisPool().close());

	beforeAll(async () => {
		db = database();
		// A few couples, so a page that forgot its couple would have rows to find.
		for (let i = 0; i < 3; i++) await seedCouple(db, i);
		seeded = await seedCouple(db, 99);
	}, 120_000);

	function capture<T>(work: () => Promise<T>) {
		const statements: Captured[] = [];
		const stop = onQuery((query, params) => statements.push({ query, params }));
		return work().finally(stop).then(
			(result) => ({ statements, result }),
			(err: unknown) => {
				// A page may answer with a redirect (say, onboarding done) or a 404; its queries still count.
				if (isRedirect(err) || isHttpError(err)) return { statements, result: undefined };
				throw err;
			}
		);
	}

	async function loadPage(id: string, search = '') {
		const page = (await pages[`/src/routes${id === '/' ? '' : id}/+page.server.ts`]()) as { load?: (event: unknown) => unknown };
		if (!page.load) return { statements: [] as Captured[] };
		const params = seeded.params[id] ?? {};
		const path = id.replace(/\[(\w+)(=\w+)?\]/g, (_, name: string) => params[name]);
		const url = new URL(`http://herstelpad.test${path}${search}`);
		const layoutData = {};
		const event = {
			locals: { user: seeded.user, sessionId: seeded.sessionId, locale: 'nl', address: '127.0.0.1' },
			url,
			params,
			route: { id },
			request: new Request(url),
			cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' } as unknown as Cookies,
			parent: async () => layoutData,
			depends() {},
			untrack: <T>(fn: () => T) => fn(),
			setHeaders() {},
			getClientAddress: () => '127.0.0.1',
			isDataRequest: false,
			isSubRequest: false,
			fetch
		};
		return capture(async () => actAs(db, seeded.user.id, () => page.load!(event)));
	}

	const signedInPages = Object.keys(pages)
		.map(routeId)
		.filter((id) => !SIGNED_OUT.has(id))
		.sort();

	it('finds the signed-in pages from the route files', () => {
		expect(signedInPages).toEqual(expect.arrayContaining(['/dashboard', '/together', '/reflections', '/coach', '/coach/drafts/[id=uuid]', '/settings']));
		expect(Object.keys(layouts).map(routeId)).toContain('/');
	});

	it('looks the session up with one query, served by the primary key', async () => {
		const token = (await signUp(db, { email: 'lookup@example.org', password: 'a quiet morning walk', displayName: 'L', locale: 'nl' })).session.token;
		sessionCacheOf(db)?.clear();
		const { statements } = await capture(() => validateSession(db, token));
		expect(statements).toHaveLength(1);
		await expectIndexed(db, statements, 'session');
	});

	it.each(signedInPages)('%s asks few queries, each served by an index', async (id) => {
		if (/\[/.test(id)) expect(seeded.params[id], `add example parameters for ${id} to seedCouple's params`).toBeDefined();
		const { statements } = await loadPage(id);
		const budget = QUERY_BUDGET[id] ?? MAX_QUERIES;
		expect(statements.length, `${id} asked:\n${statements.map((s) => s.query).join('\n')}`).toBeLessThanOrEqual(budget);
		// Nothing a page shows is written while it loads (a plain GET must not change data).
		// The one write allowed: a page the policy refused (say, /admin for someone who is not) is
		// recorded as a security event (kind and time only), by design.
		const writes = statements.filter((s) => !/^\s*(select|with)\b/i.test(s.query) && !/^\s*insert into "security_events"[\s\S]*'access-refused'/i.test(s.query));
		expect(writes.map((s) => s.query)).toEqual([]);
		await expectIndexed(db, statements, id);
		// The first page also loads the route modules, which takes a while on a busy machine.
	}, 120_000);

	it('/triggers paged back (a keyset cursor for each list) asks no more, each served by an index', async () => {
		const cursor = `${new Date().toISOString().replace('Z', '123Z')}_0f8fad5b-d9cb-469f-a165-70867728950e`;
		const first = await loadPage('/triggers');
		const { statements } = await loadPage('/triggers', `?${new URLSearchParams({ before: cursor, sharedBefore: cursor })}`);
		const paged = statements.filter((s) => /from "trigger_entries"/i.test(s.query) && /\) < \(/.test(s.query));
		// Both lists asked from their cursor: the own log and the partner's shared moments.
		expect(paged.map((s) => s.query).join('\n')).toMatch(/"owner_id" = \$\d+[\s\S]*"shared_couple_id" = \$\d+|"shared_couple_id" = \$\d+[\s\S]*"owner_id" = \$\d+/);
		expect(paged).toHaveLength(2);
		expect(statements.length).toBe(first.statements.length);
		await expectIndexed(db, statements, '/triggers?before');
	}, 120_000);

	it('pages do not ask which couple the person is in, nor who the partner is: the session knows', async () => {
		for (const id of ['/dashboard', '/together', '/coach/drafts/[id=uuid]', '/hour', '/triggers', '/talk/impact', '/talk/restitution', '/together/needs', '/together/letters']) {
			const { statements } = await loadPage(id);
			const coupleLookups = statements.filter((s) => /^\s*select "couple_id" from "couple_members" where "couple_members"\."user_id" = \$1\s*$/i.test(s.query));
			expect(coupleLookups, id).toEqual([]);
			const partnerLookups = statements.filter((s) => /from "couple_members" inner join "users"/i.test(s.query));
			expect(partnerLookups.map((s) => s.query), id).toEqual([]);
		}
	});

	it('shows a saved draft without analysing it again', async () => {
		const before = analysisPool().stats();
		await loadPage('/coach/drafts/[id=uuid]');
		// The pool was neither asked nor queued: the page used the analysis stored with the version.
		expect(analysisPool().stats()).toEqual(before);
	});
});

/**
 * Explains each statement with its own parameters, sequential scans discouraged, and fails on a
 * sequential scan of a table: then no index can serve the statement. Then the same for the plan
 * PostgreSQL may keep for a prepared statement, made without the values (decision 028): an index
 * that serves `day >= '2026-01-01'` or a partial one that serves `couple_id = '…'` must serve
 * `day >= $1` and `couple_id = $1` too.
 */
async function expectIndexed(db: Database, statements: Captured[], page: string) {
	const client = (db as unknown as { $client: Queryable & { connect?: () => Promise<Queryable & { release(): void }> } }).$client;
	const connection = client.connect ? await client.connect() : client;
	const seqScans = (result: { rows: Record<string, unknown>[] }) => {
		const plan = result.rows.map((row) => Object.values(row)[0]).join('\n');
		return { plan, scanned: [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]) };
	};
	try {
		await connection.query('set enable_seqscan = off');
		for (const { query, params } of statements) {
			const custom = seqScans(await connection.query(`explain ${query}`, params));
			expect(custom.scanned, `${page}: a query no index can serve:\n${query}\n${custom.plan}`).toEqual([]);
			if (params.length === 0) continue;
			await connection.query('set plan_cache_mode = force_generic_plan');
			await connection.query(`prepare page_query as ${query}`);
			try {
				// EXECUTE takes its arguments in its own text: a statement's parameters do not reach it.
				const generic = seqScans(await connection.query(`explain execute page_query(${params.map(literal).join(', ')})`));
				expect(generic.scanned, `${page}: a query whose kept plan no index can serve:\n${query}\n${generic.plan}`).toEqual([]);
			} finally {
				await connection.query('deallocate page_query');
				await connection.query('reset plan_cache_mode');
			}
		}
	} finally {
		await connection.query('reset enable_seqscan');
		if ('release' in connection && typeof connection.release === 'function') connection.release();
	}
}

/** A parameter written as an SQL literal; PostgreSQL gives it the type the prepared statement expects. */
function literal(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
	return `'${text.replaceAll("'", "''")}'`;
}

interface Queryable {
	query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** A couple with some of everything the schema has: progress, reflections (one shared), a saved apology, a letter, a pace status and a need. */
async function seedCouple(db: Database, n: number): Promise<Seeded> {
	const password = 'a quiet morning walk';
	const hurt = await signUp(db, { email: `hurt${n}@example.org`, password, displayName: `Hurt ${n}`, locale: 'nl' });
	const repairing = await signUp(db, { email: `repairing${n}@example.org`, password, displayName: `Repairing ${n}`, locale: 'en' });
	await chooseRole(db, hurt.userId, 'hurt');
	await chooseRole(db, repairing.userId, 'repairing');
	const invitation = await createInvitation(db, repairing.userId);
	await acceptInvitation(db, hurt.userId, invitation.token);
	const session = (await validateSession(db, repairing.session.token))!;
	const hurtActor = actorOf((await validateSession(db, hurt.session.token))!.user);
	const actor = actorOf(session.user);
	await markStepDone(db, repairing.userId, 'repairing', 'confess');
	const reflection = await createReflection(db, actor, { prompt: 'my-part', body: 'Wat ik heb gedaan, en waarom ik het anders wil.' });
	await shareReflection(db, actor, reflection.id);
	const theirs = await createReflection(db, hurtActor, { prompt: 'what-we-learnt', body: 'Wat ik nodig heb om weer te vertrouwen.' });
	await shareReflection(db, hurtActor, theirs.id);
	const { draftId } = await saveApologyVersion(db, actor, { body: 'Het spijt me. Ik heb je pijn gedaan en ik zal al je vragen eerlijk beantwoorden.' });
	await sendLetter(db, hurtActor, { kind: 'letter', body: 'Ik lees je brief als ik er klaar voor ben.' });
	await sendLetter(db, actor, { kind: 'letter', body: 'Ik ben er, in jouw tempo.' });
	await setPaceStatus(db, hurtActor, { status: 'space', note: null });
	await addNeed(db, hurtActor, 'Eerlijke antwoorden, ook als ze pijn doen.');
	const commitment = await createCommitment(db, actor, { title: 'Elke avond een berichtje', why: 'Zodat je weet waar ik ben.', rhythm: 'daily', weekdays: [], share: true });
	// A shared trust check-in, so the repairing partner's /trust draws the trend with the commitments' consistency beside it.
	await addTrustCheckin(db, hurtActor, { day: new Date().toISOString().slice(0, 10), trust: 4, safety: 5, connection: 3, helped: null, hurt: null, share: true });
	const question = await askQuestion(db, hurtActor, { body: 'Wanneer begon het?', about: 'facts' });
	const trigger = await signalTrigger(db, hurtActor, { strength: 3, cause: 'Een liedje op de radio.' });
	await shareEntry(db, hurtActor, trigger.id);
	await savePreparedResponse(db, actor, 'Het ligt aan mij, niet aan jou. Ik ben hier.');
	// An impact letter sent and opened, with a restitution letter begun: both letter pages read everything they can.
	const impact = await saveImpactVersion(db, hurtActor, ['Ik slaap slecht.', 'Ik twijfel aan mezelf.']);
	await sendImpactVersion(db, hurtActor, impact.draftId, 1);
	const received = (await readReceivedImpact(db, actor))!;
	await openPointLetter(db, actor, received.letterId);
	await saveRestitutionVersion(db, actor, { impactLetterId: received.letterId, answers: ['Ik nam je rust af.', ''], ruleIds: [[], null] });
	const selfTest = await saveSelfTestResult(db, actor, { role: 'repairing', answers: Object.fromEntries(QUESTIONS.repairing.map((q) => [q.id, q.options[0].id])) });
	return {
		user: session.user,
		sessionId: session.sessionId,
		params: {
			'/coach/drafts/[id=uuid]': { id: draftId },
			'/reflections/[id=uuid]': { id: reflection.id },
			'/program/[step]': { step: 'confess' },
			'/coach/rules/[ruleId]': { ruleId: 'blame-shift' },
			'/deeds/commitments/[id=uuid]': { id: commitment.id },
			'/talk/questions/[id=uuid]': { id: question.id },
			'/self-test/saved/[id=uuid]': { id: selfTest.id },
			'/guide/[slug]': { slug: 'why-it-happens' },
			'/guide/authors/[author]': { author: 'redactie' }
		}
	};
}
