import { getEnv } from '../env';
import { localizeHref } from '$lib/i18n';
import { LOCALES, listArticles, listAuthors, type Locale } from './articles';
import { TRACKS } from '../program/steps';

/**
 * The public, indexable side of Herstelpad: what the sitemap lists and what may be indexed
 * (every other page answers with `X-Robots-Tag: noindex`). Route ids, as SvelteKit names them.
 */
export const INDEXABLE_ROUTES = new Set([
	'/',
	'/guide',
	'/guide/[slug]',
	'/guide/authors/[author]',
	'/program',
	'/program/[step]',
	'/help',
	'/privacy',
	'/quick-exit',
	'/coach/rules',
	'/coach/rules/[ruleId]',
	'/self-test',
	'/booklet'
]);

/** Indexable only when the route is public and nobody is signed in (a signed-in view may be personal). */
export function isIndexable(routeId: string | null, signedIn: boolean, status: number): boolean {
	return !signedIn && status === 200 && routeId !== null && INDEXABLE_ROUTES.has(routeId);
}

/** Absolute URL of a path in a language, built from the configured origin, never from the request. */
export function absoluteUrl(path: string, locale: Locale): string {
	return new URL(localizeHref(path, { locale }), getEnv().publicOrigin).href;
}

/** Paths (without language prefix) for the sitemap, guide first. */
export function sitemapPaths(): { path: string; lastmod?: string }[] {
	const articles = listArticles('nl');
	const newest = articles.map((a) => a.date).sort().at(-1);
	return [
		{ path: '/' },
		{ path: '/guide', lastmod: newest },
		...articles.map((a) => ({ path: `/guide/${a.slug}`, lastmod: a.date })),
		...listAuthors('nl').map((a) => ({ path: `/guide/authors/${a.slug}` })),
		{ path: '/program' },
		...Object.values(TRACKS).flatMap((slugs) => slugs.map((slug) => ({ path: `/program/${slug}` }))),
		{ path: '/self-test' },
		{ path: '/booklet' },
		{ path: '/help' },
		{ path: '/privacy' },
		{ path: '/coach/rules' }
	];
}

export { LOCALES };
