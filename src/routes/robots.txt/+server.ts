import type { RequestHandler } from './$types';
import { getEnv } from '$lib/server/env';

/**
 * The public side may be found; the private side says `noindex` itself (X-Robots-Tag, set in
 * hooks.server.ts) and needs an account anyway. Only the admin area and the API are kept out.
 */
export const GET: RequestHandler = () => {
	const origin = getEnv().publicOrigin;
	const body = ['User-agent: *', 'Disallow: /admin', 'Disallow: /en/admin', 'Disallow: /api/', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
	return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
