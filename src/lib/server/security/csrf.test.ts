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
