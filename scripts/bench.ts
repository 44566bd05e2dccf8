/**
 * `npm run bench`: every page of the production server, measured against seeded PostgreSQL
 * databases of two sizes (issue 14, item 2).
 *
 * For each size it creates a database on the PostgreSQL server (BENCH_POSTGRES_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) and seeds it with `seedDemo`; then it starts
 * `node scripts/server.js` for every size at once, each on its own loopback port, and signs in on
 * each as both partners of the same demo couples (scripts/bench-couples.ts: the ones among the
 * first 100 that use the most of the app). It runs autocannon against every signed-in page, the
 * signed-out home, a guide article, the analyse endpoint and a static file, route by route: each
 * route at every size in turn (scripts/bench-order.ts), so the sizes are compared seconds apart
 * rather than a quarter of an hour, and the static file right before each run, so that the
 * machine's noise shows in both. Prints one table and writes docs/benchmarks.md (not with
 * --quick). Drops its databases and stops the servers at the end, also on failure. Prints
 * figures; never fails on them.
 *
 *   npm run bench                            100 and 10,000 couples, 10 s per route
 *   npm run bench -- --couples 1000          one size
 *   npm run bench -- --couples 100,1000 --duration 5 --connections 32
 *   npm run bench -- --rounds 3 --duration 5   each route 3 times per size: medians, and growth
 *                                             round by round with its range (scripts/bench-rounds.ts)
 *   npm run bench -- --quick                 tiny sizes, 16 requests per route (CI)
 *   npm run bench:js                         JavaScript each page loads, against the budgets
 *   npm run bench:js -- --no-write           the same, printed only
 *
 * `--js` (npm run bench:js) measures no throughput: it seeds a few couples, opens every page in
 * Chromium (signed out, and signed in as both partners of one couple) and sums the gzipped size
 * of every JavaScript file the page fetched until the network fell quiet (modulepreloads, imports
 * and dynamic imports made on load), against issue 14's budgets; it writes the table into
 * docs/performance.md between `<!-- js-budget -->` markers.
 *
 * BENCH_PORT (default 4214) chooses the first size's port; the next sizes take the ports after it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/lib/server/db';
import { DEMO_DOMAIN, DEMO_PASSWORD, demoEmail, seedDemo } from '../src/lib/server/demo/seed';
import { CANDIDATES, chooseCouples, coupleProfiles, describeCouple, type CoupleProfile } from './bench-couples';
import { sizeOrder } from './bench-order';
import { combineRounds, pairedGrowth, type Figures, type Growth } from './bench-rounds';
import { buildIsStale } from './stale-build.js';
import { processCount } from './cluster.js';

const root = new URL('..', import.meta.url).pathname;
/** The first size's server listens here, the next sizes' on the ports after it. */
const basePort = Number(process.env.BENCH_PORT ?? 4214);
const serverUrl = process.env.BENCH_POSTGRES_URL ?? process.env.CI_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Options {
	sizes: number[];
	duration: number;
	floorDuration: number;
	/** With --quick: a fixed number of requests per route (and of the static file before it) instead of a duration. */
	requestsPerRoute?: number;
	connections: number;
	/** How often each route is measured at every size (--rounds); the report gives medians. */
	rounds: number;
	couplesSignedIn: number;
	quick: boolean;
	js: boolean;
	write: boolean;
}

function parseArgs(argv: string[]): Options {
	const quick = argv.includes('--quick');
	const value = (name: string) => {
		const i = argv.indexOf(`--${name}`);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const known = new Set(['--quick', '--no-write', '--write', '--couples', '--duration', '--connections', '--rounds', '--js']);
	for (let i = 0; i < argv.length; i++) {
		if (!known.has(argv[i])) throw new Error(`unknown argument ${argv[i]} (see the top of scripts/bench.ts)`);
		if (['--couples', '--duration', '--connections', '--rounds'].includes(argv[i])) i++;
	}
	const js = argv.includes('--js');
	const sizes = (value('couples') ?? (js ? '3' : quick ? '5,25' : '100,10000')).split(',').map(Number);
	if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--couples: whole numbers, e.g. 100,10000');
	// --quick proves the benchmark runs end to end (every page answers, the table fills); its
	// figures mean little, so each route, and the static file before it, gets a fixed handful of
	// requests (16 at 4 connections) rather than a duration: about 20 s for both sizes instead of a minute.
	const duration = Number(value('duration') ?? (quick ? 0.25 : 10));
	const connections = Number(value('connections') ?? (quick ? 4 : 32));
	if (!(duration > 0 && duration <= 60)) throw new Error('--duration: seconds per route, at most 60');
	if (!(connections >= 1 && connections <= 256)) throw new Error('--connections: 1 to 256');
	const rounds = Number(value('rounds') ?? 1);
	if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= 10)) throw new Error('--rounds: how often each route is measured per size, 1 to 10');
	return {
		sizes,
		duration,
		floorDuration: Math.max(quick ? 0.1 : 0.25, duration / 2),
		requestsPerRoute: quick && !value('duration') ? connections * 4 : undefined,
		connections,
		rounds,
		couplesSignedIn: quick ? 1 : 4,
		quick,
		js,
		write: argv.includes('--write') || (!quick && !argv.includes('--no-write'))
	};
}

/* ---------- the server ---------- */

