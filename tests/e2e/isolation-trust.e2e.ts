import { test, expect } from './fixtures';
import { HttpUser } from './http-user';

/**
 * The trust area (issue 10) across couples: every trust action that takes an id, tried with ids
 * from another couple and with the partner's private items, answers 404 and changes nothing; the
 * pages of another couple show none of their words. Runs on PGlite and, in CI, on PostgreSQL.
 */
const day = new Date().toISOString().slice(0, 10);
const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const idsIn = (html: string, name: string) => [...new Set([...html.matchAll(new RegExp(`name="${name}" value="([0-9a-f-]{36})"`, 'g'))].map((m) => m[1]))];
/** The id in the first form posting to `?/action`. */
const idAfter = (html: string, action: string) => new RegExp(`action="\\?/${action}"[\\s\\S]*?name="id" value="([0-9a-f-]{36})"`).exec(html)?.[1] ?? '';
const safe = { afraid: 'no', controlled: 'no', threatened: 'no', hurt: 'no' };

test('trust ids from another couple and the partner’s private items answer 404 everywhere', async ({ baseURL }) => {
	test.setTimeout(180_000);
	const a = await HttpUser.signUp(baseURL!, 'tia', 'repairing');
	const b = await HttpUser.signUp(baseURL!, 'tib', 'hurt');
	const c = await HttpUser.signUp(baseURL!, 'tic', 'repairing');
	const d = await HttpUser.signUp(baseURL!, 'tid', 'hurt');
	await b.accept(await a.inviteLink());
	await d.accept(await c.inviteLink());
	for (const user of [a, b, c, d]) expect((await user.post('/trust/transparency?/safety', safe)).status()).toBe(200);

	// C and D write one of everything.
	expect((await d.post('/trust?/checkin', { day, trust: '2', safety: '3', connection: '4', helped: 'D-PRIVATE-HELPED' })).status()).toBe(200);
	expect((await d.post('/trust?/checkin', { day, trust: '5', safety: '5', connection: '5', helped: 'D-SHARED-HELPED', share: 'on' })).status()).toBe(200);
	expect((await c.post('/trust?/rateSelf', { day, hope: '6', strain: '7' })).status()).toBe(200);
	expect((await c.post('/trust/contact?/contact', { day, channel: 'call', initiatedBy: 'them', planned: 'no', said: 'C-CONTACT-SAID' })).status()).toBe(200);
	const entry = idsIn(await (await d.get('/trust/contact')).text(), 'entry')[0];
	expect((await d.post('/trust/contact?/ask', { entry, question: 'D-QUESTION' })).status()).toBe(200);
	expect((await c.post('/trust/transparency?/offer', { kind: 'shared-calendar', boundaries: 'C-BOUNDARIES', endsOn: later })).status()).toBe(200);
	expect((await d.post('/trust/transparency?/request', { kind: 'open-accounts', details: 'D-REQUEST' })).status()).toBe(200);
	expect((await d.post('/trust/memories?/add', { day, body: 'D-MEMORY' })).status()).toBe(200);
	expect((await b.post('/trust/memories?/add', { day, body: 'B-HIDDEN-MEMORY' })).status()).toBe(200);

	const checkins = idsIn(await (await d.get('/trust')).text(), 'id');
	const selfRating = idsIn(await (await c.get('/trust')).text(), 'id')[0];
	const question = idsIn(await (await c.get('/trust/contact')).text(), 'id')[0];
	const cTransparency = await (await c.get('/trust/transparency')).text();
	const request = idAfter(cTransparency, 'accept');
	const measure = idAfter(cTransparency, 'revoke');
	const memory = idsIn(await (await d.get('/trust/memories')).text(), 'id')[0];
	const hidden = idsIn(await (await b.get('/trust/memories')).text(), 'id')[0];
	expect((await b.post('/trust/memories?/hide', { id: hidden })).status()).toBe(200);
	expect(checkins).toHaveLength(2);
	for (const id of [selfRating, question, request, measure, memory, hidden]) expect(id).toBeTruthy();

	const attempts: [string, Record<string, string>][] = [
		...checkins.flatMap((id): [string, Record<string, string>][] => [
			['/trust?/share', { id }],
			['/trust?/unshare', { id }],
			['/trust?/delete', { id }]
		]),
		['/trust?/deleteSelf', { id: selfRating }],
		['/trust/contact?/ask', { entry, question: 'A probing' }],
		['/trust/contact?/answer', { id: question, answer: 'A answering' }],
		['/trust/transparency?/revoke', { id: measure }],
		['/trust/transparency?/accept', { id: request, boundaries: 'A', endsOn: later }],
		['/trust/transparency?/decline', { id: request, reason: 'A' }],
		['/trust/memories?/hide', { id: memory }],
		['/trust/memories?/show', { id: memory }],
		['/trust/memories?/delete', { id: memory }]
	];
	for (const [path, form] of attempts) expect((await a.post(path, form)).status(), `A ${path}`).toBe(404);
	// The partner's hidden memory cannot be shown, hidden or deleted by the partner either.
	for (const action of ['show', 'hide', 'delete']) expect((await a.post(`/trust/memories?/${action}`, { id: hidden })).status(), action).toBe(404);

	// A's pages hold nothing of C and D, nor B's hidden memory; __data.json neither.
	for (const path of ['/trust', '/trust/contact', '/trust/transparency', '/trust/memories']) {
		for (const url of [path, `${path}/__data.json`]) {
			const text = await (await a.get(url)).text();
			for (const word of ['D-PRIVATE', 'D-SHARED', 'C-CONTACT', 'D-QUESTION', 'C-BOUNDARIES', 'D-REQUEST', 'D-MEMORY', 'B-HIDDEN-MEMORY']) expect(text, `${url} ${word}`).not.toContain(word);
		}
	}

	// Nothing changed for C and D: D's partner sees the shared check-in only, the thread is unanswered.
	const cTrust = await (await c.get('/trust')).text();
	expect(cTrust).toContain('D-SHARED-HELPED');
	expect(cTrust).not.toContain('D-PRIVATE-HELPED');
	const dContact = await (await d.get('/trust/contact')).text();
	expect(dContact).toContain('D-QUESTION');
	expect(dContact).not.toContain('A answering');
	expect(await (await d.get('/trust/memories')).text()).toContain('D-MEMORY');
	expect(await (await c.get('/trust/transparency')).text()).toContain('C-BOUNDARIES');
});
