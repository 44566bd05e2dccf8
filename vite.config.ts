import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.config.js';
import { configDefaults, defineConfig } from 'vitest/config';
import { coachWorker } from './scripts/coach-worker-plugin.js';
import { pageScript } from './scripts/page-script-plugin.js';
import { availableParallelism } from 'node:os';

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
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bin/**/*.test.ts'],
					// *.pg.test.ts need a PostgreSQL server (login roles); CI runs them with TEST_DATABASE_URL.
					exclude: process.env.TEST_DATABASE_URL ? configDefaults.exclude : [...configDefaults.exclude, 'src/**/*.pg.test.ts'],
					setupFiles: ['./tests/setup/vitest.setup.ts'],
					globalSetup: ['./tests/setup/pglite-template.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
