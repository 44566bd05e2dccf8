/**
 * Server benchmark: can one signed-in user's burst of long analyses stall everyone else?
 *
 * Starts the production build (build/index.js; built first when missing) on a loopback port with a
 * throw-away data folder, signs up one user over HTTP, then fires BURST concurrent `?/analyze`
 * posts of about 20,000 characters each while a second client requests GET /help one after the
 * other. Prints p50/p99/max of /help before and during the burst, and how the burst was answered.
 * Loopback only, bounded in count and time, stops the server itself. Prints figures; never fails
 * on them. Port: BENCH_PORT (default 4213).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.BENCH_PORT ?? 4213);
const origin = `http://127.0.0.1:${port}`;
const BURST = 100;
const BASELINE_REQUESTS = 100;
const MAX_SECONDS = 120;

interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

function send(agent: Agent, method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = request(`${origin}${path}`, { method, agent, headers: options.headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.setTimeout(MAX_SECONDS * 1000, () => req.destroy(new Error('timeout')));
		if (options.body) req.write(options.body);
		req.end();
	});
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = (cookie = '') => ({ 'content-type': 'application/x-www-form-urlencoded', origin, ...(cookie ? { cookie } : {}) });

function quantile(values: readonly number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
const describe = (ms: readonly number[]) =>
	`n=${ms.length}  p50 ${quantile(ms, 0.5).toFixed(1)} ms  p99 ${quantile(ms, 0.99).toFixed(1)} ms  max ${Math.max(...ms).toFixed(1)} ms`;

/**
 * CPU time the server process has used so far (all its threads), in ms, from /proc on Linux; NaN
 * elsewhere. Unlike latency it hardly depends on what else the machine is doing, so runs on a busy
 * machine can still be compared.
 */
function cpuMs(pid: number | undefined): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return NaN;
	}
}

/** A varied apology of about `length` characters: long, but under the 20,000 limit. */
function longApology(length: number, seed: number): string {
	const sentences = [
		'Het spijt me als je je gekwetst voelt, maar jij was er ook nooit voor mij.',
		'Ik ben vreemdgegaan met een collega en ik heb er maanden over gelogen.',
		'Het was maar een slippertje en het betekende niets.',
		'Er zijn fouten gemaakt en ik ben een slecht mens.',
		'Ik zal al je vragen eerlijk beantwoorden, in jouw tempo.'
	];
	let text = '';
	for (let i = seed; text.length < length; i++) text += `${sentences[i % sentences.length]} `;
	return text.slice(0, length).trimEnd();
}