/** Builds when build/ is missing or older than what it is built from (the same test as `npm test`'s, so the build it made is reused). */
function buildIfNeeded() {
	if (!buildIsStale()) return;
	console.log('Building the app first (npx vite build)…');
	const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (built.status !== 0) throw new Error('the build failed');
}

interface Server {
	process: ChildProcess;
	origin: string;
	dataDir: string;
	stop(): Promise<void>;
	counts(): Promise<{ statements: number; actorSettings: number }>;
}

function startServer(databaseUrl: string, port: number): Server {
	const origin = `http://127.0.0.1:${port}`;
	const dataDir = mkdtempSync(join(tmpdir(), 'herstelpad-bench-'));
	const child = spawn(process.execPath, ['--import', './scripts/bench-probe.js', 'scripts/server.js'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATA_DIR: dataDir,
			DATABASE_URL: databaseUrl,
			LOG_LEVEL: 'error',
			BODY_SIZE_LIMIT: '256K',
			// Each request says which "visitor" it is, so per-address limits (60 analyses a minute)
			// apply per simulated visitor rather than to the whole benchmark at once.
			ADDRESS_HEADER: 'x-bench-address'
		}
	});
	const kill = () => child.kill('SIGKILL');
	process.once('exit', kill);
	return {
		process: child,
		origin,
		dataDir,
		async stop() {
			process.off('exit', kill);
			if (child.exitCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill('SIGTERM');
				const force = setTimeout(kill, 5_000);
				await exited;
				clearTimeout(force);
			}
			rmSync(dataDir, { recursive: true, force: true });
		},
		counts() {
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error('the server did not report its query counts')), 5_000);
				child.once('message', (message) => {
					clearTimeout(timer);
					resolve(message as { statements: number; actorSettings: number });
				});
				child.send('counts');
			});
		}
	};
}

/** The process and its descendants (the app processes under scripts/server.js's primary), from /proc. */
function processTree(pid: number | undefined): number[] {
	if (pid === undefined) return [];
	const children = new Map<number, number[]>();
	try {
		for (const entry of readdirSync('/proc')) {
			if (!/^\d+$/.test(entry)) continue;
			try {
				const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
				children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
			} catch {
				/* gone meanwhile */
			}
		}
	} catch {
		return [pid];
	}
	const tree = [pid];
	for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
	return tree;
}

/** CPU time the server has used (all its processes and threads), in ms, from /proc; NaN where there is no /proc. */
function cpuMs(pid: number | undefined): number {
	let total = 0;
	for (const one of processTree(pid)) {
		try {
			const fields = readFileSync(`/proc/${one}/stat`, 'utf8').split(') ')[1].split(' ');
			total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
		} catch {
			if (one === pid) return NaN;
		}
	}
	return total;
}

/** Resident memory now and at its peak, in MB, summed over the server's processes, from /proc. */
function memoryMb(pid: number | undefined): { rss: number; peak: number } {
	let rss = 0;
	let peak = 0;
	for (const one of processTree(pid)) {
		try {
			const status = readFileSync(`/proc/${one}/status`, 'utf8');
			const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
			rss += kb('VmRSS') / 1024;
			peak += kb('VmHWM') / 1024;
		} catch {
			if (one === pid) return { rss: NaN, peak: NaN };
		}
	}
	return { rss, peak };
}

/* ---------- HTTP ---------- */

interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
let visitor = 0;
/** A different simulated client address for each request (see ADDRESS_HEADER above). */
const nextAddress = () => {
	visitor = (visitor + 1) % 60_000;
	return `10.${(visitor >> 8) & 255}.${visitor & 255}.${1 + (visitor % 200)}`;
};

function send(origin: string, method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = request(`${origin}${path}`, { method, agent, headers: { 'x-bench-address': nextAddress(), ...options.headers } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.setTimeout(30_000, () => req.destroy(new Error(`timeout on ${path}`)));
		if (options.body) req.write(options.body);
		req.end();
	});
}

async function waitUntilListening(origin: string) {
	for (let tries = 0; ; tries++) {
		try {
			if ((await send(origin, 'GET', '/favicon.svg')).status === 200) return;
		} catch {
			/* not listening yet */
		}
		if (tries > 240) throw new Error('the server did not start within 2 minutes');
		await new Promise((r) => setTimeout(r, 500));
	}
}

/** With several app processes, the others start once the first listens; the figures wait for all of them. */
async function waitForProcesses(server: Server, count: number) {
	if (count <= 1) return;
	for (let tries = 0; processTree(server.process.pid).length - 1 < count; tries++) {
		if (tries > 240) throw new Error(`the server did not start ${count} processes within 2 minutes`);
		await new Promise((r) => setTimeout(r, 500));
	}
	// Forked is not yet listening: give their start-up (loading the app, its database pool) a moment.
	await new Promise((r) => setTimeout(r, 3_000));
}

async function signIn(origin: string, email: string): Promise<string> {
	const reply = await send(origin, 'POST', '/signin?/signin', {
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'text/html' },
		body: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString()
	});
	const cookie = ([] as string[])
		.concat(reply.headers['set-cookie'] ?? [])
		.map((c) => c.split(';')[0])
		.join('; ');
	if (reply.status !== 303 || !cookie) throw new Error(`signing in as ${email} answered ${reply.status}`);
	return cookie;
}

/* ---------- what is measured ---------- */

interface Target {
	path: string;
	cookie?: string;
	method?: 'GET' | 'POST';
	body?: string;
	contentType?: string;
}

interface Route {
	name: string;
	targets: Target[];
}

