import { describe, expect, it } from 'vitest';
import { parse } from 'devalue';
import { devalueStringify, echoableValues, enhancedRefusal, isEnhancedAction, pageRefusal } from './refusal';

const formPost = (body: string, headers: Record<string, string> = {}) =>
	new Request('http://localhost:3000/reflections/new?/save', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body
	});

describe('answering a refused form post', () => {
	it('encodes data the way SvelteKit’s deserialize reads it (devalue)', () => {
		const data = { message: 'Geweigerd "nu"', values: { answer: 'Mijn aandeel\nregel 2', empty: '', '0': 'nul' } };
		expect(parse(devalueStringify(data))).toEqual(data);
		expect(parse(devalueStringify({ message: 'x', values: {} }))).toEqual({ message: 'x', values: {} });
	});

	it('gives use:enhance a failure ActionResult with the reason and the typed text, never a password', async () => {
		const request = formPost('answer=Mijn+aandeel&email=a%40b.example&password=geheim+genoeg&newPassword=x&token=t', {
			'x-sveltekit-action': 'true'
		});
		expect(isEnhancedAction(request)).toBe(true);
		const response = enhancedRefusal(403, 'Formulieren van een andere website worden geweigerd.', await echoableValues(request));
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toBe('application/json');
		const result = await response.json();
		expect(result.type).toBe('failure');
		expect(result.status).toBe(403);
		expect(parse(result.data)).toEqual({
			refused: 'Formulieren van een andere website worden geweigerd.',
			values: { answer: 'Mijn aandeel', email: 'a@b.example' }
		});
	});

	it('reads no values from bodies that are not forms', async () => {
		const request = new Request('http://x/', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'answer=1' });
		expect(await echoableValues(request)).toEqual({});
		expect(isEnhancedAction(request)).toBe(false);
	});

	it('shows people without JavaScript a page in their language, escaped', async () => {
		const response = pageRefusal(403, { lang: 'en', title: 'This form was not sent', message: 'Forms from <another> website are refused.', back: 'Go back.', home: 'Home', homeHref: '/en' });
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		const html = await response.text();
		expect(html).toContain('<html lang="en">');
		expect(html).toContain('Forms from &lt;another&gt; website are refused.');
		expect(html).toContain('<a href="/en">Home</a>');
	});
});