async function main() {
	if (!existsSync(join(root, 'build', 'index.js'))) {
		console.log('Building the app first (npx vite build)…');
		const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
		if (built.status !== 0) process.exit(built.status ?? 1);
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'herstelpad-bench-'));
	// BENCH_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', to see where the server's time goes.
	const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const server = spawn(process.execPath, [...nodeArgs, 'build/index.js'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATA_DIR: dataDir, LOG_LEVEL: 'error', BODY_SIZE_LIMIT: '256K' }
	});
	// Whatever happens to this script (an uncaught error, Ctrl-C), the server goes with it.
	process.once('exit', () => server.kill('SIGKILL'));
	const stop = async () => {
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		// adapter-node waits for open connections; do not wait longer than a few seconds.
		const force = setTimeout(() => server.kill('SIGKILL'), 5_000);
		await exited;
		clearTimeout(force);
		rmSync(dataDir, { recursive: true, force: true });
	};
	const deadline = setTimeout(() => {
		console.error(`Stopped after ${MAX_SECONDS * 2} s.`);
		void stop().then(() => process.exit(1));
	}, MAX_SECONDS * 1000 * 2);
	deadline.unref();

	try {
		const reader = new Agent({ keepAlive: true, maxSockets: 1 });
		const writer = new Agent({ keepAlive: true, maxSockets: BURST });
		for (let tries = 0; ; tries++) {
			try {
				if ((await send(reader, 'GET', '/help')).status === 200) break;
			} catch {
				/* not listening yet */
			}
			if (tries > 240) throw new Error('the server did not start');
			await new Promise((r) => setTimeout(r, 500));
		}

		const signup = await send(writer, 'POST', '/signup?/signup', {
			headers: formHeaders(),
			body: form({ displayName: 'Bench', email: `bench-${Date.now()}@example.org`, password: 'quiet river under the old bridge', adult: 'on', consent: 'on' })
		});
		const cookie = ([] as string[]).concat(signup.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
		if (!cookie) throw new Error(`sign-up failed with ${signup.status}`);

		const help = async () => {
			const start = performance.now();
			const reply = await send(reader, 'GET', '/help');
			if (reply.status !== 200) throw new Error(`/help answered ${reply.status}`);
			return performance.now() - start;
		};
		const baseline: number[] = [];
		for (let i = 0; i < BASELINE_REQUESTS; i++) baseline.push(await help());

		const texts = Array.from({ length: BURST }, (_, i) => longApology(19_900, i));
		const answers = new Map<string, number>();
		let burstDone = false;
		const burstCpu = cpuMs(server.pid);
		const burstStart = performance.now();
		const burst = Promise.all(
			texts.map(async (body) => {
				const reply = await send(writer, 'POST', '/coach?/analyze', {
					headers: { ...formHeaders(cookie), accept: 'application/json', 'x-sveltekit-action': 'true' },
					body: form({ body, lang: 'auto' })
				}).catch((err: unknown) => ({ status: 0, headers: {}, body: `connection error: ${err instanceof Error ? err.message : err}` }));
				let kind = reply.status === 0 ? reply.body : `HTTP ${reply.status}`;
				try {
					const result = JSON.parse(reply.body) as { type: string; status?: number; data?: string };
					kind = result.type === 'success' ? 'analysed' : `refused ${result.status ?? reply.status}${/analysis_busy/.test(result.data ?? '') ? ' busy' : /too_many_attempts/.test(result.data ?? '') ? ' too many' : /analysis_too_slow/.test(result.data ?? '') ? ' too slow' : ''}`;
				} catch {
					/* not JSON: keep the HTTP status */
				}
				answers.set(kind, (answers.get(kind) ?? 0) + 1);
			})
		).then(() => {
			burstDone = true;
			return performance.now() - burstStart;
		});
		const during: number[] = [];
		while (!burstDone && during.length < 10_000) during.push(await help());
		const burstMs = await burst;
		const burstCpuMs = cpuMs(server.pid) - burstCpu;

		// Reference: a burst of the same size of ordinary signed-in page loads (no analysis), to
		// tell the analyser's share from what any 100 requests at once cost this server.
		let pagesDone = false;
		const pagesCpu = cpuMs(server.pid);
		const pagesStart = performance.now();
		const pages = Promise.all(
			texts.map(async () => {
				const reply = await send(writer, 'GET', '/coach', { headers: { cookie } });
				if (reply.status !== 200) throw new Error(`/coach answered ${reply.status}`);
			})
		).then(() => {
			pagesDone = true;
			return performance.now() - pagesStart;
		});
		const duringPages: number[] = [];
		while (!pagesDone && duringPages.length < 10_000) duringPages.push(await help());
		const pagesMs = await pages;
		const pagesCpuMs = cpuMs(server.pid) - pagesCpu;

		console.log(`Herstelpad server benchmark (production build, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, loopback, ${BURST} × ~20,000-character ?/analyze posts by one user)`);
		console.log(`  GET /help before the burst: ${describe(baseline)}`);
		console.log(`  GET /help during the burst: ${describe(during)}`);
		console.log(`  burst answered in ${(burstMs / 1000).toFixed(2)} s: ${[...answers].map(([kind, count]) => `${count} ${kind}`).join(', ')}`);
		console.log(`  server CPU during the burst: ${burstCpuMs.toFixed(0)} ms (${(burstCpuMs / BURST).toFixed(1)} ms per post, the /help requests and worker threads included)`);
		console.log(`  reference, ${BURST} concurrent GET /coach by the same user (${(pagesMs / 1000).toFixed(2)} s, server CPU ${pagesCpuMs.toFixed(0)} ms): /help ${describe(duringPages)}`);
		console.log('  (figures from a machine that may be busy with other work; compare runs on the same machine)');
	} finally {
		await stop();
	}
}

main().catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : err);
	process.exit(1);
});
