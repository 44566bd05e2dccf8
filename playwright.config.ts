import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One fresh data folder per run; every test signs up its own users, so tests never share people.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'herstelpad-e2e-'));
const port = Number(process.env.E2E_PORT ?? 4173);
// The journeys' mail server (tests/e2e/smtp-inbox.ts): real SMTP, on loopback.
process.env.E2E_SMTP_PORT ??= String(port + 100);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Administrators made with the real command line before the server opens the database (only one
// process may open PGlite). Each admin journey has its own, because setting the password through
// "forgot password" ends that account's other sessions. See tests/e2e/admin.ts.
export const E2E_ADMINS = ['comments-admin@example.org', 'booklet-admin@example.org'];
const makeAdmins = `node bin/herstelpad.js admin create ${E2E_ADMINS.join(' ')}`;

// .ci/run sets E2E_POSTGRES_URL: the journeys of postgres-journeys.txt then run a second time in
// the same run, as the project "postgres", against a second server (port + 1) on that database.
// One run instead of two: one start, and one tail of a last long test instead of two.
const postgresUrl = process.env.E2E_POSTGRES_URL;
// scripts/test.js says when every journey runs (`npm test`, CI): the PostgreSQL journeys then come
// after the PGlite ones, beside the fuzzer (see `projects`). A run of chosen journeys keeps them
// free of dependencies, so that it never pulls in every PGlite journey as well.
const wholeRun = process.env.E2E_WHOLE_RUN === '1';
const postgresJourneys = readFileSync(new URL('tests/e2e/postgres-journeys.txt', import.meta.url), 'utf8')
	.split('\n')
	.map((line) => line.trim().replace(/^tests\/e2e\//, ''))
	.filter(Boolean)
	.map((file) => `**/${file}`);
if (postgresUrl) process.env.E2E_POSTGRES_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'herstelpad-e2e-pg-'));
const server = (port: number, databaseUrl: string, dataDir: string) => ({
	// The README's production command, so the journeys see the headers on static files too.
	command: `${makeAdmins} && node scripts/server.js`,
	url: `http://127.0.0.1:${port}/`,
	reuseExistingServer: false,
	// Creating the database and the administrators comes first; on a busy machine that takes a while.
	timeout: 240_000,
	env: {
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		DATA_DIR: dataDir,
		LOG_LEVEL: 'error',
		SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
		// Every journey signs up its own people from 127.0.0.1; the default 50 an hour would refuse them.
		SIGNUP_LIMIT_PER_HOUR: '1000',
		// Empty means the embedded PGlite.
		DATABASE_URL: databaseUrl
	}
});

export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/smtp-inbox.ts',
	outputDir: 'test-results/artifacts',
	fullyParallel: true,
	// Two slots for the browser journeys, which keep both cores busy (each project below is held to
	// two), and a third for what mostly waits: the notifications journey, which waits for its
	// server's minute tick, and after the journeys the fuzzer, which sends one request at a time.
	workers: 3,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	// A failed journey prints what its page showed (failure-context-reporter.ts): in CI the run's
	// output is all that is kept of it.
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }], ['./tests/e2e/failure-context-reporter.ts']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		// A trace records every journey to keep the failed ones: a sixth of the journeys' time
		// (docs/testing.md, stop 27). CI keeps only what a run prints, never the trace, so it records
		// none there; the failure context reporter prints the page instead.
		trace: process.env.CI ? 'off' : 'retain-on-failure',
		// The service worker precaches the app and the guide in each fresh context; on this small
		// machine that would slow every journey. offline.e2e.ts allows it and tests it.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	// Playwright runs the projects in phases (a project after those it depends on) and, within a
	// phase, takes the tests in the order of the projects here. In a whole run: first the
	// notifications journey (its own server; minutes of waiting for its clock) in the third slot,
	// beside the phone and desktop journeys in two; then the fuzzer in the third slot, beside the
	// PostgreSQL journeys in two. So nothing waits with a core idle: not the notifications journey's
	// minutes, nor the fuzzer's (it ran alone before).
	projects: [
		{ name: 'notifications', use: { ...devices['Pixel 7'] }, testMatch: /notifications\.e2e\.ts/, workers: 1 },
		{ name: 'phone', use: { ...devices['Pixel 7'] }, testMatch: /.*\.e2e\.ts/, testIgnore: /(fuzz|notifications)\.e2e\.ts/, workers: 2 },
		{ name: 'desktop', use: { viewport: { width: 1280, height: 900 } }, testMatch: /layout\.e2e\.ts/, workers: 1 },
		// The fuzzer floods every action, the analyser's queue included; run after the journeys on
		// its server, it cannot make a person's save in another journey wait behind its flood (the
		// "postgres" journeys may run beside it: they have their own server).
		{ name: 'fuzz', use: { ...devices['Pixel 7'] }, testMatch: /fuzz\.e2e\.ts/, dependencies: ['phone', 'desktop'], workers: 1 },
		...(postgresUrl
			? [{ name: 'postgres', use: { ...devices['Pixel 7'], baseURL: `http://127.0.0.1:${port + 1}` }, testMatch: postgresJourneys, dependencies: wholeRun ? ['phone', 'desktop'] : [], workers: 2 }]
			: [])
	],
	webServer: [
		// E2E_DATABASE_URL runs the journeys given on PostgreSQL instead (the README's line).
		server(port, process.env.E2E_DATABASE_URL ?? '', process.env.E2E_DATA_DIR!),
		...(postgresUrl ? [server(port + 1, postgresUrl, process.env.E2E_POSTGRES_DATA_DIR!)] : [])
	]
});
