#!/usr/bin/env node
// `npm test`: the whole suite. Unit and database tests (Vitest), then the browser journeys
// (Playwright in a real Chromium) against a fresh production build. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildIsStale } from './stale-build.js';

const root = new URL('..', import.meta.url).pathname;
const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv[2]; // optional: "unit" or "e2e"
// After "e2e": which journeys (files or folders) to run, as Playwright takes them; default all.
const journeys = only === 'e2e' ? process.argv.slice(3) : [];
const run = (cmd, args, env = {}) =>
	spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// How long each phase took, printed above the summary line (docs/testing.md keeps the figures).
const phases = [];
const timed = (name, fn) => {
	const started = Date.now();
	const result = fn();
	const s = Math.round((Date.now() - started) / 1000);
	phases.push(`${name.padEnd(12)} ${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`);
	return result;
};

let passed = 0;
let failed = 0;
let skipped = 0;
let exitCode = 0;

function readJson(path) {
	try {
		return JSON.parse(readFileSync(join(root, path), 'utf8'));
	} catch {
		return null;
	}
}

// Clear only what this run will write again, so a unit-only run keeps the last screenshots.
if (only !== 'e2e') rmSync(join(root, 'test-results', 'unit.json'), { force: true });
if (only !== 'unit') {
	for (const name of ['e2e.json', 'screenshots', 'artifacts']) rmSync(join(root, 'test-results', name), { recursive: true, force: true });
}

if (only !== 'e2e') {
	const db = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite';
	console.log(`\n▶ Unit and database tests on ${db}, Node ${process.versions.node}\n`);
	const status = timed('unit', () => run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']));
	const report = readJson('test-results/unit.json');
	if (report) {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		skipped += report.numPendingTests + report.numTodoTests;
	}
	if (status !== 0) {
		exitCode = 1;
		if (!report || report.numFailedTests === 0) failed += 1; // a crash outside any test still counts
	}
}

if (only !== 'unit') {
	const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(chromium)) {
		const message = `No Chromium at ${chromium}. Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH.`;
		if (ci) {
			console.error(`\n✖ ${message} With CI=true a missing browser is a failure.`);
			failed += 1;
			exitCode = 1;
		} else {
			console.warn(`\n⚠ Browser tests skipped: ${message}`);
		}
	} else {
		// A second run of the journeys (on PostgreSQL) reuses a build that is still fresh.
		const stale = buildIsStale();
		if (stale) console.log('\n▶ Building the app for the browser tests\n');
		if (stale && timed('build', () => run('npx', ['vite', 'build', '--logLevel', 'warn'])) !== 0) {
			failed += 1;
			exitCode = 1;
		} else {
			console.log('\n▶ Browser journeys in Chromium\n');
			// With no journeys given, every one runs: the config then orders the projects for a whole run.
			const status = timed('journeys', () => run('npx', ['playwright', 'test', ...journeys], journeys.length ? {} : { E2E_WHOLE_RUN: '1' }));
			const report = readJson('test-results/e2e.json');
			if (report?.stats) {
				passed += report.stats.expected + report.stats.flaky;
				failed += report.stats.unexpected;
				skipped += report.stats.skipped;
			}
			if (status !== 0) {
				exitCode = 1;
				if (!report?.stats?.unexpected) failed += 1;
			}
		}
	}
}

if (phases.length) console.log(`\n${phases.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);
