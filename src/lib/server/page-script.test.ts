import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipsAppScript } from './page-script';

/**
 * The pages that keep SvelteKit's client, each for something the page script cannot do (decisions
 * 021 and 024). None does now: every page sets `csr = false`, the coach's too. A new page must
 * either work as plain HTML with the page script, or be added here with its reason.
 */
const HYDRATED: Record<string, string> = {};

const pages = Object.keys(import.meta.glob('/src/routes/**/+page.svelte'));
const routeId = (file: string) => file.replace(/^\/src\/routes/, '').replace(/\/\+page\.svelte$/, '') || '/';

describe('which pages ship the app script', () => {
	it('only the listed pages; every other page is plain HTML with the page script', async () => {
		expect(pages.length).toBeGreaterThan(50);
		const hydrated: string[] = [];
		for (const file of pages) if (await shipsAppScript(routeId(file))) hydrated.push(routeId(file));
		expect(hydrated.sort()).toEqual(Object.keys(HYDRATED).sort());
	});

	it('reads a layout’s choice for the pages below it (the guide), and a request that matched no route ships it', async () => {
		expect(await shipsAppScript('/guide/[slug]')).toBe(false);
		expect(await shipsAppScript('/admin/comments')).toBe(false);
		expect(await shipsAppScript(null)).toBe(true);
	});
});

/** Relative imports of a module, resolved to files. */
function importsOf(file: string): { relative: string[]; bare: string[] } {
	const specifiers = [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
	return {
		relative: specifiers.filter((s) => s.startsWith('.')).map((s) => join(dirname(file), s.endsWith('.ts') ? s : `${s}.ts`)),
		bare: specifiers.filter((s) => !s.startsWith('.'))
	};
}

describe('the page script', () => {
	it('is plain code: it and what it imports reach no package, no framework and no messages', () => {
		const seen = new Set<string>();
		const bare: string[] = [];
		const visit = (file: string) => {
			if (seen.has(file)) return;
			seen.add(file);
			const found = importsOf(file);
			bare.push(...found.bare.map((s) => `${relative('.', file)} imports ${s}`));
			found.relative.forEach(visit);
		};
		visit('src/lib/page-script/index.ts');
		expect([...seen].map((f) => relative('.', f)).sort()).toEqual([
			'src/lib/coach/detect-language.ts',
			'src/lib/components/drafts.ts',
			'src/lib/components/push-subscription.ts',
			'src/lib/components/quick-exit.ts',
			'src/lib/components/text-limit.ts',
			'src/lib/format.ts',
			'src/lib/page-script/coach.ts',
			'src/lib/page-script/index.ts',
			'src/lib/page-script/intimate-hint.ts',
			'src/lib/page-script/push.ts',
			'src/lib/page-script/self-test.ts',
			'src/lib/selftest/scoring.ts',
			'src/lib/time-zone.ts'
		]);
		expect(bare).toEqual([]);
	});
});
