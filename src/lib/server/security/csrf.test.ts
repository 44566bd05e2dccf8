import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSiteForm } from './csrf';

const url = new URL('https://herstelpad.example/signin');
const post = (headers: Record<string, string>, method = 'POST') => new Request(url, { method, headers, body: method === 'GET' ? undefined : 'a=1' });
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('CSRF check for forms', () => {
	it('allows a form post from the same origin', () => {
		expect(isForbiddenCrossSiteForm(post({ ...form, origin: 'https://herstelpad.example' }), url)).toBe(false);
	});

	it('allows a withheld origin only when the browser says same-origin', () => {
		expect(isForbiddenCrossSiteForm(post({ ...form, origin: 'null', 'sec-fetch-site': 'same-origin' }), url)).toBe(false);
		expect(isForbiddenCrossSiteForm(post({ ...form, origin: 'null', 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
		expect(isForbiddenCrossSiteForm(post({ ...form, origin: 'null' }), url)).toBe(true);
		expect(isForbiddenCrossSiteForm(post({ ...form }), url)).toBe(true);
	});

	it('refuses a form post from another site, whatever it claims', () => {
		expect(isForbiddenCrossSiteForm(post({ ...form, origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }), url)).toBe(true);
		expect(isForbiddenCrossSiteForm(post({ 'content-type': 'multipart/form-data; boundary=x', origin: 'https://evil.example' }), url)).toBe(true);
		expect(isForbiddenCrossSiteForm(post({ 'content-type': 'text/plain', origin: 'https://evil.example' }), url)).toBe(true);
	});

	it('leaves JSON requests and safe methods alone', () => {
		expect(isForbiddenCrossSiteForm(post({ 'content-type': 'application/json', origin: 'https://evil.example' }), url)).toBe(false);
		expect(isForbiddenCrossSiteForm(post({ ...form, origin: 'https://evil.example' }, 'GET'), url)).toBe(false);
	});
});

describe('CSRF check without ORIGIN (the quick start: adapter-node guesses https://<Host>)', () => {
	// What adapter-node builds for http://localhost:3000 when ORIGIN is not set.
	const guessed = new URL('https://localhost:3000/signup');
	const local = { originConfigured: false };
	const at = (origin: string, extra: Record<string, string> = {}) => new Request(guessed, { method: 'POST', headers: { ...form, origin, ...extra }, body: 'a=1' });

	it('allows a same-site post over plain http, also from a second device at home', () => {
		expect(isForbiddenCrossSiteForm(at('http://localhost:3000'), guessed, local)).toBe(false);
		const lan = new URL('https://home.lan:3000/signin');
		expect(isForbiddenCrossSiteForm(new Request(lan, { method: 'POST', headers: { ...form, origin: 'http://home.lan:3000' }, body: 'a=1' }), lan, local)).toBe(false);
		const ip = new URL('https://192.168.1.20:3000/signin');
		expect(isForbiddenCrossSiteForm(new Request(ip, { method: 'POST', headers: { ...form, origin: 'http://192.168.1.20:3000' }, body: 'a=1' }), ip, local)).toBe(false);
	});

	it('still refuses posts from other sites, other ports and odd origins', () => {
		for (const origin of ['http://evil.example', 'http://localhost:3001', 'http://localhost', 'http://localhost:3000.evil.example', 'http://evil.example:3000', 'file://', 'http://localhost:3000/path', 'null']) {
			expect(isForbiddenCrossSiteForm(at(origin), guessed, local), origin).toBe(true);
		}
		expect(isForbiddenCrossSiteForm(at('http://evil.example', { 'sec-fetch-site': 'same-origin' }), guessed, local)).toBe(true);
	});

	it('never loosens the check when ORIGIN is set: then only that exact origin counts', () => {
		const configured = new URL('https://herstelpad.example/signup');
		const req = new Request(configured, { method: 'POST', headers: { ...form, origin: 'http://herstelpad.example' }, body: 'a=1' });
		expect(isForbiddenCrossSiteForm(req, configured, { originConfigured: true })).toBe(true);
		expect(isForbiddenCrossSiteForm(at('http://localhost:3000'), guessed, { originConfigured: true })).toBe(true);
	});

	it('lets a mail program POST RFC 8058 one-click unsubscribe from anywhere, and nothing else', () => {
		const oneClick = new URL('https://herstelpad.example/notifications/unsubscribe/one-click?token=abc');
		const request = (target: URL) => new Request(target, { method: 'POST', headers: form, body: 'List-Unsubscribe=One-Click' });
		expect(isForbiddenCrossSiteForm(request(oneClick), oneClick)).toBe(false);
		const page = new URL('https://herstelpad.example/notifications/unsubscribe?token=abc');
		expect(isForbiddenCrossSiteForm(request(page), page)).toBe(true);
	});
});
