import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.config.js';
import { configDefaults, defineConfig } from 'vitest/config';
import { coachWorker } from './scripts/coach-worker-plugin.js';

export default defineConfig({
	plugins: [
		paraglideVitePlugin(paraglideOptions as Parameters<typeof paraglideVitePlugin>[0]),
		sveltekit(),
		coachWorker()
	],
	test: {
		expect: { requireAssertions: true },
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
