/**
 * Which pages ship SvelteKit's client, and so which get the page script instead (decision 021).
 * The answer is each route's own `csr` export, read here as SvelteKit reads it: the layouts from
 * the root down, then the page, a universal file (`+page.ts`) before its server file, the last one
 * that says something wins. A page sets `export const csr = false` in its `+page.server.ts` and
 * nothing else needs to know.
 */
type Options = { csr?: unknown };

const files = import.meta.glob<Options>(['/src/routes/**/+page.server.ts', '/src/routes/**/+page.ts', '/src/routes/**/+layout.server.ts', '/src/routes/**/+layout.ts']);

const known = new Map<string, Promise<boolean>>();

async function csrOf(dir: string, kind: 'layout' | 'page'): Promise<boolean | undefined> {
	// SvelteKit takes the universal node's option over the server node's.
	for (const file of [`${dir}/+${kind}.ts`, `${dir}/+${kind}.server.ts`]) {
		const load = files[file];
		const csr = load ? (await load()).csr : undefined;
		if (typeof csr === 'boolean') return csr;
	}
	return undefined;
}

async function resolve(routeId: string): Promise<boolean> {
	const segments = routeId.split('/').filter(Boolean);
	const dirs = segments.map((_, i) => `/src/routes/${segments.slice(0, i + 1).join('/')}`);
	let csr = true;
	for (const dir of ['/src/routes', ...dirs]) csr = (await csrOf(dir, 'layout')) ?? csr;
	return (await csrOf(dirs.at(-1) ?? '/src/routes', 'page')) ?? csr;
}

/** Whether the page of `routeId` ships SvelteKit's client; a request that matched no route (a 404) does. */
export function shipsAppScript(routeId: string | null): Promise<boolean> {
	if (routeId === null) return Promise.resolve(true);
	let answer = known.get(routeId);
	if (!answer) known.set(routeId, (answer = resolve(routeId)));
	return answer;
}
