import type { RequestHandler } from './$types';
import { absoluteUrl, sitemapPaths } from '$lib/server/guide/public-pages';
import { sitemap } from '$lib/server/guide/feeds';

/** Every public page, in both languages; the addresses come from ORIGIN, never from the request. */
export const GET: RequestHandler = () => {
	const body = sitemap(sitemapPaths().map(({ path, lastmod }) => ({ urls: { nl: absoluteUrl(path, 'nl'), en: absoluteUrl(path, 'en') }, lastmod })));
	return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
