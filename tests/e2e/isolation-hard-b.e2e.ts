import { test, expect } from './fixtures';
import { HttpUser } from './http-user';

/**
 * Issue 11, items 4–6, across couples: nothing of another couple's decision, triggers or impact
 * letters reaches anyone outside it, and their ids answer 404 everywhere (HTTP, as a browser without
 * JavaScript posts).
 */
test('the decision, the trigger kit and impact letters stay inside their couple', async ({ baseURL }) => {
	const a = await HttpUser.signUp(baseURL!, 'ada', 'repairing');
	const b = await HttpUser.signUp(baseURL!, 'bea', 'hurt');
	const c = await HttpUser.signUp(baseURL!, 'cor', 'repairing');
	const d = await HttpUser.signUp(baseURL!, 'dex', 'hurt');
	await b.accept(await a.inviteLink());
	await d.accept(await c.inviteLink());
	const review = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);

	// The other couple decides; both choices are revealed to them.
	expect((await c.post('/decision?/choose', { path: 'together', why: 'COR-WHY', reviewOn: review })).status()).toBe(200);
	expect((await d.post('/decision?/choose', { path: 'apart', why: 'DEX-WHY', reviewOn: review })).status()).toBe(200);
	expect(await (await c.get('/decision')).text()).toContain('DEX-WHY');
	// A chooses alone: A's partner has not chosen, so A sees nobody's choice but their own.
	expect((await a.post('/decision?/choose', { path: 'later', why: 'ADA-WHY', reviewOn: review })).status()).toBe(200);
	for (const path of ['/decision', '/decision/__data.json']) {
		const text = await (await a.get(path)).text();
		for (const secret of ['COR-WHY', 'DEX-WHY']) expect(text, path).not.toContain(secret);
	}
	// A cannot start the other couple's decision again, nor its own before the reveal.
	expect((await a.post('/decision?/restart')).status()).toBe(409);
	expect(await (await c.get('/decision')).text()).toContain('DEX-WHY');
});
