#!/usr/bin/env node
// `npm start`: builds when needed, then runs the production server on the embedded database.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'build', 'index.js');

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'paraglide' || entry.name.startsWith('.')) continue;
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

const sources = ['src', 'content', 'messages', 'static', 'drizzle'].map((d) => join(root, d));
const stale = !existsSync(stamp) || sources.some((d) => existsSync(d) && newestMtime(d) > statSync(stamp).mtimeMs);
if (stale) {
	console.log('Herstelpad: building the app (once, about half a minute)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NODE_ENV ??= 'production';
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
process.env.BODY_SIZE_LIMIT ??= '256K';
const shown = process.env.ORIGIN ?? `http://localhost:${process.env.PORT}`;
console.log(
	`Herstelpad: starting on ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${process.env.DATA_DIR ?? './data'}`}`
);
await import(join(root, 'build', 'index.js'));
console.log(`Herstelpad is running: open ${shown} (Ctrl+C stops it)`);
