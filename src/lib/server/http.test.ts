import { describe, expect, it } from 'vitest';
import { safeNext, sameOriginPath } from './http';

/** How a browser resolves a Location header on our page: the origin it would end up on. */
const landsOn = (location: string) => new URL(location, 'https://herstelpad.example/signin').origin;

// Payloads that try to leave the site, each as the already-decoded `next` query value.
const hostile = [
	'//evil.example',
	'///evil.example',
	'/\\evil.example',
	'/\\/evil.example',
	'/./\\evil.example',
	'/.//evil.example',
	'/../\\evil.example',
	'/%2e/\\evil.example',
	'/\t/evil.example',
	'/\n/evil.example',
	'/\r\n/evil.example',
	'/ /evil.example',
	'https://evil.example',
	'http:evil.example',
	'javascript:alert(1)',
	'data:text/html,hi',
	'evil.example',
	'\\\\evil.example',
	'/\u0000/evil.example',
	'/en//evil.example',
	'/en/./\\evil.example',
	'／／evil.example',
	'/／evil.example'
];

describe('safeNext: only a path on this site, checked after localizing', () => {
	it.each(hostile)('never leaves the site for %j', (next) => {
		const location = safeNext(next);
		expect(landsOn(location)).toBe('https://herstelpad.example');
		expect(location.startsWith('/')).toBe(true);
		expect(location.startsWith('//')).toBe(false);
		expect(location).not.toMatch(/[\\\s]/);
		// A Location header must be ASCII, or the response fails with a 500.
		expect(location).toMatch(/^[\x21-\x7e]+$/);
	});

	it('the case found in review: /./\\evil.example does not become //evil.example', () => {
		expect(safeNext('/./\\evil.example')).toBe('/dashboard');
	});

	it('keeps ordinary paths with their query', () => {
		expect(safeNext('/reflections/new?prompt=my-part')).toBe('/reflections/new?prompt=my-part');
		expect(safeNext('/together')).toBe('/together');
		expect(safeNext(null)).toBe('/dashboard');
		expect(safeNext('')).toBe('/dashboard');
	});

	it('percent-encodes what is not ASCII instead of failing', () => {
		expect(safeNext('/reflections?q=één')).toMatch(/^\/reflections\?q=%C3%A9%C3%A9n$/);
	});

	it('sameOriginPath refuses anything that is not a plain path', () => {
		expect(sameOriginPath('/a/b?c#d')).toBe('/a/b?c#d');
		for (const href of ['//x', '/\\x', 'https://x', '/\tx', 'x']) expect(sameOriginPath(href)).toBeNull();
	});
});
