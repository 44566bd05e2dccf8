import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PROCESSES, processCount } from './cluster.js';

/**
 * scripts/server.js itself, started as production starts it, with a stand-in for the built app
 * (build/handler.js) so no build or database is needed: the stand-in answers with its process id,
 * takes a moment to start and to close (as the app's database does), and can fail to start.
 */
const STAND_IN = `
import process from 'node:process';
console.log('starting ' + process.pid);
if (process.env.STAND_IN_FAILS) throw new Error('the database cannot be reached');
await new Promise((resolve) => setTimeout(resolve, 50));
process.once('sveltekit:shutdown', () => setTimeout(() => console.log('closed ' + process.pid), 200));
export function handler(req, res) {
	res.setHeader('content-type', 'text/plain');
	if (req.url === '/slow') setTimeout(() => res.end('slow ' + process.pid), 600);
	else res.end(String(process.pid));
}
`;

const root = mkdtempSync(join(tmpdir(), 'herstelpad-cluster-'));
mkdirSync(join(root, 'scripts'));
mkdirSync(join(root, 'build'));
for (const file of ['server.js', 'cluster.js', 'compress.js']) copyFileSync(new URL(file, import.meta.url), join(root, 'scripts', file));
writeFileSync(join(root, 'build', 'handler.js'), STAND_IN);
writeFileSync(join(root, 'package.json'), '{ "type": "module" }');
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Started {
	child: ChildProcess;
	output: () => string;
	port: number;
	exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterEach(() => {
	for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function start(env: Record<string, string>): Promise<Started> {
	const child = spawn(process.execPath, [join(root, 'scripts', 'server.js')], {
		cwd: root,
		env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', SHUTDOWN_TIMEOUT: '5', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	running.push(child);
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	for (let i = 0; i < 1200; i++) {
		const port = /Listening on http:\/\/[^:]+:(\d+)/.exec(output)?.[1];
		if (port) return { child, output: () => output, port: Number(port), exited };
		if (child.exitCode !== null) break;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error(`the server did not start:\n${output}`);
}

/** One request on a connection of its own, so the primary may hand it to any process. */
function get(port: number, path = '/'): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
			let body = '';
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		// A connection handed to a process at the moment it was killed is never answered.
		req.setTimeout(3_000, () => req.destroy(new Error('no answer')));
		req.end();
	});
}

/**
 * The processes that answer, asked until `count` different ones have: the others start after the
 * first, which on a busy machine takes seconds. A connection the primary handed to a process
 * that was just killed fails; that one is asked again.
 */
async function answering(port: number, count: number, without: number[] = []): Promise<number[]> {
	const seen = new Set<number>();
	const until = Date.now() + 40_000;
	while (seen.size < count && Date.now() < until) {
		const pid = await get(port).then(
			(reply) => Number(reply.body),
			() => NaN
		);
		if (Number.isInteger(pid) && !without.includes(pid)) seen.add(pid);
		if (seen.size < count) await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return [...seen];
}

const POSTGRES = { DATABASE_URL: 'postgres://app@127.0.0.1:5432/herstelpad' };

describe('scripts/server.js with several processes (scripts/cluster.js)', () => {
	it('on PostgreSQL, answers from the processes WEB_CONCURRENCY asks for, never from the primary', async () => {
		const server = await start({ ...POSTGRES, WEB_CONCURRENCY: '2' });
		const pids = await answering(server.port, 2);
		expect(pids).toHaveLength(2);
		expect(pids).not.toContain(server.child.pid);
		// The primary says it once, for all of them.
		expect(server.output().match(/Listening on/g)).toHaveLength(1);
		expect(server.output()).toContain('(2 processes)');
	}, 90_000);

	it('stops gracefully on SIGTERM: a request under way is answered, each process closes the app, then all exit', async () => {
		const server = await start({ ...POSTGRES, WEB_CONCURRENCY: '2' });
		const pids = await answering(server.port, 2);
		const slow = get(server.port, '/slow');
		await new Promise((resolve) => setTimeout(resolve, 150));
		server.child.kill('SIGTERM');
		expect((await slow).body).toMatch(/^slow \d+$/);
		expect(await server.exited).toBe(0);
		// Closing the app's database takes a moment; leaving the cluster did not cut it short.
		for (const pid of pids) expect(server.output()).toContain(`closed ${pid}`);
	}, 90_000);

	it('replaces a process that stops unexpectedly', async () => {
		const server = await start({ ...POSTGRES, WEB_CONCURRENCY: '2' });
		const [gone, stays] = await answering(server.port, 2);
		process.kill(gone, 'SIGKILL');
		const now = await answering(server.port, 2, [gone]);
		expect(now).toContain(stays);
		expect(now).toHaveLength(2);
		expect(server.output()).toContain('starting another');
	}, 90_000);

	it('stops with an error, without retrying, when the app cannot start', async () => {
		const child = spawn(process.execPath, [join(root, 'scripts', 'server.js')], {
			cwd: root,
			env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...POSTGRES, WEB_CONCURRENCY: '2', STAND_IN_FAILS: '1' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		running.push(child);
		let output = '';
		child.stdout!.on('data', (chunk) => (output += chunk));
		child.stderr!.on('data', (chunk) => (output += chunk));
		const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
		expect(code).not.toBe(0);
		expect(output).toContain('the database cannot be reached');
		// The first process failed; none was started after it.
		expect(output.match(/^starting \d+$/gm)).toHaveLength(1);
	}, 90_000);

	it('on the embedded database, runs as one process whatever WEB_CONCURRENCY says', async () => {
		const server = await start({ DATABASE_URL: '', WEB_CONCURRENCY: '4' });
		const pids = new Set<number>();
		for (let i = 0; i < 10; i++) pids.add(Number((await get(server.port)).body));
		expect([...pids]).toEqual([server.child.pid]);
		expect(server.output()).toMatch(/WEB_CONCURRENCY is ignored on the embedded database/);
		server.child.kill('SIGTERM');
		expect(await server.exited).toBe(0);
		expect(server.output()).toContain(`closed ${server.child.pid}`);
	}, 90_000);
});

describe('processCount', () => {
	it('runs one process per core on PostgreSQL unless WEB_CONCURRENCY says otherwise', () => {
		expect(processCount(POSTGRES, 2)).toEqual({ count: 2 });
		expect(processCount(POSTGRES, 1)).toEqual({ count: 1 });
		expect(processCount({ ...POSTGRES, WEB_CONCURRENCY: '3' }, 2)).toEqual({ count: 3 });
		expect(processCount({ ...POSTGRES, WEB_CONCURRENCY: '1' }, 8)).toEqual({ count: 1 });
		expect(processCount({ ...POSTGRES, WEB_CONCURRENCY: '' }, 4)).toEqual({ count: 4 });
		expect(processCount(POSTGRES, 500)).toEqual({ count: MAX_PROCESSES });
	});

	it('runs one process on PGlite, and says so when asked for more', () => {
		expect(processCount({}, 8)).toEqual({ count: 1 });
		expect(processCount({ DATABASE_URL: '' }, 8)).toEqual({ count: 1 });
		expect(processCount({ WEB_CONCURRENCY: '1' }, 8)).toEqual({ count: 1 });
		expect(processCount({ WEB_CONCURRENCY: '4' }, 8).count).toBe(1);
		expect(processCount({ WEB_CONCURRENCY: '4' }, 8).note).toMatch(/PGlite/);
	});

	it('refuses a WEB_CONCURRENCY that is not a sensible number of processes', () => {
		for (const wrong of ['0', '-1', '2.5', 'two', '65', '1e3']) {
			expect(() => processCount({ ...POSTGRES, WEB_CONCURRENCY: wrong }, 2), wrong).toThrow(/WEB_CONCURRENCY/);
		}
	});
});
