import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { hashPassword } from '../auth/password';
import { CONSENT_TEXT_VERSION } from '../consent/consent';
import { REFLECTION_PROMPTS } from '../reflections/prompts';
import { TRACKS } from '../program/steps';
import { SUGGESTIONS } from '../deeds/suggestions';
import { analyzeApology } from '../../coach';
import { QUESTIONS, scoreSelfTest, type SelfTestRole } from '../../selftest/scoring';
import { APP_TIME_ZONE } from '../../time-zone';
import { APOLOGIES, NAMES, TEXT_PARTS, TIMEOUT_WORDS, textCount, textsOf, type TextKind } from './texts';

/**
 * Demo data for trying the app and for measuring it at scale (issue 14): whole couples with months
 * of use, written with set-based SQL (generate_series, INSERT … SELECT) so 10,000 couples take
 * minutes, not hours. Every choice comes from a hash of the seed and the row's place, never from
 * random(), so the same seed, size and moment give the same rows, whatever plan the database picks.
 */

/** Seeded accounts use this domain, and only they do: `.invalid` can never receive mail. */
export const DEMO_DOMAIN = 'demo.herstelpad.invalid';
/** Every demo account's password, so a person can sign in as any of them. */
export const DEMO_PASSWORD = 'rustig demo pad 2026';

export interface SeedOptions {
	couples: number;
	/** How far back the oldest couple started, in days. */
	days?: number;
	seed?: number;
	/** Seed even though the database holds accounts seed-demo did not make. */
	force?: boolean;
	/** The moment the data ends; defaults to now. */
	now?: Date;
	/** A hash of DEMO_PASSWORD made earlier (hashing takes a moment; the tests reuse one). */
	passwordHash?: string;
	/** Told after each statement: what it filled and how long it took. */
	progress?: (step: string, ms: number) => void;
}

/** "insert into letters", "create temp table demo_people", …: the start of a statement. */
function describeStatement(statement: SQL): string {
	const chunk = statement.queryChunks.find((c) => typeof c === 'object' && c !== null && 'value' in c) as { value: string[] } | undefined;
	const text = (chunk?.value ?? []).join('').trim();
	return /^(insert into \w+|update \w+|create (?:temp )?(?:table|index)(?: \w+)?)/i.exec(text.replace(/\s+/g, ' '))?.[1] ?? text.slice(0, 40);
}

export interface SeedSummary {
	couples: number;
	users: number;
	/** Rows per table after seeding (demo rows and any others). */
	rows: Record<string, number>;
	email: (n: number, side: 'a' | 'b') => string;
}

/** The database holds accounts of real people: seeding there needs `force`. */
export class RealUsersPresent extends Error {
	constructor(readonly count: number) {
		super(`the database holds ${count} account${count === 1 ? '' : 's'} not made by seed-demo`);
		this.name = 'RealUsersPresent';
	}
}

export const demoEmail = (n: number, side: 'a' | 'b') => `demo-${n}-${side}@${DEMO_DOMAIN}`;
const DEMO_LIKE = `%@${DEMO_DOMAIN}`;

