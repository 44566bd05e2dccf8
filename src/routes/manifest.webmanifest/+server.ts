import type { RequestHandler } from './$types';
import { m, localizeHref } from '$lib/i18n';
import { webAppManifest } from '$lib/server/offline/manifest';

/** The web app manifest in the reader's language (`/manifest.webmanifest`, `/en/manifest.webmanifest`). */
export const GET: RequestHandler = ({ locals }) =>
	new Response(JSON.stringify(webAppManifest({ lang: locals.locale, description: m.app_description(), startUrl: localizeHref('/dashboard') })), {
		headers: { 'content-type': 'application/manifest+json; charset=utf-8' }
	});
