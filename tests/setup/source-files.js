// Plain JavaScript: vite.config.ts loads it (through fresh-modules.js) before any TypeScript is compiled.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every TypeScript and Svelte file under `dir`, the generated Paraglide messages left out.
 * @param {string} dir
 * @returns {string[]}
 */
export function sourceFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'paraglide') return [];
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}
