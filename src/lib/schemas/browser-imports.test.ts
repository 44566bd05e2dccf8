import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'paraglide') return [];
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

// Zod is 24 KB gzipped and the schemas build their checks when loaded, so a page importing a
// schema module ships all of zod (issue 14). Pages take limits and choices from these instead.
const ZOD_FREE = new Set(['limits', 'uuid', 'choices']);

describe('schemas in the browser', () => {
	it('pages import only the zod-free modules of $lib/schemas', () => {
		const browserCode = sourceFiles('src').filter((file) => !/(^|\/)(lib\/server\/|lib\/schemas\/|.*\.server\.ts$|.*\+server\.ts$|.*\.test\.ts$)/.test(file.replaceAll('\\', '/')));
		expect(browserCode.length).toBeGreaterThan(50);
		const offenders = browserCode.flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+'\$lib\/schemas\/([\w-]+)'/gm)]
				.map((match) => match[1])
				.filter((module) => !ZOD_FREE.has(module))
				.map((module) => `${file} imports $lib/schemas/${module}`)
		);
		expect(offenders).toEqual([]);
	});

	it('keeps zod out of the zod-free modules', () => {
		for (const module of ZOD_FREE) expect(readFileSync(`src/lib/schemas/${module}.ts`, 'utf8'), module).not.toMatch(/from '(zod|\.\/(?!limits|uuid|choices)[\w-]+)'/);
	});
});
