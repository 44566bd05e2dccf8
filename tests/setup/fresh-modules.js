// Plain JavaScript: vite.config.ts loads it, before any TypeScript is compiled.
import { readFileSync } from 'node:fs';
import { sourceFiles } from './source-files.js';

/**
 * What makes a test file need modules of its own (decision 026): it sets the process environment,
 * which the app reads once (`getEnv()` in `src/lib/server/env.ts`), or it closes the coach's
 * analysis pool, which the app keeps for its whole life. Such a file, run after another in a
 * worker that keeps its modules, would meet the other file's settings or a closed pool.
 */
export const NEEDS_FRESH_MODULES = /process\.env(\.\w+|\[[^\]]+\])\s*(\?\?|\|\||&&)?=(?!=)|delete process\.env|vi\.stubEnv|analysisPool\(\)/;

/**
 * The unit test files under `dirs` that must run with fresh modules, as paths from the root.
 * @param {string[]} dirs
 */
export function testFilesNeedingFreshModules(dirs) {
	return dirs
		.flatMap((dir) => sourceFiles(dir))
		.filter((path) => path.endsWith('.test.ts') && NEEDS_FRESH_MODULES.test(readFileSync(path, 'utf8')))
		.sort();
}
