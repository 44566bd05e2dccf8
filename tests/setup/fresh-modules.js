// Plain JavaScript: vite.config.ts loads it, before any TypeScript is compiled.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What makes a test file need modules of its own (decision 026): it sets the process environment,
 * which the app reads once (`getEnv()` in `src/lib/server/env.ts`), or it closes the coach's
 * analysis pool, which the app keeps for its whole life. Such a file, run after another in a
 * worker that keeps its modules, would meet the other file's settings or a closed pool.
 */
export const NEEDS_FRESH_MODULES = /process\.env(\.\w+|\[[^\]]+\])\s*(\?\?|\|\||&&)?=(?!=)|delete process\.env|vi\.stubEnv|analysisPool\(\)/;

/** @param {string} dir @returns {string[]} */
function testFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'node_modules' || name === 'paraglide') return [];
		return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.ts') ? [path] : [];
	});
}

/**
 * The unit test files under `dirs` that must run with fresh modules, as paths from the root.
 * @param {string[]} dirs
 */
export function testFilesNeedingFreshModules(dirs) {
	return dirs
		.flatMap(testFiles)
		.filter((path) => NEEDS_FRESH_MODULES.test(readFileSync(path, 'utf8')))
		.sort();
}