/** Pages not measured signed in: for signed-out visitors, one-off links, redirects, or administrators only. */
const NOT_SIGNED_IN_PAGES = new Set([
	'/',
	'/signin',
	'/signup',
	'/forgot-password',
	'/reset-password',
	'/invite/[token]',
	'/quick-exit',
	'/booklet/confirm',
	'/booklet/unsubscribe',
	'/offline',
	'/design',
	'/admin',
	'/admin/booklet',
	'/admin/comments'
]);

function pageIds(): string[] {
	const found: string[] = [];
	const walk = (dir: string, id: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) walk(join(dir, entry.name), `${id}/${entry.name}`);
			else if (entry.name === '+page.svelte') found.push(id || '/');
		}
	};
	walk(join(root, 'src', 'routes'), '');
	return found.filter((id) => !NOT_SIGNED_IN_PAGES.has(id) && !/\(/.test(id)).sort();
}

interface Person {
	email: string;
	userId: string;
	role: 'repairing' | 'hurt';
	coupleId: string;
	cookie?: string;
	params: Record<string, string | undefined>;
}

/**
 * The demo couples to sign in as, and what each has written: at the first size they are chosen
 * among couples 1 to `pool` (chooseCouples); at the next sizes the same numbers are looked up again
 * (seedDemo makes couple n alike at every size), with a warning if the choice there would differ.
 */
async function measuredCouples(databaseUrl: string, pool: number, count: number, earlier?: number[]): Promise<CoupleProfile[]> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const profiles = await coupleProfiles(async (text) => (await client.query(text)).rows, pool, DEMO_DOMAIN);
		const here = chooseCouples(profiles, count);
		if (!earlier) return here;
		if (here.map((p) => p.n).join() !== earlier.join()) {
			console.warn(`  warning: here the choice would be couples ${here.map((p) => p.n).join(', ')}; measuring ${earlier.join(', ')} as at the first size`);
		}
		return earlier.map((n) => {
			const found = profiles.find((p) => p.n === n);
			if (!found) throw new Error(`couple ${n} is not in this database`);
			return found;
		});
	} finally {
		await client.end();
	}
}

/** Both partners of the given demo couples, with an example id for each page with a parameter (their own newest item). */
async function choosePeople(databaseUrl: string, couples: number[]): Promise<Person[]> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const emails = couples.flatMap((n) => [demoEmail(n, 'a'), demoEmail(n, 'b')]);
		const { rows } = await client.query<{ email: string; user_id: string; role: 'repairing' | 'hurt'; couple_id: string }>(
			`select u.email, u.id as user_id, u.role, m.couple_id from users u join couple_members m on m.user_id = u.id
			where u.email = any($1::text[]) order by array_position($1::text[], u.email)`,
			[emails]
		);
		if (rows.length !== emails.length) throw new Error(`expected ${emails.length} paired demo people, found ${rows.length}`);
		const one = async (query: string, ...params: unknown[]) => (await client.query<{ id: string }>(query, params)).rows[0]?.id;
		const people: Person[] = [];
		for (const row of rows) {
			people.push({
				email: row.email,
				userId: row.user_id,
				role: row.role,
				coupleId: row.couple_id,
				params: {
					'/coach/drafts/[id=uuid]': await one('select id from apology_drafts where owner_id = $1 order by updated_at desc limit 1', row.user_id),
					'/reflections/[id=uuid]': await one('select id from reflections where owner_id = $1 order by updated_at desc limit 1', row.user_id),
					'/deeds/commitments/[id=uuid]': await one('select id from commitments where owner_id = $1 or shared_couple_id = $2 order by created_at desc limit 1', row.user_id, row.couple_id),
					'/talk/questions/[id=uuid]': await one('select id from talk_questions where couple_id = $1 order by created_at desc limit 1', row.couple_id),
					'/self-test/saved/[id=uuid]': await one('select id from self_test_results where owner_id = $1 limit 1', row.user_id),
					'/program/[step]': row.role === 'hurt' ? 'first-shock' : 'confess',
					'/coach/rules/[ruleId]': 'blame-shift',
					'/guide/[slug]': 'why-it-happens',
					'/guide/authors/[author]': 'redactie'
				}
			});
		}
		return people;
	} finally {
		await client.end();
	}
}

/** Pages that need a query string to show anything. */
const SEARCH: Record<string, string> = { '/reflections/new': '?prompt=my-part' };

const ANALYSE_TEXT =
	'Het spijt me. Ik ben vreemdgegaan en ik heb er maanden over gelogen. Ik heb je vertrouwen beschaamd en je pijn gedaan. ' +
	'Het was maar een slippertje, maar ik begrijp dat het voor jou alles veranderd heeft. Ik zal al je vragen eerlijk beantwoorden, in jouw tempo, ' +
	'en ik heb het contact verbroken. Ik wil laten zien dat je weer op me kunt rekenen, niet alleen met woorden.';

