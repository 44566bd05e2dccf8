import { test, expect } from './fixtures';
import { HttpUser } from './http-user';

/**
 * Every deeds route and action that takes an id, tried with another couple's wishes and
 * commitments and with the partner's private ones: each answers 404 and changes nothing.
 */
test('deeds of another couple and the partner’s private deeds answer 404 everywhere', async ({ baseURL }) => {
	test.setTimeout(120_000);
	const a = await HttpUser.signUp(baseURL!, 'adi', 'repairing');
	const b = await HttpUser.signUp(baseURL!, 'ben', 'hurt');
	const c = await HttpUser.signUp(baseURL!, 'cid', 'repairing');
	const d = await HttpUser.signUp(baseURL!, 'dot', 'hurt');
	await b.accept(await a.inviteLink());
	await d.accept(await c.inviteLink());

	const idOf = async (user: HttpUser, path: string, text: string) => {
		const html = await (await user.get(path)).text();
		const at = html.indexOf(text);
		expect(at, text).toBeGreaterThan(-1);
		return /name="id" value="([\w-]+)"/.exec(html.slice(at))![1];
	};
	// The other couple: D's shared and private wishes, C's shared and private commitments with a check-in.
	expect((await d.post('/deeds/wishes?/add', { size: 'everyday', body: 'D-SHARED-WISH', share: 'on' })).status()).toBe(200);
	expect((await d.post('/deeds/wishes?/add', { size: 'bigger', body: 'D-PRIVATE-WISH' })).status()).toBe(200);
	const theirWish = await idOf(d, '/deeds/wishes', 'D-SHARED-WISH');
	const theirPrivateWish = await idOf(d, '/deeds/wishes', 'D-PRIVATE-WISH');
	const theirShared = await c.createAndGetId('/deeds?/create', { title: 'C-SHARED', rhythm: 'daily', share: 'on' }, /\/deeds\/commitments\/([\w-]+)/);
	const theirPrivate = await c.createAndGetId('/deeds?/create', { title: 'C-PRIVATE', rhythm: 'daily' }, /\/deeds\/commitments\/([\w-]+)/);
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
	expect((await c.post(`/deeds/commitments/${theirShared}?/checkIn`, { day: today, outcome: 'kept' })).status()).toBe(200);
	expect((await d.post(`/deeds/commitments/${theirShared}?/comment`, { body: 'D-COMMENT' })).status()).toBe(200);
	const commentHtml = await (await d.get(`/deeds/commitments/${theirShared}`)).text();
	const theirComment = /name="commentId" value="([\w-]+)"/.exec(commentHtml)![1];
	// The partner's private items: B's private wish, and a private commitment of A seen from B.
	expect((await b.post('/deeds/wishes?/add', { size: 'everyday', body: 'B-PRIVATE-WISH' })).status()).toBe(200);
	const partnerPrivateWish = await idOf(b, '/deeds/wishes', 'B-PRIVATE-WISH');
	const partnerPrivate = await a.createAndGetId('/deeds?/create', { title: 'A-PRIVATE', rhythm: 'daily' }, /\/deeds\/commitments\/([\w-]+)/);

	const commitmentAttempts = (id: string): [string, string, Record<string, string>?][] => [
		['GET', `/deeds/commitments/${id}`],
		['GET', `/deeds/commitments/${id}/__data.json`],
		['POST', `/deeds/commitments/${id}?/checkIn`, { day: today, outcome: 'not-kept' }],
		['POST', `/deeds/commitments/${id}?/notice`, { day: today, noticed: 'not-noticed' }],
		['POST', `/deeds/commitments/${id}?/comment`, { body: 'intruder' }],
		['POST', `/deeds/commitments/${id}?/change`, { title: 'overwritten', rhythm: 'daily' }],
		['POST', `/deeds/commitments/${id}?/pause`, { reason: 'intruder' }],
		['POST', `/deeds/commitments/${id}?/resume`],
		['POST', `/deeds/commitments/${id}?/end`, { reason: 'intruder' }],
		['POST', `/deeds/commitments/${id}?/share`],
		['POST', `/deeds/commitments/${id}?/unshare`]
	];
	const wishAttempts = (id: string): [string, string, Record<string, string>?][] => [
		['POST', '/deeds/wishes?/answer', { id, answer: 'not-now', reason: 'intruder' }],
		['POST', '/deeds/wishes?/share', { id }],
		['POST', '/deeds/wishes?/unshare', { id }],
		['POST', '/deeds/wishes?/delete', { id }],
		['POST', '/deeds?/create', { title: 'from a foreign wish', rhythm: 'daily', wishId: id }]
	];
	const attempts = [
		...[theirShared, theirPrivate].flatMap(commitmentAttempts),
		...[theirWish, theirPrivateWish].flatMap(wishAttempts),
		['POST', `/deeds/commitments/${theirShared}?/deleteComment`, { commentId: theirComment }] as [string, string, Record<string, string>],
		['POST', `/deeds/commitments/${partnerPrivate}?/deleteComment`, { commentId: theirComment }] as [string, string, Record<string, string>]
	];
	for (const [method, path, form] of attempts) {
		const res = method === 'GET' ? await a.get(path) : await a.post(path, form);
		const body = await res.text();
		if (path.endsWith('__data.json')) expect(body, path).toContain('"status":404');
		else expect(res.status(), `${method} ${path}`).toBe(404);
		for (const secret of ['C-SHARED', 'C-PRIVATE', 'D-SHARED-WISH', 'D-PRIVATE-WISH', 'D-COMMENT']) expect(body, path).not.toContain(secret);
	}
	// The partner's private items: B cannot reach A's private commitment, A cannot answer B's private wish.
	for (const [method, path, form] of commitmentAttempts(partnerPrivate)) {
		const res = method === 'GET' ? await b.get(path) : await b.post(path, form);
		if (path.endsWith('__data.json')) expect(await res.text()).toContain('"status":404');
		else expect(res.status(), `partner ${method} ${path}`).toBe(404);
	}
	expect((await a.post('/deeds/wishes?/answer', { id: partnerPrivateWish, answer: 'talk' })).status()).toBe(404);
	// Lists show nothing foreign.
	const lists = (await (await a.get('/deeds')).text()) + (await (await a.get('/deeds/wishes')).text()) + (await (await a.get('/dashboard')).text());
	for (const secret of ['C-SHARED', 'C-PRIVATE', 'D-SHARED-WISH', 'D-PRIVATE-WISH', 'B-PRIVATE-WISH']) expect(lists).not.toContain(secret);

	// Nothing changed for the owners.
	const cPage = await (await c.get(`/deeds/commitments/${theirShared}`)).text();
	expect(cPage).toContain('C-SHARED');
	expect(cPage).not.toContain('overwritten');
	expect(cPage).not.toContain('intruder');
	expect(cPage).toContain('D-COMMENT');
	const dWishes = await (await d.get('/deeds/wishes')).text();
	expect(dWishes).toContain('D-SHARED-WISH');
	expect(dWishes).toContain('D-PRIVATE-WISH');
	expect(dWishes).toContain('Je partner heeft nog niet geantwoord.');
	expect(await (await a.get(`/deeds/commitments/${partnerPrivate}`)).text()).toContain('A-PRIVATE');
});
