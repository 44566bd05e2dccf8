// Loaded into the production server by `npm run bench` only (node --import), never by the app:
// counts the statements the server sends to PostgreSQL, so the benchmark can report queries per
// request. It patches pg's Client.query, which every pool query and transaction goes through, and
// answers the benchmark over the IPC channel the benchmark opened. Nothing about a query's text or
// parameters leaves this process; only counts do.
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

process.on('message', (message) => {
	if (message === 'counts') process.send?.({ statements, actorSettings });
});
// The IPC channel must not keep a stopping server alive.
process.channel?.unref();
