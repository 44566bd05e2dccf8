import { randomUUID } from 'node:crypto';
import { test, expect, apiContext } from './fixtures';
import { HttpUser } from './http-user';

/**
 * Input a form never offers but a person (or a script) can still send: answered with 4xx and a
 * message in the user's language, never a 500, and nothing already saved is lost.
 */
const NUL = '\u0000';
const NL_MESSAGE = 'onzichtbaar stuurteken';
const EN_MESSAGE = 'invisible control character';

test('control characters are refused with a clear message, and what was saved stays', async ({ baseURL }) => {
	const user = await HttpUser.signUp(baseURL!, 'nul', 'hurt');
	const id = await user.createAndGetId('/reflections/new?/create', { prompt: 'my-part', body: 'Mijn bewaarde woorden' }, /\/reflections\/([\w-]+)/);

	const attempts: [string, Record<string, string>, string][] = [
		['/reflections/new?/create&prompt=my-part', { prompt: 'my-part', body: `nieuw${NUL}` }, NL_MESSAGE],
		[`/reflections/${id}?/update`, { body: `overschreven${NUL}` }, NL_MESSAGE],
		['/together/needs?/add', { body: `nodig${NUL}` }, NL_MESSAGE],
		['/together/letterbox?/status', { status: 'space', note: `NOTITIE-NIET-BEWAARD${NUL}` }, NL_MESSAGE],
		['/coach?/save', { body: `Het spijt me${NUL}` }, NL_MESSAGE],
		['/en/reflections/new?/create&prompt=my-part', { prompt: 'my-part', body: `new${NUL}` }, EN_MESSAGE]
	];
	for (const [path, form, message] of attempts) {
		const res = await user.post(path, form);
		expect(res.status(), path).toBe(400);
		const html = await res.text();
		expect(html, path).toContain(message);
	}
	expect(await (await user.get(`/reflections/${id}`)).text()).toContain('Mijn bewaarde woorden');
	expect(await (await user.get('/together/letterbox')).text()).not.toContain('NOTITIE-NIET-BEWAARD');

	const anonymous = await apiContext(baseURL);
	const signUp = await anonymous.post('/signup?/signup', {
		form: { displayName: `naam${NUL}`, email: `nul-${Date.now()}@example.org`, password: 'long enough pass', adult: 'on', consent: 'on' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(signUp.status()).toBe(400);
	expect(await signUp.text()).toContain(NL_MESSAGE);
	await anonymous.dispose();
});

test('ids that cannot exist answer 404, and a non-form export request 400', async ({ baseURL }) => {
	const user = await HttpUser.signUp(baseURL!, 'ids', 'repairing');
	for (const path of ['/reflections/%00', '/reflections/not-an-id', `/reflections/${randomUUID()}`, '/coach/drafts/%00', `/coach/drafts/${randomUUID()}`]) {
		expect((await user.get(path)).status(), path).toBe(404);
	}
	for (const id of [`${NUL}`, 'not-an-id']) {
		expect((await user.post('/together/needs?/remove', { id })).status(), JSON.stringify(id)).toBeGreaterThanOrEqual(400);
		expect((await user.post('/together/needs?/remove', { id })).status(), JSON.stringify(id)).toBeLessThan(500);
	}
	const exported = await user.api.post('/settings/export', { data: { format: 'json' }, headers: { origin: baseURL! } });
	expect(exported.status()).toBe(400);
	expect(await exported.text()).not.toContain('"account"');
});
