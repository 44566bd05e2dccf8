import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript and Svelte file under `dir`, the generated Paraglide messages left out. */
export function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'paraglide') return [];
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}
