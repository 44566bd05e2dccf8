#!/usr/bin/env node
// The production server: adapter-node's request handler behind a plain Node HTTP server.
//
// Why not `node build/index.js`: adapter-node serves the static files (/_app/…, favicon, …) with
// sirv before any SvelteKit hook runs, so the security headers in hooks.server.ts never reach
// them. Here every response, static or rendered, starts with nosniff and COOP. The rest mirrors
// build/index.js: HOST, PORT, SHUTDOWN_TIMEOUT, and a graceful stop that emits
// `sveltekit:shutdown` (the app closes its database on it). `node build/index.js` still works,
// only without these two headers on static files and without compressing pages (compress.js).
//
// On PostgreSQL it runs several processes, one per core unless WEB_CONCURRENCY says otherwise
// (scripts/cluster.js, docs/decisions/023-several-app-processes.md); on PGlite always one.
import cluster from 'node:cluster';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import process from 'node:process';
import { compressResponse } from './compress.js';
import { processCount, runPrimary } from './cluster.js';

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT || 30);

/** Headers every response needs, including files served before SvelteKit's hooks. */
export const BASE_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

if (cluster.isPrimary) {
	const { count, note } = processCount(process.env, availableParallelism());
	if (note) console.warn(note);
	// What the app reads (src/lib/server/env.ts): how many processes share the cores.
	process.env.WEB_CONCURRENCY = String(count);
	// The primary only keeps the workers running; each of them runs serve() below.
	if (count > 1) await runPrimary({ count, shutdownSeconds });
	else await serve();
} else {
	await serve();
}

/** One process's server: the app, its headers and compression, and a graceful stop. */
async function serve() {
	// Without ORIGIN, adapter-node takes every request to be https://<Host>, so at
	// http://localhost:3000 the app's own origin (CSRF check, invitation links) said https. Here the
	// server knows the truth, the socket it answers on, and tells adapter-node through its own
	// PROTOCOL_HEADER setting; the header is always overwritten, so a client cannot choose it. With
	// ORIGIN (production) or an explicit PROTOCOL_HEADER (behind a proxy) nothing changes.
	const LOCAL_PROTOCOL_HEADER = 'x-herstelpad-socket-protocol';
	const guessProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (guessProtocol) process.env.PROTOCOL_HEADER = LOCAL_PROTOCOL_HEADER;

	const build = new URL('../build/', import.meta.url);
	// Starting the app (its `init`: database, migrations, jobs) happens in this import.
	const { handler } = await import(new URL('handler.js', build).href);

	let stopping = false;
	const server = http.createServer((req, res) => {
		for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
		if (guessProtocol) req.headers[LOCAL_PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
		// Pages and JSON leave compressed when the client accepts it (static files are precompressed).
		compressResponse(req, res);
		handler(req, res, () => {
			res.statusCode = 404;
			res.end('Not Found');
		});
	});

	// During a stop, close each connection as soon as its request is done, as build/index.js does.
	server.on('request', (req) => req.on('close', () => stopping && server.closeIdleConnections()));

	server.listen({ host, port }, () => {
		// A worker's primary says it once for all of them.
		const address = server.address();
		if (cluster.isPrimary) console.log(`Listening on http://${host}:${typeof address === 'object' && address ? address.port : port}`);
	});

	function shutdown(reason) {
		if (stopping) return;
		stopping = true;
		server.closeIdleConnections();
		server.close(() => {
			process.emit('sveltekit:shutdown', reason);
			// A worker's channel to its primary would keep it alive after the app has closed; leaving
			// it this way tells the primary the exit is intended (process.disconnect would exit at once).
			cluster.worker?.disconnect();
		});
		setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000).unref();
	}
	process.on('SIGTERM', shutdown);
	process.on('SIGINT', shutdown);
}
