import { test, expect } from './fixtures';
import { HttpUser } from './http-user';

/**
 * Every route and form action that takes an item id, tried with ids from another couple and with
 * the partner's private items: each must answer 404 and change nothing. Runs on PGlite and, in CI,
 * on PostgreSQL.
 */
test('ids from another couple and the partner’s private items answer 404 everywhere', async ({ baseURL }) => {
	const a = await HttpUser.signUp(baseURL!, 'ada', 'repairing');
	const b = await HttpUser.signUp(baseURL!, 'bea', 'hurt');
	const c = await HttpUser.signUp(baseURL!, 'cor', 'repairing');
	const d = await HttpUser.signUp(baseURL!, 'dex', 'hurt');
	await b.accept(await a.inviteLink());
	await d.accept(await c.inviteLink());

	const apology = 'Het spijt me dat ik heb gelogen. Ik heb je pijn gedaan. Ik zal eerlijk zijn.';
	const theirDraft = await c.createAndGetId('/coach?/save', { body: apology, lang: 'nl' }, /\/coach\/drafts\/([\w-]+)/);
	const theirPrivate = await c.createAndGetId('/reflections/new?/create', { prompt: 'my-part', body: 'C private' }, /\/reflections\/([\w-]+)/);
	const theirShared = await c.createAndGetId('/reflections/new?/create', { prompt: 'my-part', body: 'C shared with D' }, /\/reflections\/([\w-]+)/);
	expect((await c.post(`/reflections/${theirShared}?/share`)).status()).toBe(200);
	expect((await c.post('/together/letters?/send', { body: 'C to D' })).status()).toBe(200);
	expect((await d.post('/together/needs?/add', { body: 'D needs this' })).status()).toBe(200);
	const partnerPrivate = await b.createAndGetId('/reflections/new?/create', { prompt: 'what-we-learnt', body: 'B private' }, /\/reflections\/([\w-]+)/);

	// Ids of D's need and of the letter in D's letterbox, read as D.
	const needsHtml = await (await d.get('/together/needs')).text();
	const theirNeed = /name="id" value="([\w-]+)"/.exec(needsHtml)?.[1];
	const boxHtml = await (await d.get('/together/letterbox')).text();
	const theirLetter = /name="id" value="([\w-]+)"/.exec(boxHtml)?.[1];
	expect(theirNeed).toBeTruthy();
	expect(theirLetter).toBeTruthy();

	const attempts: [string, string, Record<string, string>?][] = [
		['GET', `/coach/drafts/${theirDraft}`],
		['GET', `/coach/drafts/${theirDraft}?version=1`],
		['GET', `/coach/drafts/${theirDraft}/__data.json`],
		['POST', `/coach/drafts/${theirDraft}?/save`, { body: apology }],
		['POST', `/coach/drafts/${theirDraft}?/analyze`, { body: apology }],
		['POST', `/coach/drafts/${theirDraft}?/send`, { version: '1' }],
		['POST', `/coach/drafts/${theirDraft}?/delete`],
		...[theirPrivate, theirShared, partnerPrivate].flatMap((id): [string, string, Record<string, string>?][] => [
			['GET', `/reflections/${id}`],
			['GET', `/reflections/${id}/__data.json`],
			['POST', `/reflections/${id}?/update`, { body: 'overwritten' }],
			['POST', `/reflections/${id}?/share`],
			['POST', `/reflections/${id}?/unshare`],
			['POST', `/reflections/${id}?/delete`]
		]),
		['POST', '/together/letterbox?/open', { id: theirLetter! }],
		['POST', '/together/needs?/remove', { id: theirNeed! }],
		['POST', '/together/needs?/acknowledge', { id: theirNeed! }]
	];
	for (const [method, path, form] of attempts) {
		const res = method === 'GET' ? await a.get(path) : await a.post(path, form);
		const status = res.status();
		const body = path.endsWith('__data.json') ? await res.text() : '';
		// __data.json answers 200 with the error inside; both must carry the 404 and no content.
		if (path.endsWith('__data.json')) {
			expect(body, path).toContain('"status":404');
		} else {
			expect(status, `${method} ${path}`).toBe(404);
		}
		expect(body).not.toContain('C private');
	}

	// Nothing changed for the owners.
	expect(await (await c.get(`/reflections/${theirPrivate}`)).text()).toContain('C private');
	expect(await (await c.get(`/reflections/${theirShared}`)).text()).toContain('C shared with D');
	expect(await (await d.get(`/reflections/${theirShared}`)).text()).toContain('C shared with D');
	expect(await (await c.get(`/coach/drafts/${theirDraft}`)).text()).toContain('Het spijt me dat ik heb gelogen');
	expect(await (await d.get('/together/needs')).text()).not.toContain('Gezien door je partner');
	expect(await (await b.get(`/reflections/${partnerPrivate}`)).text()).toContain('B private');
});