function routesFor(people: Person[]): Route[] {
	const routes: Route[] = [
		{ name: 'static file (floor)', targets: [{ path: '/favicon.svg' }] },
		{ name: '/ signed out (home)', targets: [{ path: '/' }] },
		{ name: '/guide/why-it-happens signed out', targets: [{ path: '/guide/why-it-happens' }] },
		{
			name: 'POST /api/v1/apology/analyze',
			targets: [{ path: '/api/v1/apology/analyze', method: 'POST', contentType: 'application/json', body: JSON.stringify({ text: ANALYSE_TEXT, lang: 'nl' }) }]
		}
	];
	for (const id of pageIds()) {
		const targets: Target[] = [];
		for (const person of people) {
			let missing = false;
			const path = id.replace(/\[[^\]]+\]/g, (param) => {
				const value = person.params[id];
				if (!value) missing = true;
				return value ?? param;
			});
			if (!missing) targets.push({ path: path + (SEARCH[id] ?? ''), cookie: person.cookie });
		}
		routes.push({ name: id, targets });
	}
	return routes;
}

type Measurement = Figures;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** One bounded autocannon run over the route's targets in turn, loopback only. */
async function measure(server: Server, route: Route, seconds: number, connections: number, amount?: number): Promise<Measurement> {
	const targets = route.targets;
	let next = 0;
	const latencies: number[] = [];
	const before = { cpu: cpuMs(server.process.pid), counts: await server.counts() };
	const options: autocannon.Options = {
		url: server.origin,
		connections,
		...(amount ? { amount } : { duration: seconds }),
		// autocannon checks for the end of a run only when it samples (every second by default), so
		// a run shorter than a second would last a whole second anyway.
		sampleInt: 100,
		timeout: 30,
		requests: [
			{
				setupRequest: (req) => {
					const target = targets[next++ % targets.length];
					return {
						...req,
						method: target.method ?? 'GET',
						path: target.path,
						body: target.body,
						headers: {
							accept: target.method === 'POST' ? 'application/json' : 'text/html,application/xhtml+xml,*/*;q=0.8',
							'accept-encoding': 'br, gzip',
							'x-bench-address': nextAddress(),
							...(target.cookie ? { cookie: target.cookie } : {}),
							...(target.contentType ? { 'content-type': target.contentType, origin: server.origin } : {})
						}
					};
				}
			}
		]
	};
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(options, (err, done) => (err ? reject(err) : resolve(done)));
		instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
	});
	const after = { cpu: cpuMs(server.process.pid), counts: await server.counts() };
	latencies.sort((a, b) => a - b);
	const requests = result.requests.total;
	return {
		requests,
		rps: requests / (result.duration || seconds),
		p50: quantile(latencies, 0.5),
		p95: quantile(latencies, 0.95),
		p99: quantile(latencies, 0.99),
		errors: result.non2xx + result.errors + result.timeouts,
		statuses: Object.entries(result.statusCodeStats ?? {})
			.filter(([code]) => !code.startsWith('2'))
			.map(([code, stat]) => `${code}×${(stat as { count: number }).count}`)
			.concat(result.timeouts ? [`timeout×${result.timeouts}`] : [], result.errors - result.timeouts > 0 ? [`error×${result.errors - result.timeouts}`] : [])
			.join(' '),
		cpuPerRequest: (after.cpu - before.cpu) / Math.max(1, requests),
		queriesPerRequest: (after.counts.statements - before.counts.statements) / Math.max(1, requests),
		actorSettingsPerRequest: (after.counts.actorSettings - before.counts.actorSettings) / Math.max(1, requests)
	};
}

interface SizeResult {
	couples: number;
	seedSeconds: number;
	databaseMb: number;
	idleMb: number;
	peakMb: number;
	/** App processes serving (scripts/server.js's workers; 1 when it runs alone). */
	processes: number;
	/** The couples signed in (the same numbers at every size) and what each has written in this database. */
	measured: CoupleProfile[];
	/** With several rounds, `floor` and `run` are the rounds' medians and `p95Rounds` each round's p95 in order. */
	rows: { route: string; floor: Measurement; run: Measurement; p95Rounds?: number[]; note?: string }[];
}

/** What every size shares: one moment for seedDemo (so couple n's rows are the same at every size, even past midnight), and the couples chosen at the first size. */
interface Selection {
	now: Date;
	pool: number;
	couples?: number[];
}

/** A size with its database seeded: what the report says of it, and where its server finds it. */
interface SeededSize {
	couples: number;
	databaseUrl: string;
	seedSeconds: number;
	databaseMb: number;
	measured: CoupleProfile[];
}

/** A seeded size with its own server up, its people signed in there and every route tried once. */
interface ReadySize extends SeededSize {
	server: Server;
	idleMb: number;
	processes: number;
	routes: Route[];
	floor: Route;
	/** The routes that answered 200 at this size, by name (the same names at every size, not the same targets). */
	answering: Map<string, Route>;
	rows: SizeResult['rows'];
}

