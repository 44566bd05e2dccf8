import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { checkBody, formPageOf, inspectBody, isEndpoint, refuseBody } from './body';

const post = (type: string | null, body: BodyInit | null, method = 'POST') =>
	new Request('http://herstelpad.test/reflections/new?/create', { method, headers: type ? { 'content-type': type } : {}, body });

const multipart = (boundary: string, parts: string) => post(`multipart/form-data; boundary=${boundary}`, parts);
const goodPart = '--b1\r\nContent-Disposition: form-data; name="body"\r\n\r\nMijn woorden\r\n--b1--\r\n';

describe('checkBody', () => {
	it('reads the body once in the gate and hands the action a request holding the same bytes', async () => {
		for (const request of [post('application/x-www-form-urlencoded', 'body=Het+spijt+me%20%C3%A9cht&lang=nl'), multipart('b1', goodPart)]) {
			const { verdict, request: rest } = await inspectBody(request, true, { copy: false });
			expect(verdict).toEqual({ ok: true });
			expect(request.bodyUsed).toBe(true);
			expect(rest).not.toBe(request);
			expect(rest.method).toBe('POST');
			expect(rest.url).toBe(request.url);
			expect(rest.headers.get('content-type')).toBe(request.headers.get('content-type'));
			expect(['Het spijt me écht', 'Mijn woorden']).toContain((await rest.formData()).get('body'));
		}
		const broken = await inspectBody(post('application/x-www-form-urlencoded', 'body=%zz'), true, { copy: false });
		expect(broken.verdict).toEqual({ ok: false, status: 400, code: 'body_unreadable' });
	});

	it('lets readable forms, JSON, empty forms and untyped bodies through, and leaves them unread for the action', async () => {
		const form = post('application/x-www-form-urlencoded', 'body=Het+spijt+me%20%C3%A9cht&a=1&a=2');
		expect(await checkBody(form, true)).toEqual({ ok: true });
		expect((await form.formData()).get('body')).toBe('Het spijt me écht');
		const parts = multipart('b1', goodPart);
		expect(await checkBody(parts, true)).toEqual({ ok: true });
		expect((await parts.formData()).get('body')).toBe('Mijn woorden');
		expect(await checkBody(post('application/json; charset=utf-8', '{"text":"x"}'), false)).toEqual({ ok: true });
		expect(await checkBody(post('application/x-www-form-urlencoded', null), true)).toEqual({ ok: true });
		expect(await checkBody(new Request('http://herstelpad.test/'), true)).toEqual({ ok: true });
		expect(await checkBody(post(null, new Blob(['a=1'])), true)).toEqual({ ok: true });
	});

	it('refuses broken multipart with 400', async () => {
		for (const request of [
			multipart('b1', '--b1\r\nContent-Disposition: form-data; name="body"\r\n\r\nafgebroken'),
			multipart('other', goodPart),
			post('multipart/form-data', goodPart),
			multipart('b1', '\u0000\u0001garbage'),
			post('multipart/form-data; boundary=b1', null)
		]) {
			expect(await checkBody(request, true)).toEqual({ ok: false, status: 400, code: 'body_unreadable' });
		}
	});

	it('refuses bad percent-encoding, bytes that are not UTF-8 and other charsets', async () => {
		for (const request of [
			post('application/x-www-form-urlencoded', 'body=%zz'),
			post('application/x-www-form-urlencoded', 'body=%FF%FE'),
			post('application/x-www-form-urlencoded', new Uint8Array([0x62, 0x3d, 0xff, 0xfe])),
			post('application/x-www-form-urlencoded; charset=utf-16', 'body=a'),
			post('application/x-www-form-urlencoded; charset="iso-8859-1"', 'body=a')
		]) {
			expect(await checkBody(request, true)).toEqual({ ok: false, status: 400, code: 'body_unreadable' });
		}
		expect(await checkBody(post('application/x-www-form-urlencoded; charset=UTF-8', 'body=a'), true)).toEqual({ ok: true });
	});

	it('refuses form types an action cannot read, but leaves them to an endpoint', async () => {
		expect(await checkBody(post('text/plain', 'body=a'), true)).toEqual({ ok: false, status: 400, code: 'body_unreadable' });
		expect(await checkBody(post('application/x-sveltekit-formdata', 'x'), true)).toEqual({ ok: false, status: 400, code: 'body_unreadable' });
		expect(await checkBody(post('text/plain', 'body=a'), false)).toEqual({ ok: true });
	});

	it('refuses JSON that does not parse', async () => {
		expect(await checkBody(post('application/json', '{"text":'), false)).toEqual({ ok: false, status: 400, code: 'json_invalid' });
		expect(await checkBody(post('application/json', new Uint8Array([0x22, 0xff, 0x22])), false)).toEqual({ ok: false, status: 400, code: 'json_invalid' });
	});

	it('keeps the 413 the adapter gives a body over BODY_SIZE_LIMIT', async () => {
		const tooLarge = new ReadableStream({
			start(controller) {
				controller.error(Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), { status: 413 }));
			}
		});
		const request = new Request('http://herstelpad.test/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: tooLarge, duplex: 'half' } as RequestInit);
		expect(await checkBody(request, true)).toEqual({ ok: false, status: 413, code: 'body_too_large' });
	});
});

describe('refuseBody', () => {
	const event = (routeId: string, headers: Record<string, string>) =>
		({ route: { id: routeId }, url: new URL('http://herstelpad.test/reflections/new'), request: new Request('http://herstelpad.test/', { headers }) }) as unknown as RequestEvent;

	it('knows the endpoints from the route files', () => {
		expect(isEndpoint('/api/v1/apology/analyze')).toBe(true);
		expect(isEndpoint('/settings/export')).toBe(true);
		expect(isEndpoint('/reflections/new')).toBe(false);
		expect(isEndpoint(null)).toBe(false);
	});

	it('answers use:enhance with an ActionResult, an endpoint with JSON and a browser with a page', async () => {
		const enhanced = refuseBody(event('/reflections/new', { 'x-sveltekit-action': 'true', accept: 'application/json' }), 400, 'body_unreadable');
		expect(enhanced.status).toBe(400);
		expect(await enhanced.json()).toEqual({ type: 'error', error: { message: expect.stringMatching(/.{20,}/) } });

		const endpoint = refuseBody(event('/api/v1/apology/analyze', { accept: 'text/html' }), 400, 'json_invalid');
		expect(await endpoint.json()).toMatchObject({ error: 'json_invalid' });

		const page = refuseBody(event('/reflections/new', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }), 413, 'body_too_large');
		expect(page.status).toBe(413);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		// Answered before SvelteKit renders, so the page carries its own strict CSP.
		expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
		expect(await page.text()).toContain('href="/reflections/new"');
	});

	it('leads back to the form’s page, without the action (most pages post plainly, decision 021)', async () => {
		const url = new URL('http://herstelpad.test/reflections/new?/create&prompt=what-we-learnt');
		const page = refuseBody({ ...event('/reflections/new', { accept: 'text/html' }), url } as RequestEvent, 413, 'body_too_large');
		expect(await page.text()).toContain('href="/reflections/new?prompt=what-we-learnt"');
		expect(formPageOf(new URL('http://herstelpad.test/trust?/checkin'))).toBe('/trust');
		expect(formPageOf(new URL('http://herstelpad.test/signin?/signin&next=%2Fhour&x=1'))).toBe('/signin?next=%2Fhour&x=1');
	});
});
