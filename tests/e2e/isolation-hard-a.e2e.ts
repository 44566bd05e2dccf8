import { test, expect } from './fixtures';
import { HttpUser } from './http-user';

/**
 * "Talking it through" (issue 11, items 1–3) across couples: every id-taking route and action,
 * tried with ids from another couple and with the partner's draft, answers 404 and changes
 * nothing. Same pattern as isolation.e2e.ts.
 */
test('agreements, accounts and questions of another couple answer 404 everywhere', async ({ baseURL }) => {
	const a = await HttpUser.signUp(baseURL!, 'ada', 'repairing');
	const b = await HttpUser.signUp(baseURL!, 'bea', 'hurt');
	const c = await HttpUser.signUp(baseURL!, 'cor', 'repairing');
	const d = await HttpUser.signUp(baseURL!, 'dex', 'hurt');
	await b.accept(await a.inviteLink());
	await d.accept(await c.inviteLink());

	// Couple C+D: a proposal, a sent account, a question.
	expect((await c.post('/talk/agreements?/propose', { detail: 'facts', timing: 'any-time', timeoutWord: 'C-WORD' })).status()).toBe(200);
	const proposal = /name="id" value="([\w-]+)"/.exec(await (await d.get('/talk/agreements')).text())?.[1];
	expect((await c.post('/talk/account?/add', { fromDate: '2025-03-01', body: 'C-ACCOUNT' })).status()).toBe(200);
	const theirEntry = /\?edit=([\w-]+)/.exec(await (await c.get('/talk/account')).text())?.[1];
	expect((await c.post('/talk/account?/send', { confirm: 'on' })).status()).toBe(200);
	const theirLetter = /name="id" value="([\w-]+)"/.exec(await (await d.get('/talk/account')).text())?.[1];
	const question = await d.createAndGetId('/talk/questions?/ask', { body: 'D-QUESTION', about: 'facts' }, /\/talk\/questions\/([\w-]+)/);
	// A's own partner's draft, never sent.
	expect((await b.post('/talk/account?/add', { fromDate: '2025-01-01', body: 'B-DRAFT' })).status()).toBe(200);
	const partnerDraft = /\?edit=([\w-]+)/.exec(await (await b.get('/talk/account')).text())?.[1];
	for (const id of [proposal, theirEntry, theirLetter, partnerDraft]) expect(id).toBeTruthy();

	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	const attempts: [string, string, Record<string, string>?][] = [
		['POST', '/talk/agreements?/accept', { id: proposal! }],
		['POST', '/talk/agreements?/withdraw', { id: proposal! }],
		...[theirEntry!, partnerDraft!].flatMap((id): [string, string, Record<string, string>?][] => [
			['POST', '/talk/account?/update', { id, fromDate: '2025-03-01', body: 'overwritten' }],
			['POST', '/talk/account?/remove', { id }]
		]),
		['POST', '/talk/account?/open', { id: theirLetter! }],
		['POST', '/together/letterbox?/open', { id: theirLetter! }],
		['GET', `/talk/questions/${question}`],
		['GET', `/talk/questions/${question}/__data.json`],
		['POST', `/talk/questions/${question}?/reply`, { body: 'intruder' }],
		['POST', `/talk/questions/${question}?/needTime`, { until: tomorrow }]
	];
	for (const [method, path, form] of attempts) {
		const res = method === 'GET' ? await a.get(path) : await a.post(path, form);
		if (path.endsWith('__data.json')) {
			const body = await res.text();
			expect(body, path).toContain('"status":404');
			expect(body).not.toContain('D-QUESTION');
		} else {
			expect(res.status(), `${method} ${path}`).toBe(404);
		}
	}

	// Nothing of theirs shows on A's pages, and nothing changed for them.
	for (const path of ['/talk', '/talk/agreements', '/talk/account', '/talk/questions', '/together/letterbox']) {
		const html = await (await a.get(path)).text();
		for (const canary of ['C-WORD', 'C-ACCOUNT', 'D-QUESTION', 'B-DRAFT']) expect(html, `${path} ${canary}`).not.toContain(canary);
	}
	expect(await (await d.get('/talk/agreements')).text()).toContain('C-WORD');
	expect(await (await c.get('/talk/account')).text()).toContain('C-ACCOUNT');
	expect(await (await b.get('/talk/account')).text()).toContain('B-DRAFT');
	const thread = await (await c.get(`/talk/questions/${question}`)).text();
	expect(thread).toContain('D-QUESTION');
	expect(thread).not.toContain('intruder');
});
