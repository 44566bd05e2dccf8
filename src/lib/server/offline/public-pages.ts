import { TRACKS } from '$lib/server/program/steps';
import { localizeHref } from '$lib/i18n';

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

const LOCALES = ['nl', 'en'] as const;

/** Every allowed path in every language, as the browser requests it (`/help`, `/en/help`). */
export function offlinePublicPaths(): string[] {
	return LOCALES.flatMap((locale) => PUBLIC_PATHS.map((path) => localizeHref(path, { locale })));
}
