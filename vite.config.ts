import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.config.js';
import { configDefaults, defineConfig } from 'vitest/config';
import { coachWorker } from './scripts/coach-worker-plugin.js';
import { pageScript } from './scripts/page-script-plugin.js';
import { availableParallelism } from 'node:os';
import { testFilesNeedingFreshModules } from './tests/setup/fresh-modules.js';

const UNIT_DIRS = ['src', 'scripts', 'bin'];
const UNIT_FILES = UNIT_DIRS.map((dir) => `${dir}/**/*.test.ts`);
// *.pg.test.ts need a PostgreSQL server (login roles); CI runs them with TEST_DATABASE_URL.
const UNIT_EXCLUDE = process.env.TEST_DATABASE_URL ? configDefaults.exclude : [...configDefaults.exclude, 'src/**/*.pg.test.ts'];
const FRESH = testFilesNeedingFreshModules(UNIT_DIRS);
const serverTests = {
	environment: 'node' as const,
	setupFiles: ['./tests/setup/vitest.setup.ts'],
	globalSetup: ['./tests/setup/pglite-template.ts'],
	testTimeout: 30_000,
	hookTimeout: 60_000
};

export default defineConfig({
	plugins: [
		paraglideVitePlugin(paraglideOptions as Parameters<typeof paraglideVitePlugin>[0]),
		sveltekit(),
		coachWorker(),
		pageScript()
	],
	test: {
		expect: { requireAssertions: true },
		// Vitest's default leaves one core to itself (cores − 1): one worker on a 2-core machine, and
		// the embedded database keeps that one worker's core busy while the other idles. The main
		// process only collects results, so one worker per core here.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		// Each worker keeps its modules from one test file to the next (no isolation): importing the app
		// anew for every file was two fifths of the pass (decision 026). Every file still opens its own
		// database. The files that set the process environment or close the analysis pool get fresh
		// modules of their own (tests/setup/fresh-modules.js finds them), in the project 'server-fresh'.
		projects: [
			{
				extends: './vite.config.ts',
				test: { ...serverTests, name: 'server', include: UNIT_FILES, exclude: [...UNIT_EXCLUDE, ...FRESH], isolate: false }
			},
			{
				extends: './vite.config.ts',
				test: { ...serverTests, name: 'server-fresh', include: FRESH, exclude: UNIT_EXCLUDE, isolate: true }
			}
		]
	}
});
