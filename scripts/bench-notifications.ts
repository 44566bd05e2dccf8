// Prints what the notifications' minute tick costs at a given number of couples, everyone opted in
// (docs/notifications.md, "At 10,000 couples"). Figures only: tests never assert timings.
// Senders answer at once, so the figures are the app's and the database's share, not a mail server's.
// Run: npx tsx scripts/bench-notifications.ts [--couples 10000] [--postgres]
//   --postgres: a database made (and dropped, unless --keep) on BENCH_POSTGRES_URL
//   (default postgres://postgres@127.0.0.1:5432/postgres); PGlite in memory otherwise.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { onQuery, openDatabase, type Database, type DatabaseHandle } from '../src/lib/server/db';
import { runAsSystem } from '../src/lib/server/db/actor-context';
import { createDueReminders, deliverDue, purgeOldNotices, type Senders } from '../src/lib/server/notifications/outbox';
import { DELIVERY_BATCH, notificationsTick } from '../src/lib/server/notifications/jobs';

process.env.LOG_LEVEL = 'silent';
const { values } = parseArgs({ options: { couples: { type: 'string', default: '10000' }, postgres: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } } });
const couples = Number(values.couples);
const people = couples * 2;

let drop: (() => Promise<void>) | undefined;
let handle: DatabaseHandle;
if (values.postgres) {
	const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const name = `herstelpad_bench_notify_${process.pid}`;
	const admin = new pg.Client({ connectionString: server });
	await admin.connect();
	await admin.query(`create database "${name}"`);
	await admin.end();
	const url = new URL(server);
	url.pathname = `/${name}`;
	handle = await openDatabase({ kind: 'postgres', url: url.href });
	if (values.keep) {
		console.log(`database kept: ${url.href}`);
	} else {
		drop = async () => {
			const cleanup = new pg.Client({ connectionString: server });
			await cleanup.connect();
			await cleanup.query(`drop database if exists "${name}" with (force)`);
			await cleanup.end();
		};
	}
} else {
	handle = await openDatabase({ kind: 'pglite' });
}
const db: Database = handle.db;
const exec = (query: string) => db.execute(sql.raw(query));

/**
 * Couples with a weekly hour spread over the week (7 days × 8 half hours from 19:00), both partners
 * opted into everything (e-mail, and push for the hour and triggers) with quiet hours 22:00–07:00,
 * a device each, two commitments each (half of them daily, the other half on Tuesday and Thursday;
 * and one at weekends), a week of check-ins behind the daily ones and ten weeks of notices (one
 * sent in the last seven days).
 */
async function seed() {
	const n = couples;
	await exec(`insert into users (id, email, password_hash, display_name, locale, role, adult_confirmed_at)
		select 'u' || g, 'u' || g || '@example.org', 'x', 'U' || g, case when g % 5 = 0 then 'en' else 'nl' end, case when g % 2 = 0 then 'hurt' else 'repairing' end, now()
		from generate_series(1, ${2 * n}) g`);
	await exec(`insert into couples (id) select 'c' || g from generate_series(1, ${n}) g`);
	await exec(`insert into couple_members (couple_id, user_id) select 'c' || ((g + 1) / 2), 'u' || g from generate_series(1, ${2 * n}) g`);
	await exec(`insert into hour_slots (id, couple_id, weekday, "time", time_zone)
		select 'h' || g, 'c' || g, 1 + g % 7, to_char(time '19:00' + ((g / 7) % 8) * interval '30 minutes', 'HH24:MI'), 'Europe/Amsterdam'
		from generate_series(1, ${n}) g`);
	await exec(`insert into notification_preferences (user_id, choices, quiet_start, quiet_end)
		select 'u' || g, '{"letter":{"email":true},"answer":{"email":true},"hour":{"email":true,"push":true},"check-in":{"email":true},"trigger":{"push":true}}'::jsonb, '22:00', '07:00'
		from generate_series(1, ${2 * n}) g`);
	await exec(`insert into push_subscriptions (id, user_id, endpoint, p256dh, auth)
		select 'p' || g, 'u' || g, 'https://fcm.googleapis.com/fcm/send/u' || g, 'k', 'a' from generate_series(1, ${2 * n}) g`);
	await exec(`insert into commitments (id, owner_id, title, why, rhythm, weekdays, status, starts_on)
		select 'k' || g || '-' || j, 'u' || g, 'x', 'x', case when j = 1 and g % 2 = 0 then 'daily' else 'weekdays' end,
			case when j = 1 and g % 2 = 0 then '[]'::jsonb when j = 1 then '[2,4]'::jsonb else '[6,7]'::jsonb end, 'active', date '2026-02-02'
		from generate_series(1, ${2 * n}) g, generate_series(1, 2) j`);
	await exec(`insert into commitment_events (commitment_id, kind, from_day, title, why, rhythm, weekdays, status)
		select id, 'created', starts_on, title, why, rhythm, weekdays, status from commitments`);
	await exec(`insert into check_ins (commitment_id, owner_id, day, outcome)
		select c.id, c.owner_id, d::date, 'kept' from commitments c, generate_series(date '2026-02-23', date '2026-03-03', interval '1 day') d
		where c.rhythm = 'daily'`);
	await exec(`insert into notification_outbox (id, user_id, kind, dedupe_key, due_at, status, sent_at, channels)
		select 'o' || g || '-' || w, 'u' || g, 'letter', 'old-' || w, timestamptz '2026-03-02 12:00Z' - w * interval '7 days', 'sent', timestamptz '2026-03-02 12:00Z' - w * interval '7 days', '["email"]'::jsonb
		from generate_series(1, ${2 * n}) g, generate_series(0, 9) w`);
	await exec('analyze');
}