/** Accounts not made by seed-demo. */
export async function countRealUsers(db: Database): Promise<number> {
	const rows = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from users where email not like ${DEMO_LIKE}`);
	return Number(rows[0].n);
}

/** Removes everything seed-demo made: its accounts (and with them all they wrote), couples, sign-ups and comments. */
export async function removeDemoData(db: Database) {
	await db.transaction(async (tx) => {
		await tx.execute(sql`delete from couples where id in (select m.couple_id from couple_members m join users u on u.id = m.user_id where u.email like ${DEMO_LIKE})`);
		await tx.execute(sql`delete from users where email like ${DEMO_LIKE}`);
		await tx.execute(sql`delete from comments where email like ${DEMO_LIKE}`);
		await tx.execute(sql`delete from booklet_signups where email like ${DEMO_LIKE}`);
	});
}

export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedSummary> {
	const couples = Math.trunc(options.couples);
	const days = Math.trunc(options.days ?? 365);
	const seed = Math.trunc(options.seed ?? 1);
	if (!(couples >= 1 && couples <= 1_000_000)) throw new RangeError('couples: a whole number from 1 to 1,000,000');
	if (!(days >= 7 && days <= 3650)) throw new RangeError('days: a whole number from 7 to 3650');
	if (!Number.isSafeInteger(seed)) throw new RangeError('seed: a whole number');
	const real = await countRealUsers(db);
	if (real > 0 && !options.force) throw new RealUsersPresent(real);

	const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
	await removeDemoData(db);
	const statements = buildStatements({ couples, days, seed, now: options.now ?? new Date() });
	await db.transaction(async (tx) => {
		const t = tx as unknown as Database;
		// generate_series makes the planner expect huge row counts, so every statement would first
		// spend about a second compiling itself with JIT: more than most of them take to run.
		await t.execute(sql`set local jit = off`);
		await createLookupTables(t, seed);
		for (const statement of statements(passwordHash)) {
			const started = performance.now();
			await t.execute(statement);
			options.progress?.(describeStatement(statement), performance.now() - started);
		}
	});
	// Fresh statistics, so the planner sees the new sizes at once (as it would after autovacuum).
	await db.execute(sql`analyze`);

	const rows: Record<string, number> = {};
	for (const table of PERSONAL_TABLES) {
		rows[table] = Number((await rowsOf<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n);
	}
	return { couples, users: rows.users, rows, email: demoEmail };
}

/** Every table that holds what people (or visitors) wrote or did: each one gets demo rows. */
export const PERSONAL_TABLES = [
	'users',
	'consent_events',
	'step_progress',
	'apology_drafts',
	'apology_versions',
	'couples',
	'couple_members',
	'invitations',
	'reflections',
	'letters',
	'pace_status',
	'needs',
	'couple_notices',
	'security_events',
	'wishes',
	'commitments',
	'commitment_events',
	'check_ins',
	'commitment_comments',
	'trust_checkins',
	'trust_preferences',
	'self_ratings',
	'contact_log',
	'contact_questions',
	'safety_checks',
	'transparency_measures',
	'transparency_requests',
	'memories',
	'decision_choices',
	'self_test_results',
	'talk_agreements',
	'talk_accounts',
	'talk_account_entries',
	'talk_questions',
	'talk_replies',
	'trigger_entries',
	'trigger_signals',
	'trigger_settings',
	'point_letters',
	'point_letter_versions',
	'hour_slots',
	'hour_entries',
	'hour_notes',
	'calendar_feeds',
	'notification_preferences',
	'push_subscriptions',
	'notification_outbox',
	'booklet_signups',
	'booklet_tokens',
	'comments'
] as const;

async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] } | T[];
	return Array.isArray(result) ? result : result.rows;
}

/** A small deterministic generator (mulberry32), for the choices made in JavaScript. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SELF_TESTS_PER_ROLE = 6;
/**
 * Visitors' comments under the guide grow with the couples (one per ten), but never fewer than
 * this: enough that each commented article holds more than a page of published threads
 * (THREADS_PER_PAGE) in either language at any size. An article page shows one page, so at 100
 * couples and at 10,000 the benchmark then measures the same full page, and its p95 growth shows
 * the database growing rather than a page going from one comment to twenty.
 */
export const VISITOR_COMMENTS_AT_LEAST = 600;

/** Texts, apologies (with their analysis, made once here), suggestions and self-test answers, as temporary tables the statements join. */
async function createLookupTables(db: Database, seed: number) {
	await db.execute(sql`create temp table demo_text (t_kind text, t_locale text, t_i int, t_body text, primary key (t_kind, t_locale, t_i)) on commit drop`);
	const texts: SQL[] = [];
	for (const kind of Object.keys(TEXT_PARTS) as TextKind[]) {
		for (const locale of ['nl', 'en'] as const) textsOf(kind, locale).forEach((body, i) => texts.push(sql`(${kind}, ${locale}, ${i}, ${body})`));
	}
	await db.execute(sql`insert into demo_text values ${sql.join(texts, sql`, `)}`);

	await db.execute(sql`create temp table demo_apology (locale text, i int, body text, language text, rule_ids jsonb, analysis jsonb, primary key (locale, i)) on commit drop`);
	const apologies: SQL[] = [];
	for (const locale of ['nl', 'en'] as const) {
		APOLOGIES[locale].forEach((body, i) => {
			const analysis = analyzeApology(body, { lang: locale });
			const ruleIds = analysis.findings.map((f) => f.ruleId);
			apologies.push(sql`(${locale}, ${i}, ${body}, ${analysis.language}, ${JSON.stringify(ruleIds)}::jsonb, ${JSON.stringify(analysis)}::jsonb)`);
		});
	}
	await db.execute(sql`insert into demo_apology values ${sql.join(apologies, sql`, `)}`);

	await db.execute(sql`create temp table demo_suggestion (i int primary key, id text, rhythm text, weekdays jsonb, title_nl text, why_nl text, title_en text, why_en text) on commit drop`);
	await db.execute(
		sql`insert into demo_suggestion values ${sql.join(
			SUGGESTIONS.map((s, i) => sql`(${i}, ${s.id}, ${s.rhythm}, ${JSON.stringify(s.weekdays ?? [])}::jsonb, ${s.nl.title}, ${s.nl.why}, ${s.en.title}, ${s.en.why})`),
			sql`, `
		)}`
	);

	// Answer sets leaning towards the middle, as real answers do; the indicator is the app's own score.
	await db.execute(sql`create temp table demo_selftest (role text, i int, answers jsonb, indicator int, primary key (role, i)) on commit drop`);
	const random = prng(seed);
	const sets: SQL[] = [];
	for (const role of ['repairing', 'hurt'] as SelfTestRole[]) {
		for (let i = 0; i < SELF_TESTS_PER_ROLE; i++) {
			const answers = Object.fromEntries(
				QUESTIONS[role].map((q) => [q.id, q.factor === 'safety' ? (random() < 0.9 ? 'no' : 'unsure') : q.options[Math.min(q.options.length - 1, Math.floor(random() * random() * q.options.length))].id])
			);
			sets.push(sql`(${role}, ${i}, ${JSON.stringify(answers)}::jsonb, ${scoreSelfTest(role, answers).indicator})`);
		}
	}
	await db.execute(sql`insert into demo_selftest values ${sql.join(sets, sql`, `)}`);
	// Temporary tables get no statistics by themselves; without them each text look-up read them whole.
	await db.execute(sql`analyze demo_text, demo_apology, demo_suggestion, demo_selftest`);
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const array = (items: readonly string[]) => `array[${items.map(quote).join(', ')}]`;

/**
 * The statements, in dependency order. Written as SQL text because they are set-based; the only
 * values spliced in are checked numbers, a timestamp made here, and constants from this code.
 */
function buildStatements({ couples, days, seed, now }: { couples: number; days: number; seed: number; now: Date }) {
	const T0 = `'${now.toISOString()}'::timestamptz`;
	const D0 = `'${now.toISOString().slice(0, 10)}'::date`;
	/** A stable number from 0 to 2^31 for a key (text), different per seed. */
	const h = (key: string) => `(hashtext('${seed}|' || ${key}) & 2147483647)`;
	/** A stable percentage (0–99) for a key. */
	const pct = (key: string) => `(${h(key)} % 100)`;
	/** A stable uuid for a tag and a key. */
	const uid = (tag: string, key: string) => `md5('${seed}|${tag}|' || ${key})::uuid::text`;
	/** A moment `dayExpr` days back, at a stable time of that day. */
	const ago = (dayExpr: string, key: string) => `(${T0} - (${dayExpr}) * interval '1 day' - (${h(key)} % 36000) * interval '1 second')`;
	const dayAgo = (dayExpr: string) => `(${D0} - (${dayExpr})::int)`;
	/** One of a kind's texts, in the given language. (demo_text's columns have their own names, so `locale` here means the outer row's.) */
	const text = (kind: TextKind, locale: string, key: string) =>
		`(select t_body from demo_text where t_kind = '${kind}' and t_locale = ${locale} and t_i = ${h(key)} % ${textCount(kind)})`;
	const pick = (items: readonly string[], key: string) => `(${array(items)})[1 + ${h(key)} % ${items.length}]`;
	const hurtSteps = TRACKS.hurt.length;
	const repairingSteps = TRACKS.repairing.length;

	return (passwordHash: string): SQL[] => [
		// One row per couple slot: paired (about 7 in 10) or one person alone, a language, and when they began.
		// The first three are always a couple, a repairing partner alone and a hurt partner alone whose
		// partner left, so even a tiny seed shows every situation (and the printed accounts are these).
		sql.raw(`create temp table demo_slots on commit drop as
			select n, n = 1 or (n > 3 and ${pct(`'shape' || n`)} < 72) as paired,
				case when ${pct(`'locale' || n`)} < 62 then 'nl' else 'en' end as locale,
				1 + ${h(`'start' || n`)} % ${days} as start_ago
			from generate_series(1, ${couples}) n`),
		// Side a is the repairing partner in a couple; alone, a is either role (or has not chosen yet).
		sql.raw(`create temp table demo_people on commit drop as
			select s.n, 'a'::text as side, ${uid('user', `s.n || 'a'`)} as user_id,
				case when s.paired then ${uid('user', `s.n || 'b'`)} end as partner_id,
				case when s.paired then ${uid('couple', `s.n::text`)} end as couple_id,
				case when s.paired or s.n = 2 then 'repairing' when s.n = 3 then 'hurt' when ${pct(`'role' || s.n`)} < 45 then 'repairing' when ${pct(`'role' || s.n`)} < 92 then 'hurt' end as role,
				s.locale, s.start_ago, s.paired
			from demo_slots s
			union all
			select s.n, 'b', ${uid('user', `s.n || 'b'`)}, ${uid('user', `s.n || 'a'`)}, ${uid('couple', `s.n::text`)}, 'hurt',
				case when ${pct(`'blocale' || s.n`)} < 8 then (case s.locale when 'nl' then 'en' else 'nl' end) else s.locale end,
				greatest(1, s.start_ago - ${h(`'bjoin' || s.n`)} % 10), true
			from demo_slots s where s.paired`),
		sql.raw(`create index on demo_people (user_id)`),
		sql.raw(`analyze demo_slots, demo_people`),
		sql`insert into users (id, email, password_hash, display_name, locale, role, is_admin, adult_confirmed_at, created_at)
			select user_id, 'demo-' || n || '-' || side || ${`@${DEMO_DOMAIN}`}, ${passwordHash},
				case locale when 'nl' then ${sql.raw(pick(NAMES.nl, `'name' || user_id`))} else ${sql.raw(pick(NAMES.en, `'name' || user_id`))} end,
				locale, role, false, ${sql.raw(ago('start_ago', `'since' || user_id`))}, ${sql.raw(ago('start_ago', `'since' || user_id`))}
			from demo_people`,
		sql.raw(`insert into consent_events (user_id, kind, text_version, locale, created_at)
			select user_id, 'given', ${quote(CONSENT_TEXT_VERSION)}, locale, ${ago('start_ago', `'since' || user_id`)} from demo_people`),
		sql.raw(`insert into couples (id, created_at) select ${uid('couple', 'n::text')}, ${ago('start_ago', `'couple' || n`)} from demo_slots where paired`),
		sql.raw(`insert into couple_members (couple_id, user_id, joined_at) select couple_id, user_id, ${ago('start_ago', `'since' || user_id`)} from demo_people where couple_id is not null`),
		// The repairing partner invited; alone, half have an invitation out (some expired or taken back).
		sql.raw(`insert into invitations (id, token_hash, inviter_id, created_at, expires_at, emailed_at, revoked_at, accepted_at)
			select ${uid('invitation', 'user_id')}, md5('${seed}|token|' || user_id) || md5(user_id),
				user_id, c, c + interval '7 days', case when ${pct(`'mailed' || user_id`)} < 50 then c end,
				case when not paired and ${pct(`'revoked' || user_id`)} < 15 then c + interval '1 day' end,
				case when paired then c + interval '2 hours' end
			from (select *, ${ago('start_ago', `'invite' || user_id`)} as c from demo_people) p
			where side = 'a' and role is not null and (paired or ${pct(`'invites' || user_id`)} < 50)`),
		sql.raw(`insert into couple_notices (user_id, kind, created_at)
			select user_id, case when ${pct(`'noticekind' || user_id`)} < 70 then 'partner-left' else 'partner-deleted' end, ${ago(`${h(`'notice' || user_id`)} % start_ago`, `'notice' || user_id`)}
			from demo_people where not paired and (n = 3 or ${pct(`'notice' || user_id`)} < 12)`),
		sql.raw(`insert into security_events (user_id, kind, created_at)
			select user_id, 'sign-in', ${ago(`greatest(0, start_ago - (g - 1) * 6)`, `'signin' || user_id || g`)}
			from demo_people, generate_series(1, 1 + start_ago / 6) g`),
		sql.raw(`insert into step_progress (user_id, track, step, done_at)
			select p.user_id, p.role, s.step, ${ago(`greatest(0, p.start_ago - s.ord * 9)`, `'step' || p.user_id || s.ord`)}
			from demo_people p
			join (${[...TRACKS.repairing.map((step, i) => `select 'repairing' as track, ${i + 1} as ord, ${quote(step)} as step`), ...TRACKS.hurt.map((step, i) => `select 'hurt', ${i + 1}, ${quote(step)}`)].join(' union all ')}) s on s.track = p.role
			where s.ord <= least(case p.role when 'hurt' then ${hurtSteps} else ${repairingSteps} end, p.start_ago / 9 + ${h(`'steps' || p.user_id`)} % 3)`),
		sql.raw(`insert into reflections (id, owner_id, prompt, body, shared_couple_id, created_at, updated_at)
			select ${uid('reflection', `user_id || g`)}, user_id, ${pick(REFLECTION_PROMPTS, `'prompt' || user_id || g`)},
				${text('reflection', 'locale', `'reflection' || user_id || g`)},
				case when couple_id is not null and ${pct(`'rshare' || user_id || g`)} < 40 then couple_id end,
				${ago(`greatest(0, start_ago - (g - 1) * 12)`, `'reflection' || user_id || g`)},
				${ago(`greatest(0, start_ago - (g - 1) * 12 - ${h(`'redit' || user_id || g`)} % 3)`, `'reflection' || user_id || g`)}
			from demo_people, generate_series(1, 1 + start_ago / 12) g
			where role is not null`),
		// Apologies: drafts of the repairing partner, each saved a few times; the last version is the better one.
		sql.raw(`insert into apology_drafts (id, owner_id, created_at, updated_at)
			select id, user_id, ${ago('d0', `'draft' || id`)}, least(${T0}, ${ago('d0', `'draft' || id`)} + (${h('id')} % 3) * interval '2 days')
			from (select ${uid('draft', `user_id || d`)} as id, user_id, greatest(0, start_ago - 3 - (d - 1) * 20) as d0
				from demo_people, generate_series(1, 1 + ${h(`'drafts' || user_id`)} % 2) d where role = 'repairing') x`),
		sql.raw(`insert into apology_versions (id, draft_id, number, body, language, rule_ids, analysis, created_at)
			select ${uid('version', `d.id || v`)}, d.id, v, a.body, a.language, a.rule_ids, a.analysis, least(${T0}, d.created_at + (v - 1) * interval '2 days')
			from apology_drafts d join demo_people p on p.user_id = d.owner_id,
				generate_series(1, 1 + ${h('d.id')} % 3) v,
				lateral (select * from demo_apology a where a.locale = p.locale
					and a.i = case when v = 1 + ${h('d.id')} % 3 then (${h(`'good' || d.id`)} % 2) * 2 else 1 + (${h(`'weak' || d.id || v`)} % 2) * 2 end) a`),
		sql.raw(`insert into letters (id, sender_id, recipient_id, couple_id, kind, body, sent_at, opened_at, waiting, source_version_id)
			select ${uid('apology-letter', 'v.id')}, p.user_id, p.partner_id, p.couple_id, 'apology', v.body, s, case when ${pct(`'opened' || v.id`)} < 70 then least(${T0}, s + interval '1 day') end, false, v.id
			from apology_versions v join apology_drafts d on d.id = v.draft_id join demo_people p on p.user_id = d.owner_id,
				lateral (select least(${T0}, v.created_at + interval '1 hour') as s) t
			where p.couple_id is not null and v.number = 1 + ${h('d.id')} % 3 and ${pct(`'send' || d.id`)} < 60`),
		sql.raw(`insert into letters (id, sender_id, recipient_id, couple_id, kind, body, sent_at, opened_at, withdrawn_at, waiting)
			select ${uid('letter', `user_id || g`)}, user_id, partner_id, couple_id, 'letter', ${text('letter', 'locale', `'letter' || user_id || g`)}, s,
				case when ${pct(`'lopen' || user_id || g`)} < 75 then least(${T0}, s + interval '5 hours') end,
				case when ${pct(`'lwithdraw' || user_id || g`)} < 3 then least(${T0}, s + interval '1 hour') end,
				role = 'repairing' and ${pct(`'lwait' || user_id || g`)} < 5
			from demo_people, generate_series(1, 1 + start_ago / 25) g,
				lateral (select ${ago(`greatest(0, start_ago - (g - 1) * 25 - ${h(`'lday' || user_id || g`)} % 10)`, `'letter' || user_id || g`)} as s) t
			where couple_id is not null`),
		sql.raw(`insert into pace_status (user_id, status, note, updated_at)
			select user_id, (array['space', 'ready-to-read', 'ready-to-talk'])[1 + ${h(`'pace' || user_id`)} % 3],
				case when ${pct(`'pacenote' || user_id`)} < 50 then ${text('pace', 'locale', `'pacenote' || user_id`)} end,
				${ago(`${h(`'paceday' || user_id`)} % least(start_ago, 14)`, `'pace' || user_id`)}
			from demo_people where role = 'hurt'`),
		sql.raw(`insert into needs (id, owner_id, body, couple_id, created_at, acknowledged_at)
			select ${uid('need', `user_id || g`)}, user_id, ${text('need', 'locale', `'need' || user_id || g`)}, couple_id, c,
				case when couple_id is not null and ${pct(`'ack' || user_id || g`)} < 60 then least(${T0}, c + interval '1 day') end
			from demo_people, generate_series(1, case when role = 'hurt' then 1 + start_ago / 30 when ${pct(`'rneed' || user_id`)} < 30 then 1 else 0 end) g,
				lateral (select ${ago(`greatest(0, start_ago - (g - 1) * 30)`, `'need' || user_id || g`)} as c) t
			where role is not null`),
		// Deeds: wishes of the hurt partner, commitments of the repairing partner with their history and check-ins.
		sql.raw(`insert into wishes (id, owner_id, size, body, shared_couple_id, answer, answer_reason, answered_at, created_at, updated_at)
			select ${uid('wish', `user_id || g`)}, user_id, case when ${pct(`'wsize' || user_id || g`)} < 75 then 'everyday' else 'bigger' end,
				${text('wish', 'locale', `'wish' || user_id || g`)}, case when shared then couple_id end,
				case when answered then (array['commitment', 'talk', 'not-now'])[1 + ${h(`'wanswer' || user_id || g`)} % 3] end,
				case when answered and ${h(`'wanswer' || user_id || g`)} % 3 = 2 then ${text('declineReason', 'locale', `'wreason' || user_id || g`)} end,
				case when answered then least(${T0}, c + interval '2 days') end, c, c
			from demo_people, generate_series(1, 1 + start_ago / 45) g,
				lateral (select ${ago(`greatest(0, start_ago - (g - 1) * 45)`, `'wish' || user_id || g`)} as c,
					couple_id is not null and ${pct(`'wshare' || user_id || g`)} < 70 as shared,
					couple_id is not null and ${pct(`'wshare' || user_id || g`)} < 42 as answered) t
			where role = 'hurt'`),
		sql.raw(`insert into commitments (id, owner_id, title, why, rhythm, weekdays, status, starts_on, asked_for, suggestion, shared_couple_id, created_at, updated_at)
			select ${uid('commitment', `p.user_id || g`)}, p.user_id, case p.locale when 'nl' then s.title_nl else s.title_en end, case p.locale when 'nl' then s.why_nl else s.why_en end,
				s.rhythm, s.weekdays,
				case when ${pct(`'cstatus' || p.user_id || g`)} < 80 then 'active' when ${pct(`'cstatus' || p.user_id || g`)} < 90 then 'paused' else 'ended' end,
				${dayAgo(`greatest(0, p.start_ago - (g - 1) * 20)`)}, ${pct(`'asked' || p.user_id || g`)} < 25, s.id,
				case when p.couple_id is not null and ${pct(`'cshare' || p.user_id || g`)} < 75 then p.couple_id end,
				${ago(`greatest(0, p.start_ago - (g - 1) * 20)`, `'commit' || p.user_id || g`)}, ${ago(`greatest(0, p.start_ago - (g - 1) * 20)`, `'commit' || p.user_id || g`)}
			from demo_people p cross join lateral generate_series(1, 1 + ${h(`'commitments' || p.user_id`)} % 3) g
			join demo_suggestion s on s.i = ${h(`'suggestion' || p.user_id || g`)} % ${SUGGESTIONS.length}
			where p.role = 'repairing'`),
		// A commitment that is paused or ended holds from a day in the middle of its life.
		sql.raw(`create temp table demo_stop on commit drop as
			select id, starts_on + ((${D0} - starts_on) / 2) as stop_day from commitments c
			where c.owner_id in (select user_id from demo_people) and status <> 'active'`),
		sql.raw(`insert into commitment_events (commitment_id, kind, from_day, title, why, rhythm, weekdays, status, reason, created_at)
			select id, 'created', starts_on, title, why, rhythm, weekdays, 'active', null, created_at
			from commitments where owner_id in (select user_id from demo_people)
			union all
			select c.id, case c.status when 'paused' then 'paused' else 'ended' end, s.stop_day, c.title, c.why, c.rhythm, c.weekdays, c.status,
				${text('checkInNote', `(select locale from users where id = c.owner_id)`, `'stop' || c.id`)}, least(${T0}, (s.stop_day::timestamp at time zone 'UTC') + interval '20 hours')
			from commitments c join demo_stop s on s.id = c.id`),
		sql.raw(`insert into check_ins (commitment_id, owner_id, day, outcome, note, late, recorded_at, noticed, noticed_at)
			select c.id, c.owner_id, d, o, case when ${pct(`'note' || c.id || d`)} < 15 then ${text('checkInNote', 'u.locale', `'note' || c.id || d`)} end,
				late, least(${T0}, (d::timestamp at time zone 'UTC') + case when late then interval '2 days' else interval '20 hours' end),
				case when c.shared_couple_id is not null and ${pct(`'noticed' || c.id || d`)} < 40 then case when o = 'not-kept' then 'not-noticed' else 'noticed' end end,
				case when c.shared_couple_id is not null and ${pct(`'noticed' || c.id || d`)} < 40 then least(${T0}, (d::timestamp at time zone 'UTC') + interval '1 day') end
			from commitments c join users u on u.id = c.owner_id left join demo_stop s on s.id = c.id,
				lateral generate_series(case when c.rhythm = 'weekly' then date_trunc('week', c.starts_on)::date else c.starts_on end, coalesce(s.stop_day - 1, ${D0}), interval '1 day') g,
				lateral (select g::date as d,
					case when ${pct(`'outcome' || c.id || g::date`)} < 70 then 'kept' when ${pct(`'outcome' || c.id || g::date`)} < 90 then 'partly' else 'not-kept' end as o,
					${pct(`'late' || c.id || g::date`)} < 10 as late) x
			where u.email like ${quote(DEMO_LIKE)}
				and (c.rhythm = 'daily' or (c.rhythm = 'weekly' and extract(isodow from d) = 1) or (c.rhythm = 'weekdays' and c.weekdays @> to_jsonb(extract(isodow from d)::int)))
				and ${pct(`'recorded' || c.id || g::date`)} < 75`),
		sql.raw(`insert into commitment_comments (id, commitment_id, author_id, body, created_at)
			select ${uid('ccomment', `c.id || k`)}, c.id, case when k = 1 then p.partner_id else c.owner_id end, ${text('comment', 'p.locale', `'ccomment' || c.id || k`)},
				least(${T0}, c.created_at + k * interval '3 days')
			from commitments c join demo_people p on p.user_id = c.owner_id, generate_series(1, ${h(`'ccomments' || c.id`)} % 3) k
			where c.shared_couple_id is not null`),
		// Trust: the hurt partner's check-ins (slowly rising), the repairing partner's own hope and strain.
		sql.raw(`insert into trust_preferences (user_id, share_always, updated_at)
			select user_id, ${pct(`'always' || user_id`)} < 50, ${ago('start_ago', `'tpref' || user_id`)} from demo_people where role = 'hurt' and ${pct(`'tpref' || user_id`)} < 60`),
		sql.raw(`insert into trust_checkins (id, owner_id, day, trust, safety, connection, helped, hurt, shared_couple_id, created_at)
			select ${uid('trust', `p.user_id || g`)}, p.user_id, ${dayAgo('a')},
				least(10, greatest(0, 2 + (6 * (p.start_ago - a) / p.start_ago) + ${h(`'t' || p.user_id || g`)} % 3 - 1)),
				least(10, greatest(0, 3 + (5 * (p.start_ago - a) / p.start_ago) + ${h(`'s' || p.user_id || g`)} % 3 - 1)),
				least(10, greatest(0, 2 + (5 * (p.start_ago - a) / p.start_ago) + ${h(`'c' || p.user_id || g`)} % 4 - 1)),
				case when ${pct(`'helped' || p.user_id || g`)} < 40 then ${text('trustHelped', 'p.locale', `'helped' || p.user_id || g`)} end,
				case when ${pct(`'hurt' || p.user_id || g`)} < 25 then ${text('trustHurt', 'p.locale', `'hurt' || p.user_id || g`)} end,
				case when p.couple_id is not null and (coalesce(tp.share_always, false) or ${pct(`'tshare' || p.user_id || g`)} < 30) then p.couple_id end,
				${ago('a', `'trust' || p.user_id || g`)}
			from demo_people p left join trust_preferences tp on tp.user_id = p.user_id, generate_series(1, 1 + p.start_ago / 3) g,
				lateral (select greatest(0, p.start_ago - (g - 1) * 3 - ${h(`'tday' || p.user_id || g`)} % 2) as a) x
			where p.role = 'hurt'`),
		sql.raw(`insert into self_ratings (id, owner_id, day, hope, strain, created_at)
			select ${uid('self', `user_id || g`)}, user_id, ${dayAgo('a')}, 3 + ${h(`'hope' || user_id || g`)} % 6, 2 + ${h(`'strain' || user_id || g`)} % 7, ${ago('a', `'self' || user_id || g`)}
			from demo_people, generate_series(1, 1 + start_ago / 4) g, lateral (select greatest(0, start_ago - (g - 1) * 4) as a) x
			where role = 'repairing'`),
		sql.raw(`insert into contact_log (id, owner_id, couple_id, kind, day, channel, initiated_by, planned, reason, said, created_at)
			select ${uid('contact', 'user_id || 0')}, user_id, couple_id, 'ended', ${dayAgo(`start_ago + ${h(`'ended' || user_id`)} % 30`)}, null, null, null, null, null, ${ago('start_ago', `'ended' || user_id`)}
			from demo_people where role = 'repairing'
			union all
			select ${uid('contact', 'user_id || k')}, user_id, couple_id, 'contact', ${dayAgo('a')},
				(array['in-person', 'message', 'call', 'social-media', 'work'])[1 + ${h(`'channel' || user_id || k`)} % 5],
				case when ${pct(`'init' || user_id || k`)} < 70 then 'them' else 'me' end, ${pct(`'planned' || user_id || k`)} < 30,
				${text('contactReason', 'locale', `'creason' || user_id || k`)}, ${text('contactReason', 'locale', `'csaid' || user_id || k`)}, ${ago('a', `'contact' || user_id || k`)}
			from demo_people, generate_series(1, ${h(`'contacts' || user_id`)} % 3) k, lateral (select ${h(`'cday' || user_id || k`)} % start_ago as a) x
			where role = 'repairing'`),
		sql.raw(`insert into contact_questions (id, entry_id, asker_id, couple_id, question, answer, answered_at, created_at)
			select ${uid('cquestion', 'c.id')}, c.id, p.partner_id, c.couple_id, ${text('contactQuestion', 'p.locale', `'cq' || c.id`)},
				case when answered then ${text('answer', 'p.locale', `'cqa' || c.id`)} end, case when answered then least(${T0}, c.created_at + interval '2 days') end,
				least(${T0}, c.created_at + interval '1 day')
			from contact_log c join demo_people p on p.user_id = c.owner_id, lateral (select ${pct(`'cqa' || c.id`)} < 70 as answered) x
			where c.kind = 'contact' and c.couple_id is not null and ${pct(`'cq' || c.id`)} < 50`),
		sql.raw(`insert into safety_checks (user_id, afraid, controlled, threatened, hurt, signals_risk, answered_at)
			select user_id, a, c, t, hh, (a <> 'no' or c <> 'no' or t <> 'no' or hh <> 'no'), ${ago(`${h(`'safety' || user_id`)} % start_ago`, `'safety' || user_id`)}
			from demo_people, lateral (select
				case when ${pct(`'afraid' || user_id`)} < 95 then 'no' else 'unsure' end as a,
				case when ${pct(`'controlled' || user_id`)} < 96 then 'no' else 'unsure' end as c,
				case when ${pct(`'threatened' || user_id`)} < 98 then 'no' else 'yes' end as t,
				'no' as hh) x
			where ${pct(`'safety' || user_id`)} < 80`),
		sql.raw(`insert into transparency_requests (id, owner_id, couple_id, kind, details, answer, decline_reason, answered_at, created_at)
			select ${uid('trequest', 'user_id')}, user_id, couple_id, (array['phone-on-request', 'location-for-a-while', 'shared-calendar', 'open-accounts', 'other'])[1 + ${h(`'tkind' || user_id`)} % 5],
				${text('transparency', 'locale', `'tdetails' || user_id`)},
				case when ${pct(`'tanswer' || user_id`)} < 50 then 'accepted' when ${pct(`'tanswer' || user_id`)} < 70 then 'declined' end,
				case when ${pct(`'tanswer' || user_id`)} between 50 and 69 then ${text('declineReason', 'locale', `'tdecline' || user_id`)} end,
				case when ${pct(`'tanswer' || user_id`)} < 70 then least(${T0}, c + interval '2 days') end, c
			from demo_people, lateral (select ${ago(`${h(`'treq' || user_id`)} % start_ago`, `'treq' || user_id`)} as c) x
			where role = 'hurt' and couple_id is not null and ${pct(`'treq' || user_id`)} < 40`),
		sql.raw(`insert into transparency_measures (id, owner_id, couple_id, kind, details, boundaries, ends_on, request_id, created_at, revoked_at)
			select ${uid('measure', `p.partner_id || 'r'`)}, p.user_id, p.couple_id, r.kind, r.details, ${text('transparency', 'p.locale', `'tbound' || r.id`)},
				${dayAgo(`10 - ${h(`'tends' || r.id`)} % 80`)}, r.id, r.answered_at, null
			from transparency_requests r join demo_people p on p.partner_id = r.owner_id where r.answer = 'accepted'
			union all
			select ${uid('measure', 'user_id')}, user_id, couple_id, (array['phone-on-request', 'location-for-a-while', 'shared-calendar', 'open-accounts', 'other'])[1 + ${h(`'mkind' || user_id`)} % 5],
				${text('transparency', 'locale', `'mdetails' || user_id`)}, ${text('transparency', 'locale', `'mbound' || user_id`)},
				${dayAgo(`10 - ${h(`'mends' || user_id`)} % 80`)}, null, c, case when ${pct(`'mrevoke' || user_id`)} < 10 then least(${T0}, c + interval '7 days') end
			from demo_people, lateral (select ${ago(`${h(`'measure' || user_id`)} % start_ago`, `'measure' || user_id`)} as c) x
			where role = 'repairing' and couple_id is not null and ${pct(`'measure' || user_id`)} < 50`),
		sql.raw(`insert into memories (id, owner_id, couple_id, day, body, feeling, hidden, created_at)
			select ${uid('memory', `user_id || g`)}, user_id, couple_id, ${dayAgo('a')}, ${text('memory', 'locale', `'memory' || user_id || g`)},
				case when ${pct(`'feeling' || user_id || g`)} < 85 then (array['grateful', 'close', 'calm', 'hopeful', 'joyful', 'tender'])[1 + ${h(`'feeling' || user_id || g`)} % 6] end,
				${pct(`'mhidden' || user_id || g`)} < 10, ${ago('a', `'memory' || user_id || g`)}
			from demo_people, generate_series(1, start_ago / 20) g, lateral (select greatest(0, start_ago - (g - 1) * 20 - 5) as a) x
			where role is not null`),
		// Together or apart: most have a current choice; some decided earlier and started again.
		sql.raw(`insert into decision_choices (id, owner_id, couple_id, path, why, review_on, created_at, updated_at, archived_at)
			select ${uid('decision', `user_id || k`)}, user_id, couple_id,
				case when ${pct(`'path' || user_id || k`)} < 60 then 'together' when ${pct(`'path' || user_id || k`)} < 90 then 'later' else 'apart' end,
				${text('decisionWhy', 'locale', `'dwhy' || user_id || k`)}, ${dayAgo(`-(30 + ${h(`'review' || user_id || k`)} % 90)`)}, c, c,
				case when k = 1 and ${pct(`'darchive' || user_id`)} < 20 then least(${T0}, c + interval '30 days') end
			from demo_people, generate_series(1, case when ${pct(`'darchive' || user_id`)} < 20 then 2 else 1 end) k,
				lateral (select ${ago(`greatest(0, start_ago / 2 - (k - 1) * 31)`, `'decision' || user_id || k`)} as c) x
			where role is not null and ${pct(`'decides' || user_id`)} < 60`),
		sql.raw(`insert into self_test_results (id, owner_id, role, answers, indicator, created_at)
			select ${uid('selftest', 'p.user_id')}, p.user_id, p.role, s.answers, s.indicator, ${ago('p.start_ago', `'selftest' || p.user_id`)}
			from demo_people p join demo_selftest s on s.role = p.role and s.i = ${h(`'selftest' || p.user_id`)} % ${SELF_TESTS_PER_ROLE}
			where ${pct(`'selftest' || user_id`)} < 40`),
		// Talking it through: an agreement (sometimes a newer proposal open), the honest account, questions and answers.
		sql.raw(`insert into talk_agreements (id, couple_id, proposer_id, detail, off_limits, timing, minutes, time_of_day, timeout_word, note, created_at, accepted_at, closed_at)
			select ${uid('agreement', `couple_id || k`)}, couple_id, case when k = 1 then partner_id else user_id end,
				(array['facts', 'facts-feelings', 'everything'])[1 + ${h(`'detail' || couple_id || k`)} % 3],
				case when ${h(`'detail' || couple_id || k`)} % 3 = 2 then ${text('agreementNote', 'locale', `'offlimits' || couple_id`)} end,
				t, case when t <> 'any-time' then (array[15, 20, 30, 45])[1 + ${h(`'minutes' || couple_id || k`)} % 4] end,
				case when t <> 'any-time' and ${pct(`'tod' || couple_id || k`)} < 60 then (array['19:30', '20:00', '20:30', '21:00'])[1 + ${h(`'tod' || couple_id || k`)} % 4] end,
				case locale when 'nl' then ${pick(TIMEOUT_WORDS.nl, `'timeout' || couple_id || k`)} else ${pick(TIMEOUT_WORDS.en, `'timeout' || couple_id || k`)} end,
				case when ${pct(`'anote' || couple_id || k`)} < 50 then ${text('agreementNote', 'locale', `'anote' || couple_id || k`)} end,
				c, case when k = 1 then least(${T0}, c + interval '1 day') end, null
			from demo_people, generate_series(1, case when ${pct(`'open' || couple_id`)} < 15 then 2 else 1 end) k,
				lateral (select (array['any-time', 'daily', 'weekly'])[1 + ${h(`'timing' || couple_id || k`)} % 3] as t,
					${ago(`greatest(0, start_ago * 7 / 10 - (k - 1) * 20)`, `'agreement' || couple_id || k`)} as c) x
			where role = 'repairing' and couple_id is not null and ${pct(`'agrees' || couple_id`)} < 70`),
		sql.raw(`insert into talk_accounts (id, owner_id, couple_id, created_at, sent_at)
			select ${uid('account', 'user_id')}, user_id, case when couple_id is not null and sent then couple_id end, c,
				case when couple_id is not null and sent then least(${T0}, c + interval '5 days') end
			from demo_people, lateral (select ${pct(`'sent' || user_id`)} < 70 as sent, ${ago(`start_ago * 6 / 10`, `'account' || user_id`)} as c) x
			where role = 'repairing' and ${pct(`'accounts' || user_id`)} < (case when couple_id is not null then 50 else 30 end)`),
		sql.raw(`insert into talk_account_entries (id, account_id, owner_id, from_date, to_date, approximate, body, created_at, updated_at)
			select ${uid('entry', `a.id || k`)}, a.id, a.owner_id, f, case when ${pct(`'period' || a.id || k`)} < 40 then f + (7 + ${h(`'plen' || a.id || k`)} % 60) end,
				${pct(`'approx' || a.id || k`)} < 30, ${text('accountEntry', 'p.locale', `'entry' || a.id || k`)}, a.created_at, a.created_at
			from talk_accounts a join demo_people p on p.user_id = a.owner_id, generate_series(1, 3 + ${h(`'entries' || a.id`)} % 3) k,
				lateral (select ${dayAgo(`p.start_ago + 400 - k * 60`)} as f) x`),
		sql.raw(`insert into letters (id, sender_id, recipient_id, couple_id, kind, body, sent_at, opened_at, waiting)
			select ${uid('account-letter', 'a.id')}, a.owner_id, p.partner_id, a.couple_id, 'account',
				(select string_agg(case when e.approximate then '~' else '' end || e.from_date || coalesce(' – ' || e.to_date, '') || E'\\n' || e.body, E'\\n\\n' order by e.from_date) from talk_account_entries e where e.account_id = a.id),
				a.sent_at, case when ${pct(`'aopen' || a.id`)} < 70 then least(${T0}, a.sent_at + interval '1 day') end, false
			from talk_accounts a join demo_people p on p.user_id = a.owner_id where a.sent_at is not null`),
		sql.raw(`update talk_accounts a set letter_id = ${uid('account-letter', 'a.id')} from demo_people p where p.user_id = a.owner_id and a.sent_at is not null`),
		// Something added later to a sent account: its own letter, the entry marked with its reason.
		sql.raw(`insert into letters (id, sender_id, recipient_id, couple_id, kind, body, sent_at, waiting)
			select ${uid('addition-letter', 'a.id')}, a.owner_id, p.partner_id, a.couple_id, 'account-addition', ${text('accountEntry', 'p.locale', `'addition' || a.id`)},
				least(${T0}, a.sent_at + interval '10 days'), false
			from talk_accounts a join demo_people p on p.user_id = a.owner_id where a.sent_at is not null and ${pct(`'addition' || a.id`)} < 25`),
		sql.raw(`insert into talk_account_entries (id, account_id, owner_id, from_date, approximate, body, created_at, updated_at, added_later, reason, letter_id)
			select ${uid('entry', `a.id || 'later'`)}, a.id, a.owner_id, ${dayAgo(`p.start_ago + 100`)}, true, l.body, l.sent_at, l.sent_at, true,
				${text('followUp', 'p.locale', `'areason' || a.id`)}, l.id
			from talk_accounts a join demo_people p on p.user_id = a.owner_id join letters l on l.id = ${uid('addition-letter', 'a.id')}`),
		sql.raw(`insert into talk_questions (id, couple_id, asker_id, about, body, created_at, need_time_until, answered_at)
			select ${uid('question', `user_id || g`)}, couple_id, user_id,
				case when ${pct(`'about' || user_id || g`)} < 45 then 'facts' when ${pct(`'about' || user_id || g`)} < 80 then 'why' end,
				${text('question', 'locale', `'question' || user_id || g`)}, c,
				case when not answered and ${pct(`'needtime' || user_id || g`)} < 30 then ${dayAgo(`-(${h(`'needtime' || user_id || g`)} % 10)`)} end,
				case when answered then least(${T0}, c + interval '1 day') end
			from demo_people, generate_series(1, case when role = 'hurt' then 1 + start_ago / 12 else start_ago / 60 end) g,
				lateral (select ${ago(`greatest(0, start_ago - (g - 1) * 12 - 2)`, `'question' || user_id || g`)} as c, ${pct(`'answered' || user_id || g`)} < 70 as answered) x
			where couple_id is not null`),
		sql.raw(`insert into talk_replies (id, question_id, couple_id, author_id, kind, body, created_at)
			select ${uid('reply', 'q.id')}, q.id, q.couple_id, p.partner_id, 'answer', ${text('answer', 'p.locale', `'reply' || q.id`)}, q.answered_at
			from talk_questions q join demo_people p on p.user_id = q.asker_id where q.answered_at is not null
			union all
			select ${uid('reply', `q.id || 'f'`)}, q.id, q.couple_id, q.asker_id, 'follow-up', ${text('followUp', 'p.locale', `'follow' || q.id`)}, least(${T0}, q.answered_at + interval '3 hours')
			from talk_questions q join demo_people p on p.user_id = q.asker_id where q.answered_at is not null and ${pct(`'follow' || q.id`)} < 20`),
		// The trigger kit: the hurt partner's log (some shared, some signalled), and what each prepared.
		sql.raw(`insert into trigger_entries (id, owner_id, occurred_at, strength, cause, helped, shared_couple_id, created_at, updated_at)
			select ${uid('trigger', `user_id || g`)}, user_id, c, case when ${pct(`'strength' || user_id || g`)} < 85 then 1 + ${h(`'strength' || user_id || g`)} % 5 end,
				${text('triggerCause', 'locale', `'cause' || user_id || g`)}, case when ${pct(`'thelped' || user_id || g`)} < 50 then ${text('trustHelped', 'locale', `'thelped' || user_id || g`)} end,
				case when couple_id is not null and ${pct(`'tshare' || user_id || g`)} < 35 then couple_id end, c, c
			from demo_people, generate_series(1, 1 + start_ago / 10) g, lateral (select ${ago(`greatest(0, start_ago - (g - 1) * 10 - 1)`, `'trigger' || user_id || g`)} as c) x
			where role = 'hurt'`),
		sql.raw(`insert into trigger_signals (id, entry_id, owner_id, couple_id, created_at, answer, answered_at)
			select ${uid('signal', 'e.id')}, e.id, e.owner_id, e.shared_couple_id, e.occurred_at,
				case when ${pct(`'sanswer' || e.id`)} < 70 then (array['talk', 'closeness', 'space'])[1 + ${h(`'sanswer' || e.id`)} % 3] end,
				case when ${pct(`'sanswer' || e.id`)} < 70 then least(${T0}, e.occurred_at + interval '10 minutes') end
			from trigger_entries e join demo_people p on p.user_id = e.owner_id where e.shared_couple_id is not null and ${pct(`'signal' || e.id`)} < 60`),
		sql.raw(`insert into trigger_settings (user_id, prepared_response, response_couple_id, discovered_on, discovery_couple_id, updated_at)
			select user_id, case when role = 'repairing' then ${text('preparedResponse', 'locale', `'prepared' || user_id`)} end, case when role = 'repairing' then couple_id end,
				case when role = 'hurt' then ${dayAgo(`start_ago + ${h(`'discovered' || user_id`)} % 60`)} end, case when role = 'hurt' then couple_id end,
				${ago(`${h(`'tsettings' || user_id`)} % start_ago`, `'tsettings' || user_id`)}
			from demo_people where role is not null and ${pct(`'tsettings' || user_id`)} < 50`),
		// Letters in points: the hurt partner's impact letter, and the repairing partner's answer to a
		// delivered one (couple 1 always goes the whole way, so even a tiny seed has both letters).
		sql.raw(`insert into point_letters (id, owner_id, kind, answers_letter_id, created_at, updated_at)
			select ${uid('impact', 'user_id')}, user_id, 'impact', null, c, least(${T0}, c + interval '3 days')
			from demo_people, lateral (select ${ago(`start_ago * 8 / 10`, `'impact' || user_id`)} as c) x
			where role = 'hurt' and couple_id is not null and (n = 1 or ${pct(`'impact' || user_id`)} < 50)`),
		sql.raw(`insert into point_letter_versions (id, draft_id, owner_id, number, points, rule_ids, created_at, sent_at, sent_couple_id)
			select ${uid('pversion', `l.id || v`)}, l.id, l.owner_id, v,
				jsonb_build_array(${[1, 2, 3].map((k) => text('impactPoint', 'p.locale', `'point' || l.id || v || ${k}`)).join(', ')}), '[]'::jsonb,
				least(${T0}, l.created_at + (v - 1) * interval '3 days'),
				case when v = 2 and (p.n = 1 or ${pct(`'psend' || l.id`)} < 70) then least(${T0}, l.created_at + interval '3 days 1 hour') end,
				case when v = 2 and (p.n = 1 or ${pct(`'psend' || l.id`)} < 70) then p.couple_id end
			from point_letters l join demo_people p on p.user_id = l.owner_id, generate_series(1, 2) v`),
		sql.raw(`insert into letters (id, sender_id, recipient_id, couple_id, kind, body, sent_at, opened_at, waiting)
			select ${uid('impact-letter', 'v.id')}, v.owner_id, p.partner_id, v.sent_couple_id, 'impact',
				(select string_agg(n || '. ' || (v.points ->> (n - 1)), E'\n\n' order by n) from generate_series(1, jsonb_array_length(v.points)) n),
				v.sent_at, case when p.n = 1 or ${pct(`'popen' || v.id`)} < 80 then least(${T0}, v.sent_at + interval '1 day') end, false
			from point_letter_versions v join demo_people p on p.user_id = v.owner_id where v.sent_at is not null`),
		sql.raw(`update point_letter_versions v set sent_letter_id = ${uid('impact-letter', 'v.id')} from demo_people p where p.user_id = v.owner_id and v.sent_at is not null`),
		sql.raw(`insert into point_letters (id, owner_id, kind, answers_letter_id, created_at, updated_at)
			select ${uid('restitution', 'l.id')}, l.recipient_id, 'restitution', l.id, c, c
			from letters l join demo_people p on p.user_id = l.recipient_id, lateral (select least(${T0}, l.sent_at + interval '2 days') as c) x
			where l.kind = 'impact' and l.opened_at is not null and (p.n = 1 or ${pct(`'restitution' || l.id`)} < 60)`),
		sql.raw(`insert into point_letter_versions (id, draft_id, owner_id, number, points, rule_ids, created_at, sent_at, sent_couple_id)
			select ${uid('pversion', `r.id || 1`)}, r.id, r.owner_id, 1,
				jsonb_build_array(${[1, 2, 3].map((k) => text('restitutionAnswer', 'p.locale', `'answer' || r.id || ${k}`)).join(', ')}), '[[], [], []]'::jsonb, r.created_at,
				case when p.n = 1 or ${pct(`'rsend' || r.id`)} < 50 then least(${T0}, r.created_at + interval '1 hour') end,
				case when p.n = 1 or ${pct(`'rsend' || r.id`)} < 50 then p.couple_id end
			from point_letters r join demo_people p on p.user_id = r.owner_id where r.kind = 'restitution'`),
		sql.raw(`insert into letters (id, sender_id, recipient_id, couple_id, kind, body, sent_at, opened_at, waiting)
			select ${uid('restitution-letter', 'v.id')}, v.owner_id, p.partner_id, v.sent_couple_id, 'restitution',
				(select string_agg(n || '. ' || (v.points ->> (n - 1)), E'\n\n' order by n) from generate_series(1, jsonb_array_length(v.points)) n),
				v.sent_at, case when ${pct(`'ropen' || v.id`)} < 60 then least(${T0}, v.sent_at + interval '1 day') end, false
			from point_letter_versions v join point_letters r on r.id = v.draft_id join demo_people p on p.user_id = v.owner_id
			where r.kind = 'restitution' and v.sent_at is not null`),
		sql.raw(`update point_letter_versions v set sent_letter_id = ${uid('restitution-letter', 'v.id')} from point_letters r, demo_people p
			where r.id = v.draft_id and r.kind = 'restitution' and p.user_id = v.owner_id and v.sent_at is not null`),
		// The weekly hour: a slot for about half the couples (couple 1 always) and for some alone, a few
		// weeks of answers (now and then a week skipped), and notes, some of them shared.
		sql.raw(`insert into hour_slots (id, couple_id, user_id, weekday, time, time_zone, updated_by, updated_at)
			select ${uid('hourslot', 'user_id')}, couple_id, case when couple_id is null then user_id end, 1 + ${h(`'hday' || user_id`)} % 7,
				${pick(['19:30', '20:00', '20:30', '21:00'], `'htime' || user_id`)}, '${APP_TIME_ZONE}', user_id, ${ago(`${h(`'hset' || user_id`)} % start_ago`, `'hset' || user_id`)}
			from demo_people where side = 'a' and role is not null and (n = 1 or ${pct(`'hour' || n`)} < 50)`),
		sql.raw(`insert into hour_entries (id, owner_id, couple_id, week, answers, skipped, created_at, updated_at)
			select ${uid('hourentry', `p.user_id || g`)}, p.user_id, p.couple_id, to_char(date_trunc('week', (${D0} - g * 7)::timestamp), 'YYYY-MM-DD'),
				case when sk then '[]'::jsonb else jsonb_build_array(
					${(
						[
							['ap', 'memory'],
							['ww', 'trustHelped'],
							['hd', 'trustHurt'],
							['wi', 'wish']
						] as const
					)
						.map(([prefix, kind]) => `jsonb_build_object('question', '${prefix}' || (1 + (${h(`'hq' || coalesce(p.couple_id, p.user_id)`)} + g) % 8), 'text', ${text(kind, 'p.locale', `'${prefix}' || p.user_id || g`)})`)
						.join(', ')}) end,
				sk, c, c
			from demo_people p join hour_slots s on s.couple_id = p.couple_id or s.user_id = p.user_id,
				generate_series(1, least(8, greatest(1, p.start_ago / 7))) g,
				lateral (select ${pct(`'hskip' || p.user_id || g`)} < 10 as sk, ${ago('g * 7 - 1', `'hentry' || p.user_id || g`)} as c) x`),
		sql.raw(`insert into hour_notes (id, owner_id, shared_couple_id, week, body, created_at)
			select ${uid('hournote', 'e.id')}, e.owner_id, case when p.couple_id is not null and ${pct(`'hnshare' || e.id`)} < 50 then p.couple_id end, e.week,
				${text('memory', 'p.locale', `'hnote' || e.id`)}, e.created_at
			from hour_entries e join demo_people p on p.user_id = e.owner_id where p.n = 1 or ${pct(`'hnote' || e.id`)} < 30`),
		// Calendar feeds for about one in five people (person 1a always). Only a hash is stored, of a
		// token nobody holds: the demo feeds exist, and none of them can be opened.
		sql.raw(`insert into calendar_feeds (id, user_id, token_hash, created_at)
			select ${uid('calfeed', 'user_id')}, user_id, md5('${seed}|caltoken|' || user_id) || md5('${seed}|caltoken2|' || user_id), ${ago(`${h(`'calset' || user_id`)} % start_ago`, `'calset' || user_id`)}
			from demo_people where (n = 1 and side = 'a') or ${pct(`'calfeed' || user_id`)} < 20`),
		// Notifications: quiet hours and a weekly maximum for about a third (person 1 always), a push
		// device for some, and past notices. Every kind stays off: demo people are never sent anything.
		sql.raw(`insert into notification_preferences (user_id, choices, quiet_start, quiet_end, time_zone, weekly_max, updated_at)
			select user_id, '{}'::jsonb, '22:00', '07:00', '${APP_TIME_ZONE}', 1 + ${h(`'nmax' || user_id`)} % 5, ${ago(`${h(`'nset' || user_id`)} % start_ago`, `'nset' || user_id`)}
			from demo_people where n = 1 or ${pct(`'notify' || user_id`)} < 33`),
		sql.raw(`insert into push_subscriptions (id, user_id, endpoint, p256dh, auth, created_at)
			select ${uid('push', 'user_id')}, user_id, 'https://fcm.googleapis.com/fcm/send/demo-' || md5('${seed}|push|' || user_id), 'B' || repeat(md5(user_id), 3), left(md5('auth' || user_id), 22), updated_at
			from notification_preferences where user_id in (select user_id from demo_people) and ${pct(`'npush' || user_id`)} < 50`),
		sql.raw(`insert into notification_outbox (id, user_id, kind, dedupe_key, due_at, status, channels, created_at, sent_at)
			select ${uid('notice', `n.user_id || g`)}, n.user_id, ${pick(['letter', 'answer', 'hour'], `'nkind' || n.user_id || g`)}, 'demo:' || g, c, 'sent', '["email"]'::jsonb, c, c
			from notification_preferences n, generate_series(1, 3) g, lateral (select ${ago(`g * 5`, `'notice' || n.user_id || g`)} as c) x
			where n.user_id in (select user_id from demo_people)`),
		// Visitors: booklet sign-ups and comments under the guide's articles (no account needed).
		sql.raw(`insert into booklet_signups (id, email, locale, wants_updates, created_at, confirmed_at)
			select ${uid('booklet', 'k::text')}, 'reader-' || k || '${`@${DEMO_DOMAIN}`}', case when ${pct(`'blocale' || k`)} < 62 then 'nl' else 'en' end,
				${pct(`'updates' || k`)} < 30, c, case when ${pct(`'confirm' || k`)} < 85 then c + interval '10 minutes' end
			from generate_series(1, 1 + ${couples} / 20) k, lateral (select ${ago(`${h(`'bday' || k`)} % ${days}`, `'booklet' || k`)} as c) x`),
		sql.raw(`insert into booklet_tokens (token_hash, signup_id, locale, wants_updates, created_at)
			select md5('${seed}|btoken|' || id) || md5(id), id, locale, wants_updates, created_at from booklet_signups where email like ${quote(DEMO_LIKE)}`),
		sql.raw(`insert into comments (id, article, locale, name, email, body, status, notify, created_at, moderated_at)
			select ${uid('comment', 'k::text')}, ${pick(['why-it-happens', 'eight-practices', 'hurt-partner', 'forgiveness', 'why-trust-matters'], `'article' || k`)}, l,
				case l when 'nl' then ${pick(NAMES.nl, `'cname' || k`)} else ${pick(NAMES.en, `'cname' || k`)} end,
				'visitor-' || k || '${`@${DEMO_DOMAIN}`}', ${text('guideComment', 'l', `'comment' || k`)},
				case when ${pct(`'cstatus' || k`)} < 80 then 'approved' when ${pct(`'cstatus' || k`)} < 95 then 'pending' else 'spam' end,
				${pct(`'notify' || k`)} < 20, c, case when ${pct(`'cstatus' || k`)} < 80 or ${pct(`'cstatus' || k`)} >= 95 then c + interval '1 day' end
			from generate_series(1, greatest(1 + ${couples} / 10, ${VISITOR_COMMENTS_AT_LEAST})) k,
				lateral (select case when ${pct(`'clocale' || k`)} < 62 then 'nl' else 'en' end as l, ${ago(`2 + ${h(`'cday' || k`)} % ${days}`, `'comment' || k`)} as c) x`)
	];
}
