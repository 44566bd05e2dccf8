/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { ALLOW_LIST_PATH, isOfflineList, isStale, listedPath, mayStore, offlinePageFor, type OfflineList } from '$lib/offline/rules';

/**
 * Herstelpad's service worker: the app's own files, the offline page and the public guide, and
 * nothing else (docs/offline.md, decision 014). It only ever stores what it fetched itself without
 * cookies from the server's allow-list, so a page someone saw while signed in is never kept; it
 * never touches a post, a `__data.json` or any page that is not listed.
 */
const worker = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const PAGES = `pages-${version}`;
const ASSETS = new Set([...build, ...files]);

/** A public copy: no cookies, past the browser's HTTP cache, and no following of redirects. */
async function fetchPublic(path: string): Promise<Response | null> {
	try {
		const response = await fetch(path, { credentials: 'omit', cache: 'no-store', redirect: 'error' });
		return mayStore(response) ? response : null;
	} catch {
		return null;
	}
}

async function keepPublic(path: string) {
	const response = await fetchPublic(path);
	if (response) await (await caches.open(PAGES)).put(path, response);
}

let list: OfflineList | null = null;

/** The allow-list, from memory or from the cache (the worker may have been stopped in between). */
async function allowList(): Promise<OfflineList | null> {
	if (list) return list;
	const kept = await caches.match(ALLOW_LIST_PATH, { cacheName: PAGES });
	const value: unknown = await kept?.json().catch(() => null);
	list = isOfflineList(value) ? value : null;
	return list;
}

async function install() {
	await (await caches.open(SHELL)).addAll([...ASSETS]);
	const response = await fetchPublic(ALLOW_LIST_PATH);
	if (!response) return;
	const value: unknown = await response
		.clone()
		.json()
		.catch(() => null);
	if (!isOfflineList(value)) return;
	await (await caches.open(PAGES)).put(ALLOW_LIST_PATH, response);
	list = value;
	// One page that cannot be fetched now is kept later, after a visit; the install goes on.
	await Promise.all(value.precache.map(keepPublic));
}

worker.addEventListener('install', (event) => {
	event.waitUntil(install().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== SHELL && key !== PAGES) await caches.delete(key);
			await worker.clients.claim();
		})()
	);
});

/** Network first; offline, a kept public copy of a listed page, or else the offline page. */
async function navigate(event: FetchEvent): Promise<Response> {
	const url = new URL(event.request.url);
	const path = listedPath(url, worker.location.origin, await allowList());
	try {
		const response = await fetch(event.request);
		// What the person got may be their signed-in view: it is shown, never stored. A public copy
		// of a listed page is fetched apart, when none is kept yet or the kept one is old.
		if (path && response.ok) event.waitUntil(refresh(path));
		return response;
	} catch (error) {
		const pages = await caches.open(PAGES);
		const kept = (path && (await pages.match(path))) || (await pages.match(offlinePageFor(url.pathname)));
		if (kept) return kept;
		throw error;
	}
}

async function refresh(path: string) {
	const kept = await caches.match(path, { cacheName: PAGES });
	if (!kept || isStale(kept, Date.now())) await keepPublic(path);
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	// Posts, other sites and everything not named here go straight to the network, never a cache.
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;
	if (request.mode === 'navigate') {
		event.respondWith(navigate(event));
		return;
	}
	if (ASSETS.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname, { cacheName: SHELL }).then((kept) => kept ?? fetch(request)));
	}
});

/**
 * Web Push (docs/notifications.md): the server sends only a neutral title and text and a path on
 * this site, encrypted for this browser. Shown as it came; one notice replaces the last, so a
 * lock screen never lists them. Something unreadable still shows only the name.
 */
function pushMessage(data: PushMessageData | null): { title: string; body: string; url: string } {
	let value: unknown = null;
	try {
		value = data?.json();
	} catch {
		value = null;
	}
	const v = (value ?? {}) as Record<string, unknown>;
	const text = (x: unknown, fallback: string) => (typeof x === 'string' && x.length > 0 && x.length <= 200 ? x : fallback);
	const url = typeof v.url === 'string' && v.url.startsWith('/') && !v.url.startsWith('//') ? v.url : '/';
	return { title: text(v.title, 'Herstelpad'), body: text(v.body, ''), url };
}

worker.addEventListener('push', (event) => {
	const message = pushMessage(event.data);
	event.waitUntil(worker.registration.showNotification(message.title, { body: message.body, tag: 'herstelpad', data: { url: message.url }, icon: '/icons/icon-192.png' }));
});

worker.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const path = (event.notification.data as { url?: string } | null)?.url ?? '/';
	const target = new URL(path.startsWith('/') && !path.startsWith('//') ? path : '/', worker.location.origin).href;
	event.waitUntil(
		(async () => {
			for (const client of await worker.clients.matchAll({ type: 'window' })) {
				if ('focus' in client) {
					await (client as WindowClient).navigate(target).catch(() => null);
					return (client as WindowClient).focus();
				}
			}
			return worker.clients.openWindow(target);
		})()
	);
});
