import { TRACKS } from '$lib/server/program/steps';
import { listArticles } from '$lib/server/guide/articles';
import { localizeHref } from '$lib/i18n';
import type { OfflineList } from '$lib/offline/rules';

/**
 * The explicit allow-list of pages the service worker may keep for reading offline: public pages
 * only, the same for everyone. The worker fetches each of them itself, without cookies, so what it
 * stores is the signed-out page; it never stores a response it got for a signed-in person
 * (src/service-worker.ts, docs/offline.md). A new public page (a guide article, a help page) is
 * added here; a page that can show anything personal must never be.
 */
const PUBLIC_PATHS = [
	'/',
	'/offline',
	'/help',
	'/privacy',
	'/quick-exit',
	'/program',
	...Object.values(TRACKS).flatMap((slugs) => slugs.map((slug) => `/program/${slug}`))
] as const;

/**
 * The routes those pages belong to, as SvelteKit names them. A signed-out, successful answer on
 * one of them may be stored (`Cache-Control: no-cache`); every other answer says `no-store`, and
 * the worker never keeps a `no-store` answer (hooks.server.ts).
 */
export const STORABLE_ROUTES = new Set([
	'/',
	'/offline',
	'/offline/pages.json',
	'/help',
	'/privacy',
	'/quick-exit',
	'/program',
	'/program/[step]',
	'/guide',
	'/guide/[slug]'
]);

const LOCALES = ['nl', 'en'] as const;

const guidePaths = (locale: (typeof LOCALES)[number]) => ['/guide', ...listArticles(locale).map((a) => `/guide/${a.slug}`)];

/** Every allowed path in every language, as the browser requests it (`/help`, `/en/help`). */
export function offlinePublicPaths(): string[] {
	return LOCALES.flatMap((locale) => [...PUBLIC_PATHS, ...guidePaths(locale)].map((path) => localizeHref(path, { locale })));
}

/**
 * What the worker fetches as soon as it is installed, in both languages: the offline page, the help
 * lines (needed most when nothing else works) and the guide, so these read offline before anyone
 * opened them. The offline page links to exactly these. The other listed pages are kept once
 * someone visits them (a second, cookie-less fetch), which keeps the install small.
 */
export function offlinePrecachePaths(): string[] {
	return LOCALES.flatMap((locale) => ['/offline', '/help', ...guidePaths(locale)].map((path) => localizeHref(path, { locale })));
}

export function offlineList(): OfflineList {
	return { pages: offlinePublicPaths(), precache: offlinePrecachePaths() };
}

/** Whether a response may be kept by a browser or the service worker at all. */
export function isStorable(routeId: string | null, signedIn: boolean, status: number): boolean {
	return !signedIn && status === 200 && routeId !== null && STORABLE_ROUTES.has(routeId);
}