async function seedSize(admin: pg.Client, name: string, couples: number, options: Options, selection: Selection): Promise<SeededSize> {
	await admin.query(`drop database if exists "${name}" with (force)`);
	await admin.query(`create database "${name}"`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const databaseUrl = url.href;
	process.stdout.write(`Seeding ${couples.toLocaleString('en')} couples… `);
	const started = performance.now();
	const handle = await openDatabase({ kind: 'postgres', url: databaseUrl });
	try {
		await seedDemo(handle.db, { couples, seed: 1, now: selection.now });
	} finally {
		await handle.close();
	}
	const seedSeconds = (performance.now() - started) / 1000;
	const size = await admin.query<{ bytes: string }>('select pg_database_size($1)::text as bytes', [name]);
	const databaseMb = Number(size.rows[0].bytes) / 1024 / 1024;
	console.log(`${seedSeconds.toFixed(1)} s, ${databaseMb.toFixed(0)} MB`);
	const measured = await measuredCouples(databaseUrl, selection.pool, options.couplesSignedIn, selection.couples);
	selection.couples ??= measured.map((p) => p.n);
	for (const p of measured) console.log(`  signed in as ${describeCouple(p)}`);
	return { couples, databaseUrl, seedSeconds, databaseMb, measured };
}

/** Waits until the server answers with all its app processes, then reads their memory at rest. */
async function waitUntilReady(server: Server, databaseUrl: string): Promise<{ idleMb: number; processes: number }> {
	await waitUntilListening(server.origin);
	await waitForProcesses(server, processCount({ ...process.env, DATABASE_URL: databaseUrl }, availableParallelism()).count);
	const tree = processTree(server.process.pid).length;
	return { idleMb: memoryMb(server.process.pid).rss, processes: tree > 1 ? tree - 1 : 1 };
}

/**
 * Signs the size's people in on its own server, then sends one request per target: every page
 * must answer 200, and the first request of each route (loading its code) stays out of the figures.
 */
async function prepareRoutes(size: SeededSize, server: Server): Promise<Pick<ReadySize, 'routes' | 'floor' | 'answering' | 'rows'>> {
	const people = await choosePeople(size.databaseUrl, size.measured.map((p) => p.n));
	for (const person of people) person.cookie = await signIn(server.origin, person.email);
	const routes = routesFor(people);
	const rows: SizeResult['rows'] = [];
	const answering = new Map<string, Route>();
	for (const route of routes) {
		if (!route.targets.length) {
			rows.push({ route: route.name, floor: empty(), run: empty(), note: 'no example for this page in the demo data' });
			continue;
		}
		const statuses = new Set<number>();
		for (const t of route.targets) {
			const reply = await send(server.origin, t.method ?? 'GET', t.path, {
				headers: {
					accept: 'text/html',
					...(t.cookie ? { cookie: t.cookie } : {}),
					...(t.contentType ? { 'content-type': t.contentType, origin: server.origin, accept: 'application/json' } : {})
				},
				body: t.body
			});
			statuses.add(reply.status);
		}
		if (statuses.size !== 1 || !statuses.has(200)) rows.push({ route: route.name, floor: empty(), run: empty(), note: `answered ${[...statuses].join(', ')}: not measured` });
		else answering.set(route.name, route);
	}
	return { routes, floor: routes[0], answering, rows };
}

/** The static file, then the route, on the size's own server. */
async function measureRoute(size: ReadySize, route: Route, options: Options): Promise<SizeResult['rows'][number]> {
	const floor = await measure(size.server, size.floor, options.floorDuration, options.connections, options.requestsPerRoute);
	let run = await measure(size.server, route, options.duration, options.connections, options.requestsPerRoute);
	// A page slower than the run itself (a short --quick run on a busy machine) would show
	// nothing: requests still on their way when a run ends are dropped. Count a fixed number instead.
	if (run.requests < options.connections) run = await measure(size.server, route, options.duration, options.connections, options.connections * 2);
	return { route: route.name, floor, run };
}

/** How long each page is loaded, at each size, before anything is measured (not with --quick). */
const WARM_UP_SECONDS = 1;

/**
 * Load on every page at each size before anything is measured: V8 optimises the code all pages
 * share (rendering, the database driver, compression) only under load, so without this the routes
 * measured first ran cold. Stop 24's three rounds showed it: the signed-out home, measured first,
 * at 394, 631 and 887 requests/s. Figures of the warm-up are thrown away. Posts are left out: the
 * analyser counts each person's checks, and a warm-up must not spend them.
 */
async function warmUp(sizes: ReadySize[], options: Options) {
	if (options.quick) return;
	const started = Date.now();
	process.stdout.write(`  warming up every page for ${WARM_UP_SECONDS} s at each size…`);
	for (const size of sizes) {
		for (const route of [size.floor, ...size.answering.values()]) {
			if (route.targets.some((t) => t.method === 'POST')) continue;
			await measure(size.server, route, WARM_UP_SECONDS, options.connections);
		}
	}
	process.stdout.write(` ${Math.round((Date.now() - started) / 1000)} s\n`);
}

/**
 * Route by route, every size in turn (scripts/bench-order.ts), so p95 growth compares runs seconds
 * apart; with --rounds, that again for each round, the order alternating from round to round too.
 */
async function measureInterleaved(sizes: ReadySize[], options: Options) {
	const [first] = sizes;
	const names = first.routes.map((r) => r.name).filter((name) => name !== first.floor.name && sizes.some((size) => size.answering.has(name)));
	for (const [i, name] of names.entries()) {
		const runs = new Map<ReadySize, SizeResult['rows']>(sizes.map((size) => [size, []]));
		for (let round = 0; round < options.rounds; round++) {
			process.stdout.write(`  ${(round === 0 ? name : `  round ${round + 1}`).padEnd(36)}`);
			for (const size of sizeOrder(sizes, i + round)) {
				const route = size.answering.get(name);
				if (!route) continue;
				const row = await measureRoute(size, route, options);
				runs.get(size)!.push(row);
				process.stdout.write(`  ${f(size.couples)}: ${row.run.rps.toFixed(0).padStart(5)} req/s p95 ${row.run.p95.toFixed(0).padStart(4)} ms (floor ${row.floor.rps.toFixed(0)})`);
			}
			process.stdout.write('\n');
		}
		for (const [size, rows] of runs) {
			if (!rows.length) continue;
			size.rows.push({
				route: name,
				floor: combineRounds(rows.map((r) => r.floor)),
				run: combineRounds(rows.map((r) => r.run)),
				...(options.rounds > 1 ? { p95Rounds: rows.map((r) => r.run.p95) } : {})
			});
		}
	}
}

/**
 * Seeds every size, starts one server per size at once (BENCH_PORT for the first, the ports after
 * it for the next), signs in on each and measures them interleaved. Stops the servers and drops
 * the databases at the end, also on failure.
 */
async function runSizes(options: Options, selection: Selection): Promise<SizeResult[]> {
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	const databases: string[] = [];
	const servers: Server[] = [];
	try {
		const seeded: SeededSize[] = [];
		for (const [i, couples] of options.sizes.entries()) {
			// Every database exists at once now: the index keeps two equal sizes (--couples 100,100) apart.
			databases.push(`herstelpad_bench_${i}_${couples}_${process.pid}`);
			seeded.push(await seedSize(admin, databases[i], couples, options, selection));
		}
		for (const [i, size] of seeded.entries()) servers.push(startServer(size.databaseUrl, basePort + i));
		const atRest = await Promise.all(seeded.map((size, i) => waitUntilReady(servers[i], size.databaseUrl)));
		const sizes: ReadySize[] = [];
		for (const [i, size] of seeded.entries()) sizes.push({ ...size, ...atRest[i], server: servers[i], ...(await prepareRoutes(size, servers[i])) });
		await warmUp(sizes, options);
		await measureInterleaved(sizes, options);
		return sizes.map(({ couples, seedSeconds, databaseMb, idleMb, processes, measured, rows, server }) => ({
			couples,
			seedSeconds,
			databaseMb,
			idleMb,
			peakMb: memoryMb(server.process.pid).peak,
			processes,
			measured,
			rows
		}));
	} finally {
		// autocannon leaves its last requests to finish on their own (also when a run failed halfway);
		// stopping a server under them would close its database mid-request and log errors that are not the app's.
		if (servers.length) await new Promise((resolve) => setTimeout(resolve, 1_000));
		await Promise.all(servers.map((server) => server.stop()));
		for (const name of databases) await admin.query(`drop database if exists "${name}" with (force)`).catch(() => {});
		await admin.end();
	}
}

/* ---------- JavaScript per page (--js) ---------- */

/** Issue 14's budgets in gzipped KB: 70 on the pages with the apology editor (the analyser), 40 elsewhere. */
const JS_BUDGET_KB = 40;
const JS_BUDGET_COACH_KB = 70;
const COACH_PAGES = new Set(['/coach', '/coach/drafts/[id=uuid]']);
/** Pages also measured in English (the same code, the other language's strings and analyser). */
const ENGLISH_TOO = new Set(['/ signed out (home)', '/dashboard', '/coach', '/coach/drafts/[id=uuid]', '/talk', '/trust']);

interface JsRow {
	page: string;
	path: string;
	files: number;
	rawKb: number;
	gzipKb: number;
	sentKb: number;
	htmlEncoding?: string;
	budgetKb: number;
	note?: string;
}

async function measureJs(origin: string, people: Person[]): Promise<JsRow[]> {
	const { chromium } = await import('@playwright/test');
	const { gzipSync } = await import('node:zlib');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	});
	const rows: JsRow[] = [];
	try {
		const pages: { page: string; path: string; cookie?: string }[] = [
			{ page: '/ signed out (home)', path: '/' },
			{ page: '/signin signed out', path: '/signin' },
			{ page: '/signup signed out', path: '/signup' },
			{ page: '/guide signed out', path: '/guide' },
			{ page: '/guide/why-it-happens signed out', path: '/guide/why-it-happens' }
		];
		for (const route of routesFor(people)) {
			if (!route.name.startsWith('/') || route.name.includes('signed out')) continue;
			const target = route.targets[0];
			if (target) pages.push({ page: route.name, path: target.path, cookie: target.cookie });
			else rows.push({ page: route.name, path: '', files: 0, rawKb: NaN, gzipKb: NaN, sentKb: NaN, budgetKb: JS_BUDGET_KB, note: 'no example in the demo data' });
		}
		for (const p of [...pages]) if (ENGLISH_TOO.has(p.page)) pages.push({ ...p, page: `${p.page} (en)`, path: p.path === '/' ? '/en' : `/en${p.path}` });
		for (const p of pages) {
			// A fresh context per page: nothing cached from the page before, as on a first visit.
			const context = await browser.newContext({ serviceWorkers: 'block', ...(p.cookie ? { extraHTTPHeaders: { cookie: p.cookie } } : {}) });
			const page = await context.newPage();
			const scripts = new Map<string, Promise<{ body: Buffer; sent: number } | null>>();
			page.on('response', (response) => {
				const type = response.request().resourceType();
				if (type === 'script' || /\.m?js(\?|$)/.test(new URL(response.url()).pathname)) {
					if (!scripts.has(response.url())) {
						const read = async () => ({ body: await response.body(), sent: (await response.request().sizes()).responseBodySize });
						scripts.set(response.url(), read().catch(() => null));
					}
				}
			});
			if (process.env.BENCH_JS_DEBUG) page.on('response', (r) => console.log('   ', r.status(), r.request().resourceType(), r.url()));
			const reply = await page.goto(origin + p.path, { waitUntil: 'networkidle' });
			const status = reply?.status() ?? 0;
			const htmlEncoding = reply?.headers()['content-encoding'] ?? 'none';
			const files = (await Promise.all(scripts.values())).filter((b) => b !== null);
			const bodies = files.map((file) => file.body);
			const raw = bodies.reduce((sum, b) => sum + b.length, 0);
			const gzip = bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
			// What the server actually sent: adapter-node's precompressed brotli files, as Chromium asks for them.
			const sent = files.reduce((sum, file) => sum + file.sent, 0);
			const base = p.page.replace(/ \(en\)$/, '');
			rows.push({
				page: p.page,
				path: p.path,
				files: bodies.length,
				rawKb: raw / 1024,
				gzipKb: gzip / 1024,
				sentKb: sent / 1024,
				htmlEncoding,
				budgetKb: COACH_PAGES.has(base) ? JS_BUDGET_COACH_KB : JS_BUDGET_KB,
				note: status === 200 ? undefined : `answered ${status}`
			});
			process.stdout.write(`  ${p.page.padEnd(44)} ${(gzip / 1024).toFixed(1).padStart(6)} KB gzip (${(sent / 1024).toFixed(1)} KB sent) in ${bodies.length} files\n`);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return rows;
}

async function runJs(couples: number): Promise<JsRow[]> {
	const name = `herstelpad_benchjs_${process.pid}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`drop database if exists "${name}" with (force)`);
	await admin.query(`create database "${name}"`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	let server: Server | undefined;
	try {
		process.stdout.write(`Seeding ${couples} couples… `);
		const handle = await openDatabase({ kind: 'postgres', url: url.href });
		try {
			await seedDemo(handle.db, { couples, seed: 1 });
		} finally {
			await handle.close();
		}
		console.log('done');
		server = startServer(url.href, basePort);
		await waitUntilListening(server.origin);
		const [chosen] = await measuredCouples(url.href, Math.min(CANDIDATES, couples), 1);
		const people = await choosePeople(url.href, [chosen.n]);
		for (const person of people) person.cookie = await signIn(server.origin, person.email);
		return await measureJs(server.origin, people);
	} finally {
		await server?.stop();
		await admin.query(`drop database if exists "${name}" with (force)`).catch(() => {});
		await admin.end();
	}
}

function jsTable(rows: JsRow[]): string {
	const lines = ['| page | JS files | JS KB (raw) | JS KB (gzip) | JS KB sent (brotli) | budget KB | within | HTML sent as |', '|---|---:|---:|---:|---:|---:|---|---|'];
	for (const r of rows) {
		if (r.note && !Number.isFinite(r.gzipKb)) lines.push(`| ${r.page} | ${r.note} | | | | ${r.budgetKb} | | |`);
		else lines.push(`| ${r.page}${r.note ? ` (${r.note})` : ''} | ${r.files} | ${f(r.rawKb, 1)} | ${f(r.gzipKb, 1)} | ${f(r.sentKb, 1)} | ${r.budgetKb} | ${r.gzipKb <= r.budgetKb ? 'yes' : '**no**'} | ${r.htmlEncoding ?? ''} |`);
	}
	return lines.join('\n');
}

async function mainJs(options: Options) {
	const rows = await runJs(options.sizes[0]);
	const measured = rows.filter((r) => Number.isFinite(r.gzipKb));
	const over = measured.filter((r) => r.gzipKb > r.budgetKb);
	const report = `${jsTable(rows)}\n\n${measured.length} pages measured, ${over.length} over budget.`;
	console.log(`\n${report}`);
	if (options.write) {
		const file = join(root, 'docs', 'performance.md');
		const doc = readFileSync(file, 'utf8');
		const start = '<!-- js-budget -->';
		const end = '<!-- /js-budget -->';
		const stamp = `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${gitCommit()} (\`npm run bench:js\`): gzip level 9 of each JavaScript file Chromium fetched on a first visit, until the network was quiet.`;
		const block = `${start}\n\n${stamp}\n\n${report}\n\n${end}`;
		const next = doc.includes(start) && doc.includes(end) ? doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
		writeFileSync(file, next);
		console.log('Wrote docs/performance.md');
	}
}

const empty = (): Measurement => ({ requests: 0, rps: NaN, p50: NaN, p95: NaN, p99: NaN, errors: 0, statuses: '', cpuPerRequest: NaN, queriesPerRequest: NaN, actorSettingsPerRequest: NaN });

/* ---------- the report ---------- */

const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');

/** p95 growth of a route from the first size: round by round when there were several rounds. */
function growthOf(base: SizeResult['rows'][number] | undefined, row: SizeResult['rows'][number]): Growth | null {
	if (!base || base.note || row.note) return null;
	if (base.p95Rounds && row.p95Rounds) return pairedGrowth(base.p95Rounds, row.p95Rounds);
	const ratio = row.run.p95 / base.run.p95;
	return Number.isFinite(ratio) ? { median: ratio, low: ratio, high: ratio, rounds: 1 } : null;
}

const growthCell = (g: Growth | null) => (!g ? '' : g.rounds > 1 ? `${f(g.median, 2)}× (${f(g.low, 2)}–${f(g.high, 2)})` : `${f(g.median, 2)}×`);

/** How many routes measured at two sizes keep p95 within issue 14's 1.2× of the first size. */
function growthVerdict(results: SizeResult[], rounds: number): string {
	const [first, ...rest] = results;
	if (!first || !rest.length) return '';
	const lines: string[] = [];
	for (const result of rest) {
		const growths = result.rows.map((row) => ({ route: row.route, g: growthOf(first.rows.find((r) => r.route === row.route), row) })).filter((x) => x.g);
		const over = growths.filter((x) => x.g!.median > 1.2);
		const what = rounds > 1 ? `the median of ${rounds} rounds' p95 growth, each round's sizes measured seconds apart` : 'one run per route';
		lines.push(
			`p95 growth from ${f(first.couples)} to ${f(result.couples)} couples within 1.2× (${what}): ${growths.length - over.length} of ${growths.length} routes` +
				(over.length ? `; over: ${over.map((x) => `${x.route} ${f(x.g!.median, 2)}×`).join(', ')}` : '')
		);
	}
	return lines.join('\n');
}

function table(results: SizeResult[]): string {
	const home = (r: SizeResult) => r.rows.find((row) => row.route === '/ signed out (home)');
	const lines = [
		'| route | couples | req/s | p50 ms | p95 ms | p99 ms | × floor | × home | CPU ms/req | queries/req | set_config/req | errors | p95 growth |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
	];
	const first = results[0];
	const routeNames = [...new Set(results.flatMap((r) => r.rows.map((row) => row.route)))];
	for (const route of routeNames) {
		for (const result of results) {
			const row = result.rows.find((r) => r.route === route);
			if (!row) continue;
			if (row.note) {
				lines.push(`| ${route} | ${f(result.couples)} | ${row.note} | | | | | | | | | | |`);
				continue;
			}
			const { run, floor } = row;
			const toFloor = run.rps / floor.rps;
			const h = home(result);
			const toHome = h ? toFloor / (h.run.rps / h.floor.rps) : NaN;
			const growth = result !== first ? growthOf(first.rows.find((r) => r.route === route), row) : null;
			lines.push(
				`| ${route} | ${f(result.couples)} | ${f(run.rps)} | ${f(run.p50, 1)} | ${f(run.p95, 1)} | ${f(run.p99, 1)} | ${f(toFloor, 2)} | ${f(toHome, 2)} | ${f(run.cpuPerRequest, 2)} | ${f(run.queriesPerRequest, 1)} | ${f(run.actorSettingsPerRequest, 1)} | ${run.errors}${run.statuses ? ` (${run.statuses})` : ''} | ${growthCell(growth)} |`
			);
		}
	}
	return lines.join('\n');
}

function summary(results: SizeResult[], pool: number): string {
	const sizes = results
		.map((r) => `- ${f(r.couples)} couples: seeded in ${f(r.seedSeconds, 1)} s, database ${f(r.databaseMb)} MB; ${r.processes} app ${r.processes === 1 ? 'process' : 'processes'}, their memory ${f(r.idleMb)} MB after start, peak ${f(r.peakMb)} MB`)
		.join('\n');
	const couples = results
		.map((r) => `- at ${f(r.couples)} couples: ${r.measured.map(describeCouple).join('; ')}`)
		.join('\n');
	return `${sizes}\n\nSigned in as the same couples at every size (chosen among couples 1–${pool}: paired, the most kinds of use, then the most rows), each with what it wrote:\n\n${couples}`;
}

function gitCommit(): string {
	const out = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
	return out.status === 0 ? out.stdout.trim() : 'unknown';
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	buildIfNeeded();
	if (options.js) return mainJs(options);
	const load = loadavg()[0];
	const started = performance.now();
	const selection: Selection = { now: new Date(), pool: Math.min(CANDIDATES, ...options.sizes) };
	const results = await runSizes(options, selection);
	const minutes = (performance.now() - started) / 60_000;
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${load.toFixed(1)} at the start, Node ${process.version}`;
	const perRoute = options.requestsPerRoute ? `${options.requestsPerRoute} requests per route after as many of the static file` : `${options.duration} s per route after ${options.floorDuration} s of the static file`;
	const rounds = options.rounds > 1 ? `, ${options.rounds} rounds per route and size (medians; p95 growth round by round, its range in brackets)` : '';
	const settings = `${options.connections} connections, ${perRoute}${rounds}, ${options.couplesSignedIn} ${options.couplesSignedIn === 1 ? 'couple' : 'couples'} signed in (both partners, taking turns)`;
	const verdict = growthVerdict(results, options.rounds);
	const report = `${table(results)}\n\n${verdict ? `${verdict}\n\n` : ''}${summary(results, selection.pool)}`;
	console.log(`\nHerstelpad benchmark: production server on PostgreSQL, loopback, ${settings}; ${machine}; ${minutes.toFixed(1)} min\n`);
	console.log(report);
	console.log('\n(× floor: requests/s over the static file measured just before; × home: the same, over the signed-out home\'s. CPU: the app process only, not PostgreSQL.)');
	if (options.write) {
		const doc = readFileSync(join(root, 'docs', 'benchmarks.md'), 'utf8');
		const marker = '<!-- results -->';
		const head = doc.includes(marker) ? doc.slice(0, doc.indexOf(marker) + marker.length) : `${doc.trimEnd()}\n\n${marker}`;
		const stamp = `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${gitCommit()}: ${settings}; ${machine}.`;
		writeFileSync(join(root, 'docs', 'benchmarks.md'), `${head}\n\n${stamp}\n\n${report}\n`);
		console.log('Wrote docs/benchmarks.md');
	}
}

main().then(
	() => process.exit(0),
	(err: unknown) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	}
);
