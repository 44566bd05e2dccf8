/**
 * The service worker's rules for what it may keep, apart from the worker so they can be tested
 * (rules.test.ts). Nothing here reads cookies or user data: the worker cannot tell who is signed in,
 * so it keeps only what the server lists as public and fetches that itself, without cookies.
 */

/** The server's allow-list (src/routes/offline/pages.json). */
export const ALLOW_LIST_PATH = '/offline/pages.json';

export interface OfflineList {
	/** Every path that may be kept for reading offline, in both languages. */
	pages: string[];
	/** The part of `pages` fetched right at install. */
	precache: string[];
}

export function isOfflineList(value: unknown): value is OfflineList {
	const v = value as OfflineList | null;
	const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string' && item.startsWith('/'));
	return typeof v === 'object' && v !== null && strings(v.pages) && strings(v.precache);
}

/** The offline page in the language of the page that could not be loaded. */
export function offlinePageFor(pathname: string): '/offline' | '/en/offline' {
	return pathname === '/en' || pathname.startsWith('/en/') ? '/en/offline' : '/offline';
}

/** The listed path a request may be answered with: its path exactly, never with a query. */
export function listedPath(url: URL, origin: string, list: OfflineList | null): string | null {
	if (url.origin !== origin || !list) return null;
	return list.pages.includes(url.pathname) ? url.pathname : null;
}

interface ResponseLike {
	status: number;
	type: string;
	redirected: boolean;
	headers: { get(name: string): string | null };
}

/**
 * A response may be stored only when every sign says it is public: a plain 200 from our own origin
 * (no redirect, which could be to a sign-in or a personal page) and not `no-store` or `private`,
 * which the server sends on everything a signed-in person sees.
 */
export function mayStore(response: ResponseLike): boolean {
	if (response.status !== 200 || response.type !== 'basic' || response.redirected) return false;
	const cacheControl = (response.headers.get('cache-control') ?? '').toLowerCase();
	return !/\b(no-store|private)\b/.test(cacheControl);
}

/** A kept page older than this is fetched again after an online visit (new comments, fixes). */
export const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

export function isStale(response: ResponseLike, now: number): boolean {
	const date = Date.parse(response.headers.get('date') ?? '');
	return Number.isNaN(date) || now - date > REFRESH_AFTER_MS;
}
