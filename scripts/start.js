#!/usr/bin/env node
// `npm start`: builds when needed, then runs the built app for local use on the embedded database.
//
// Local use on purpose: NODE_ENV is not set to production here. Production turns on Secure (and
// `__Host-`) cookies and HSTS, which a browser drops or remembers on plain http: opened from a
// second device at home (http://192.168.1.20:3000) sign-in would silently fail, and a laptop would
// insist on https for that address for two years. Production is the README's production path:
// NODE_ENV=production, ORIGIN and HTTPS, `node scripts/server.js`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildIsStale } from './stale-build.js';

const root = new URL('..', import.meta.url).pathname;
const stale = buildIsStale();
if (stale) {
	console.log('Herstelpad: building the app (once, about half a minute)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
process.env.BODY_SIZE_LIMIT ??= '256K';
const shown = process.env.ORIGIN ?? `http://localhost:${process.env.PORT}`;
console.log(
	`Herstelpad: starting on ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${process.env.DATA_DIR ?? './data'}`}`
);
await import(join(root, 'scripts', 'server.js'));
console.log(`Herstelpad is running: open ${shown} (Ctrl+C stops it)`);
