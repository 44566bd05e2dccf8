// Several app processes behind one port (node:cluster), for PostgreSQL only. Why and what was
// checked first: docs/decisions/023-several-app-processes.md. scripts/server.js decides and, in
// the primary, calls runPrimary; each worker then runs the server as a single process would.
import cluster from 'node:cluster';
import process from 'node:process';

/** Above this, a typo (WEB_CONCURRENCY=200) would open thousands of database connections. */
export const MAX_PROCESSES = 64;

/**
 * How many app processes to run. PostgreSQL (DATABASE_URL): WEB_CONCURRENCY, by default one per
 * core, since a Node process answers requests on one thread. The embedded PGlite: always one, as
 * only one process may open it (and its session cache lives in that process).
 * @param {Record<string, string | undefined>} env
 * @param {number} cores
 * @returns {{ count: number; note?: string }} `note`: why a setting was not followed
 */
export function processCount(env, cores) {
	const asked = env.WEB_CONCURRENCY?.trim();
	let count;
	if (asked) {
		count = Number(asked);
		if (!/^\d+$/.test(asked) || count < 1 || count > MAX_PROCESSES) {
			throw new Error(`Invalid environment:\n  WEB_CONCURRENCY: a whole number of app processes from 1 to ${MAX_PROCESSES}, got "${asked}"`);
		}
	}
	if (!env.DATABASE_URL) {
		return {
			count: 1,
			...(count && count > 1 ? { note: 'WEB_CONCURRENCY is ignored on the embedded database (PGlite): only one process may open it. Set DATABASE_URL to run several.' } : {})
		};
	}
	return { count: count ?? Math.max(1, Math.min(MAX_PROCESSES, cores)) };
}

/**
 * The primary: starts `count` workers and keeps them running; answers nothing itself. The first
 * worker starts alone: its start-up applies pending migrations and makes the push keys, so the
 * others start on a ready database. A worker that stops unexpectedly after it had started is
 * replaced; one that stops before it could listen (a wrong setting, an unreachable database)
 * stops the whole server with its exit code, as a single process would, so nothing restarts in a
 * loop. SIGTERM or SIGINT stops each worker gracefully (each finishes its requests and closes its
 * database, as a single process does) and the primary exits once all have.
 * @param {{ count: number; shutdownSeconds: number; log?: (line: string) => void }} options
 * @returns {Promise<void>} when every worker listens
 */
export function runPrimary({ count, shutdownSeconds, log = (line) => console.log(line) }) {
	/** @type {Set<import('node:cluster').Worker>} running, from fork to exit */
	const alive = new Set();
	/** @type {Set<import('node:cluster').Worker>} running and listening */
	const listening = new Set();
	let started = false;
	let stopping = false;
	let exitCode = 0;
	/** @type {() => void} */
	let allListening = () => {};
	const ready = new Promise((resolve) => (allListening = () => resolve(undefined)));

	// Each worker knows how many there are (the analyser's threads are shared out by it).
	const fork = () => alive.add(cluster.fork({ WEB_CONCURRENCY: String(count) }));

	cluster.on('listening', (worker, address) => {
		listening.add(worker);
		if (!started) {
			started = true;
			const host = address.address ?? process.env.HOST ?? '0.0.0.0';
			log(`Listening on http://${host}:${address.port} (${count} processes)`);
			for (let i = 1; i < count; i++) fork();
		}
		if (listening.size >= count) allListening();
	});

	cluster.on('exit', (worker, code, signal) => {
		alive.delete(worker);
		const wasListening = listening.delete(worker);
		if (stopping) {
			if (alive.size === 0) process.exit(exitCode);
			return;
		}
		if (wasListening) {
			log(`An app process stopped (${signal ?? `exit code ${code}`}); starting another.`);
			fork();
			return;
		}
		// It never listened: starting again would fail the same way.
		exitCode = code || 1;
		stop();
	});

	function stop() {
		if (stopping) return;
		stopping = true;
		if (alive.size === 0) process.exit(exitCode);
		for (const worker of alive) worker.process.kill('SIGTERM');
		// Each worker ends its own connections after SHUTDOWN_TIMEOUT; this is only the backstop.
		setTimeout(() => {
			for (const worker of alive) worker.process.kill('SIGKILL');
		}, (shutdownSeconds + 5) * 1000).unref();
	}
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);

	fork();
	return ready;
}
