#!/usr/bin/env node
// The production server: adapter-node's request handler behind a plain Node HTTP server.
//
// Why not `node build/index.js`: adapter-node serves the static files (/_app/…, favicon, …) with
// sirv before any SvelteKit hook runs, so the security headers in hooks.server.ts never reach
// them. Here every response, static or rendered, starts with nosniff and COOP. The rest mirrors
// build/index.js: HOST, PORT, SHUTDOWN_TIMEOUT, and a graceful stop that emits
// `sveltekit:shutdown` (the app closes its database on it). `node build/index.js` still works,
// only without these two headers on static files and without compressing pages (compress.js).
import http from 'node:http';
import process from 'node:process';
import { compressResponse } from './compress.js';

// Without ORIGIN, adapter-node takes every request to be https://<Host>, so at
// http://localhost:3000 the app's own origin (CSRF check, invitation links) said https. Here the
// server knows the truth, the socket it answers on, and tells adapter-node through its own
// PROTOCOL_HEADER setting; the header is always overwritten, so a client cannot choose it. With
// ORIGIN (production) or an explicit PROTOCOL_HEADER (behind a proxy) nothing changes.
const LOCAL_PROTOCOL_HEADER = 'x-herstelpad-socket-protocol';
const guessProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (guessProtocol) process.env.PROTOCOL_HEADER = LOCAL_PROTOCOL_HEADER;

const build = new URL('../build/', import.meta.url);
const { handler } = await import(new URL('handler.js', build).href);

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT || 30);

/** Headers every response needs, including files served before SvelteKit's hooks. */
export const BASE_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

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
	console.log(`Listening on http://${host}:${port}`);
});

let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
