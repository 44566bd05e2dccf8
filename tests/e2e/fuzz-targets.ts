import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every form action and endpoint, found by reading src/routes, so an action added later is
 * fuzzed without anyone remembering to list it here.
 */
export interface Target {
	kind: 'action' | 'endpoint' | 'page';
	/** Route path with params left as `[name]`, e.g. `/coach/drafts/[id]`. */
	route: string;
	/** Param names in order, e.g. `['id']`. */
	params: string[];
	/** Action name (`?/name`), the HTTP method of an endpoint, or GET for a page. */
	name: string;
}

const ROUTES = join(process.cwd(), 'src', 'routes');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

function* files(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else yield path;
	}
}

function routeOf(file: string) {
	const segments = relative(ROUTES, file).split(sep).slice(0, -1);
	const params: string[] = [];
	const route = segments
		// Layout groups `(name)` are not part of the URL.
		.filter((s) => !/^\(.*\)$/.test(s))
		.map((s) =>
			s.replace(/\[(?:\.\.\.)?(\w+)(?:=\w+)?\]/g, (_, name: string) => {
				params.push(name);
				return `[${name}]`;
			})
		)
		.join('/');
	return { route: `/${route}`, params };
}

/** Keys of `export const actions = { … }`: the properties one level deep in the object literal. */
export function actionNames(source: string): string[] {
	const start = source.search(/export const actions\b/);
	if (start < 0) return [];
	const open = source.indexOf('{', source.indexOf('=', start));
	const names: string[] = [];
	let depth = 0;
	let expectKey = true;
	let quote: string | null = null;
	for (let i = open; i < source.length; i++) {
		const c = source[i];
		if (quote) {
			if (c === '\\') i++;
			else if (c === quote) quote = null;
			continue;
		}
		if (c === '/' && source[i + 1] === '/') {
			i = source.indexOf('\n', i);
			continue;
		}
		if (c === '/' && source[i + 1] === '*') {
			i = source.indexOf('*/', i) + 1;
			continue;
		}
		if (c === '"' || c === "'" || c === '`') {
			quote = c;
			continue;
		}
		if ('{(['.includes(c)) {
			depth++;
			if (depth === 1) expectKey = true;
			continue;
		}
		if ('})]'.includes(c)) {
			depth--;
			if (depth === 0) break;
			continue;
		}
		if (depth !== 1) continue;
		if (c === ',') {
			expectKey = true;
			continue;
		}
		if (expectKey && /[A-Za-z_$]/.test(c)) {
			const key = /^(?:async\s+)?([A-Za-z_$][\w$]*)/.exec(source.slice(i))!;
			names.push(key[1]);
			i += key[0].length - 1;
			expectKey = false;
		}
	}
	return names;
}

export function endpointMethods(source: string): string[] {
	const found = new Set<string>();
	for (const match of source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g)) {
		if (METHODS.includes(match[1])) found.add(match[1]);
	}
	return [...found];
}

export function discoverTargets(): Target[] {
	const targets: Target[] = [];
	for (const file of files(ROUTES)) {
		const name = file.split(sep).at(-1);
		if (name === '+page.server.ts' || name === '+page.server.js') {
			const { route, params } = routeOf(file);
			for (const action of actionNames(readFileSync(file, 'utf8'))) targets.push({ kind: 'action', route, params, name: action });
		} else if (name === '+page.svelte') {
			const { route, params } = routeOf(file);
			targets.push({ kind: 'page', route, params, name: 'GET' });
		} else if (name === '+server.ts' || name === '+server.js') {
			const { route, params } = routeOf(file);
			for (const method of endpointMethods(readFileSync(file, 'utf8'))) targets.push({ kind: 'endpoint', route, params, name: method });
		}
	}
	return targets.sort((a, b) => `${a.route} ${a.name}`.localeCompare(`${b.route} ${b.name}`));
}

/** The URL of a target with the given param values (already chosen by the caller). */
export function pathOf(target: Target, values: Record<string, string>, locale: '' | '/en' = '') {
	const path = target.route.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));
	const base = `${locale}${path === '/' ? (locale ? '' : '/') : path}`;
	return target.kind === 'action' ? `${base}?/${target.name}` : base;
}
