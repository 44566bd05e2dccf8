// Loaded into the production server by `npm run bench` only (node --import), never by the app:
// counts the statements the server sends to PostgreSQL, so the benchmark can report queries per
// request. It patches pg's Client.query, which every pool query and transaction goes through, and
// answers the benchmark over the IPC channel the benchmark opened. Nothing about a query's text or
// parameters leaves this process; only counts do. With several app processes (scripts/cluster.js)
// it is loaded into each (workers inherit the primary's --import); the primary, which sends no
// queries, asks every worker and answers with the sums.
import cluster from 'node:cluster';
import pg from 'pg';

let statements = 0;
let actorSettings = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, ...rest) {
	const text = typeof config === 'string' ? config : config?.text;
	// The actor pool tells a connection who acts (set_config) when it changes hands: bookkeeping
	// of this pool, not a query a page asked for, so it is counted apart.
	if (typeof text === 'string' && text.startsWith("select set_config('app.user_id'")) actorSettings++;
	else statements++;
	return query.call(this, config, ...rest);
};

/** @returns {Promise<{ statements: number; actorSettings: number }>} */
async function counts() {
	const own = { statements, actorSettings };
	if (!cluster.isPrimary) return own;
	const workers = Object.values(cluster.workers ?? {}).filter((w) => w?.isConnected());
	const replies = await Promise.all(
		workers.map(
			(worker) =>
				new Promise((resolve) => {
					const timer = setTimeout(() => resolve({ statements: 0, actorSettings: 0 }), 2_000);
					const onMessage = (/** @type {any} */ message) => {
						if (message?.probe !== 'counts') return;
						clearTimeout(timer);
						worker?.off('message', onMessage);
						resolve(message);
					};
					worker?.on('message', onMessage);
					worker?.send('counts');
				})
		)
	);
	return replies.reduce((sum, r) => ({ statements: sum.statements + r.statements, actorSettings: sum.actorSettings + r.actorSettings }), own);
}

process.on('message', (message) => {
	if (message === 'counts') void counts().then((c) => process.send?.({ probe: 'counts', ...c }));
});
// The benchmark's IPC channel must not keep a stopping server alive (a worker's channel to its
// primary is the cluster's own business).
if (cluster.isPrimary) process.channel?.unref();
