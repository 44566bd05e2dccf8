import { describe, expect, it } from 'vitest';
import { isOfflineList, isStale, listedPath, mayStore, offlinePageFor, REFRESH_AFTER_MS } from './rules';

const origin = 'https://herstelpad.example';
const list = { pages: ['/guide', '/en/guide', '/guide/forgiveness'], precache: ['/guide'] };

function response(init: { status?: number; type?: string; redirected?: boolean; headers?: Record<string, string> }) {
	const headers = new Headers(init.headers);
	return { status: init.status ?? 200, type: init.type ?? 'basic', redirected: init.redirected ?? false, headers };
}

describe('what the service worker may store', () => {
	it('stores a plain public answer', () => {
		expect(mayStore(response({ headers: { 'cache-control': 'no-cache' } }))).toBe(true);
	});

	it('never stores what the server marks no-store or private (every signed-in answer)', () => {
		expect(mayStore(response({ headers: { 'cache-control': 'no-store' } }))).toBe(false);
		expect(mayStore(response({ headers: { 'cache-control': 'private, max-age=60' } }))).toBe(false);
		expect(mayStore(response({ headers: { 'Cache-Control': 'No-Store' } }))).toBe(false);
	});

	it('never stores a redirect, an error or another origin', () => {
		expect(mayStore(response({ redirected: true }))).toBe(false);
		expect(mayStore(response({ status: 404 }))).toBe(false);
		expect(mayStore(response({ status: 500 }))).toBe(false);
		expect(mayStore(response({ type: 'opaque' }))).toBe(false);
		expect(mayStore(response({ type: 'cors' }))).toBe(false);
	});
});

describe('which requests a kept page may answer', () => {
	it('only listed paths of our own origin, never with a query', () => {
		expect(listedPath(new URL('/guide/forgiveness', origin), origin, list)).toBe('/guide/forgiveness');
		expect(listedPath(new URL('/guide/forgiveness?reply=1', origin), origin, list)).toBe('/guide/forgiveness');
		expect(listedPath(new URL('/dashboard', origin), origin, list)).toBeNull();
		expect(listedPath(new URL('/guide/forgiveness/__data.json', origin), origin, list)).toBeNull();
		expect(listedPath(new URL('/guide', 'https://elsewhere.example'), origin, list)).toBeNull();
		expect(listedPath(new URL('/guide', origin), origin, null)).toBeNull();
	});

	it('shows the offline page in the language of the page asked for', () => {
		expect(offlinePageFor('/en/dashboard')).toBe('/en/offline');
		expect(offlinePageFor('/en')).toBe('/en/offline');
		expect(offlinePageFor('/dashboard')).toBe('/offline');
		expect(offlinePageFor('/entries')).toBe('/offline');
	});

	it('accepts only a well-formed list of paths', () => {
		expect(isOfflineList(list)).toBe(true);
		expect(isOfflineList({ pages: ['https://elsewhere.example/'], precache: [] })).toBe(false);
		expect(isOfflineList({ pages: ['/guide'] })).toBe(false);
		expect(isOfflineList(null)).toBe(false);
	});
});

describe('refreshing a kept page', () => {
	it('is due after a day or when the date is unknown', () => {
		const now = Date.parse('2026-11-30T12:00:00Z');
		expect(isStale(response({ headers: { date: new Date(now - 1000).toUTCString() } }), now)).toBe(false);
		expect(isStale(response({ headers: { date: new Date(now - REFRESH_AFTER_MS - 1000).toUTCString() } }), now)).toBe(true);
		expect(isStale(response({}), now)).toBe(true);
	});
});
