import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'test-results/', 'playwright-report/', 'data/', 'drizzle/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			// Links go through href() in $lib/i18n, which adds the language prefix; resolve() does not know it.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Routes reach the database only through domain services.
			'no-restricted-imports': 'off'
		}
	},
	{
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': ['error', { paths: [{ name: 'drizzle-orm', message: 'Routes call domain services in $lib/server/<area>, never the ORM.' }], patterns: ['drizzle-orm/*'] }]
		}
	},
	{
		// Every day and time the interface shows is in one zone; naming it in one place keeps pages,
		// exports and "today" on the server from drifting apart.
		files: ['src/**'],
		ignores: ['src/lib/time-zone.ts', 'src/**/*.test.ts'],
		rules: {
			'no-restricted-syntax': ['error', { selector: "Literal[value='Europe/Amsterdam']", message: 'Use APP_TIME_ZONE from $lib/time-zone.' }]
		}
	},
	{
		files: ['src/lib/coach/**'],
		ignores: ['src/lib/coach/cli.ts', 'src/lib/coach/**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: ['node:*', '$lib/server/*', '../server/*', '$app/*', '$env/*'] }]
		}
	}
);