const senders: Senders = { mail: { send: async () => undefined }, push: async () => 'sent' };

async function measure<T>(work: () => Promise<T>) {
	let statements = 0;
	const stop = onQuery(() => statements++);
	const started = performance.now();
	try {
		const result = await work();
		return { result, ms: performance.now() - started, statements };
	} finally {
		stop();
	}
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (ms: number) => `${ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`;

const seeded = await measure(seed);
const [{ n: outboxRows }] = ((await db.execute(sql`select count(*)::int as n from notification_outbox`)) as unknown as { rows: { n: number }[] }).rows;
console.log(`notifications' tick, ${couples} couples (${people} people, all opted in), ${handle.kind}; ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}, Node ${process.version}`);
console.log(`  seeded in ${fmt(seeded.ms)}: ${outboxRows} notices in the outbox`);

// The moments (Europe/Amsterdam, winter time): Wednesday 4 March 2026. Before each, the tick a
// minute earlier has run (so what came due then is made and sent), as in production.
const moments: [string, Date][] = [
	['10:00, nothing new (the slots of the last 12 hours reminded already)', new Date('2026-03-04T09:00:00Z')],
	['18:00, the check-ins of everyone with something due today', new Date('2026-03-04T17:00:00Z')],
	['18:01, the minute after', new Date('2026-03-04T17:01:00Z')],
	['19:30, the hour of the couples whose slot is Wednesday 19:30', new Date('2026-03-04T18:30:00Z')],
	['19:31, the minute after', new Date('2026-03-04T18:31:00Z')]
];
for (const [label, at] of moments) {
	await runAsSystem(() => notificationsTick(db, new Date(at.getTime() - 60_000), senders));
	const made = await measure(() => runAsSystem(() => createDueReminders(db, at)));
	const batches: { ms: number; statements: number; claimed: number }[] = [];
	let sent = 0;
	let dropped = 0;
	for (;;) {
		const batch = await measure(() => runAsSystem(() => deliverDue(db, at, senders, DELIVERY_BATCH)));
		const claimed = batch.result.sent + batch.result.dropped + batch.result.postponed + batch.result.retrying;
		batches.push({ ms: batch.ms, statements: batch.statements, claimed });
		sent += batch.result.sent;
		dropped += batch.result.dropped;
		if (claimed < DELIVERY_BATCH) break;
	}
	const last = batches.at(-1)!;
	const full = batches.filter((b) => b.claimed === DELIVERY_BATCH);
	console.log(`  ${label}:`);
	console.log(`    reminders: ${made.result} made in ${fmt(made.ms)}, ${made.statements} statements`);
	if (full.length === 0) {
		console.log(`    delivery: ${sent} sent, ${dropped} dropped, ${fmt(last.ms)}, ${last.statements} statements`);
	} else {
		const statements = [...new Set(full.map((b) => b.statements))].join('/');
		console.log(
			`    delivery: ${sent} sent, ${dropped} dropped in ${batches.length} batches of up to ${DELIVERY_BATCH}, ${statements} statements and median ${fmt(median(full.map((b) => b.ms)))} per full one, ${fmt(batches.reduce((sum, b) => sum + b.ms, 0))} in all`
		);
	}
}
const purge = await measure(() => runAsSystem(() => purgeOldNotices(db, new Date('2026-05-20T12:00:00Z'))));
console.log(`  forgetting notices older than 90 days: ${fmt(purge.ms)}, ${purge.statements} statements`);

await handle.close();
await drop?.();
