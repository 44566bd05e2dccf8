import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, formCouple, reopen } from './fixtures';
import { HttpUser } from './http-user';

/**
 * The trigger kit (issue 11, item 4) with two real partners: the hurt partner taps "I'm
 * triggered" from another page, the repairing partner gets a neutral notice with the words they
 * prepared and answers, the hurt partner sees the answer. The note stays in the hurt partner's
 * log — not in the partner's page, HTML or data — until that one entry is shared.
 */

/** Presses a submit button (by keyboard: on a long phone page a click can land mid smooth-scroll) and waits for the post. */
async function submit(page: Page, button: string | RegExp, action: string) {
	const done = page.waitForResponse((res) => res.url().includes(`?/${action}`) && res.request().method() === 'POST');
	await page.getByRole('button', { name: button, exact: typeof button === 'string' }).press('Enter');
	expect((await done).status()).toBeLessThan(400);
}

/** The page's HTML and its data as the client router would fetch it, both straight from the server. */
async function whatTheServerSends(page: Page, path: string) {
	const html = await (await page.request.get(path)).text();
	const data = await (await page.request.get(`${path}/__data.json`)).text();
	return `${html}\n${data}`;
}

test('trigger → neutral notice with the prepared words → answer shown to the hurt partner; the note stays private until shared', async ({ browser }) => {
	test.setTimeout(180_000);
	const { a, b } = await formCouple(browser, 'trig');

	// Ada prepares, in a calm moment, what she will say. Offline, the text stays where it is.
	await a.goto('/triggers', { waitUntil: 'networkidle' });
	await a.getByLabel('Mijn antwoord, in mijn eigen woorden').fill('ADA-PREPARED: dit komt door wat ik deed, niet door jou. Ik ben hier.');
	await a.context().setOffline(true);
	await a.getByRole('button', { name: 'Antwoord bewaren' }).press('Enter');
	await expect(a.getByText(/Je bent offline, dus er is niets verstuurd/)).toBeVisible();
	await expect(a.getByLabel('Mijn antwoord, in mijn eigen woorden')).toHaveValue(/^ADA-PREPARED/);
	await a.context().setOffline(false);
	await submit(a, 'Antwoord bewaren', 'prepare');
	await expect(a.getByText('Je antwoord is bewaard.')).toBeVisible();
	await expectAccessible(a);

	// Bo, on another page: first tap in the top bar, second tap sends.
	await b.goto('/deeds', { waitUntil: 'networkidle' });
	await b.getByRole('link', { name: 'Ik ben getriggerd' }).click();
	await expect(b).toHaveURL(/\/triggers#now$/);
	await b.getByRole('radio', { name: '4', exact: true }).check();
	await b.getByLabel('Wat zette het in gang? (mag je openlaten)').fill('BO-NOTE-CANARY: een liedje op de radio');
	await submit(b, 'Laat Ada het weten', 'signal');
	await expect(b.getByText('Ada weet het nu. Je hoeft niets uit te leggen.')).toBeVisible();
	await expectAccessible(b);

	// Ada's home page says so, neutrally; the notice holds her own words and nothing of Bo's note.
	await a.goto('/dashboard');
	await a.getByRole('link', { name: /Bo heeft het nu moeilijk/ }).click();
	await expect(a.getByRole('heading', { name: 'Bo heeft het moeilijk' })).toBeVisible();
	await expect(a.getByRole('blockquote').filter({ hasText: 'ADA-PREPARED: dit komt door wat ik deed' })).toBeVisible();
	const before = await whatTheServerSends(a, '/triggers');
	expect(before).not.toContain('BO-NOTE-CANARY');
	expect(before).not.toMatch(/Sterkte: 4/);
	await expectAccessible(a);
	await a.getByRole('radio', { name: /Nabijheid/ }).check();
	await submit(a, 'Antwoord sturen', 'answer');
	await expect(a.getByText('Bo ziet je antwoord nu, samen met je voorbereide woorden.')).toBeVisible();

	// Bo sees the answer, with Ada's own words.
	await b.goto('/triggers');
	const answer = b.getByRole('region', { name: 'Het antwoord van Ada' });
	await expect(answer.getByText('Nabijheid')).toBeVisible();
	await expect(answer.getByText('ADA-PREPARED: dit komt door wat ik deed')).toBeVisible();
	await expect(b.getByText(/antwoord: Nabijheid/)).toBeVisible();
	await expectAccessible(b);

	// Sharing that one entry shows it to Ada; taking it back hides it again.
	await submit(b, /^Delen met Ada/, 'share');
	expect(await whatTheServerSends(a, '/triggers')).toContain('BO-NOTE-CANARY');
	await submit(b, /^Niet meer delen/, 'unshare');
	expect(await whatTheServerSends(a, '/triggers')).not.toContain('BO-NOTE-CANARY');

	// Patterns: a chart with its figures in a table.
	await reopen(b);
	await expect(b.getByRole('img', { name: /Momenten in 12 weken: 1\./ })).toBeVisible();
	await expect(b.getByRole('table', { name: 'Per dag van de week' })).toBeVisible();
});

test('the trigger kit works without JavaScript, refuses bad input kindly and stays inside its couple', async ({ baseURL }) => {
	const a = await HttpUser.signUp(baseURL!, 'ida', 'repairing');
	const b = await HttpUser.signUp(baseURL!, 'ben', 'hurt');
	const c = await HttpUser.signUp(baseURL!, 'cas', 'repairing');
	const d = await HttpUser.signUp(baseURL!, 'dex', 'hurt');
	await b.accept(await a.inviteLink());
	await d.accept(await c.inviteLink());

	/** Refused with the status and the reason in Dutch, in the page that comes back. */
	const refused = async (res: Awaited<ReturnType<HttpUser['post']>>, status: number, text: string) => {
		expect(res.status()).toBe(status);
		expect(await res.text()).toContain(text);
	};
	await refused(await d.post('/triggers?/signal', { strength: '9', cause: 'x' }), 400, 'Kies een sterkte van 1 tot 5, of laat het open.');
	expect((await d.post('/triggers?/signal', { strength: '5', cause: 'DEX-NOTE-CANARY' })).status()).toBe(200);
	const cPage = await (await c.get('/triggers')).text();
	const signalId = /name="id" value="([0-9a-f-]{36})"/.exec(cPage)?.[1];
	expect(signalId).toBeTruthy();
	expect(cPage).not.toContain('DEX-NOTE-CANARY');

	// Another couple cannot answer it, nor see anything of it; the entry's owner cannot answer it either.
	await refused(await a.post('/triggers?/answer', { id: signalId!, answer: 'talk' }), 404, 'Dit bestaat niet (meer).');
	await refused(await d.post('/triggers?/answer', { id: signalId!, answer: 'talk' }), 404, 'Dit bestaat niet (meer).');
	await refused(await c.post('/triggers?/answer', { id: signalId!, answer: 'shout' }), 400, 'Kies wat je nu aanbiedt: praten, nabijheid of ruimte.');
	// A bad hidden id has no field of its own: the reason still shows, for the whole form.
	await refused(await c.post('/triggers?/answer', { id: 'not-an-id', answer: 'talk' }), 400, 'Dit bestaat niet (meer).');
	expect((await c.post('/triggers?/answer', { id: signalId!, answer: 'space' })).status()).toBe(200);
	const dPage = await (await d.get('/triggers')).text();
	expect(dPage).toContain('antwoord: Ruimte');
	const entryId = /name="id" value="([0-9a-f-]{36})"/.exec(dPage)?.[1];
	// A refused edit gives back what was typed, not the old text.
	const typed = `DEX-TYPED-${'y'.repeat(2100)}`;
	const edit = await d.post('/triggers?/update', { id: entryId!, strength: '2', cause: typed, helped: 'DEX-HELPED-TYPED' });
	expect(edit.status()).toBe(400);
	const editPage = await edit.text();
	expect(editPage).toContain('Deze tekst is te lang.');
	expect(editPage).toContain(typed);
	expect(editPage).toContain('DEX-HELPED-TYPED');
	expect((await a.post('/triggers?/share', { id: entryId! })).status()).toBe(404);
	expect((await a.post('/triggers?/delete', { id: entryId! })).status()).toBe(404);
	for (const path of ['/triggers', '/triggers/__data.json', '/dashboard']) {
		const text = await (await a.get(path)).text();
		expect(text, path).not.toContain('DEX-NOTE-CANARY');
		expect(text, path).not.toContain('dex heeft het');
	}
	await refused(await b.post('/triggers?/discovery', { discoveredOn: '2999-01-01' }), 400, 'Kies een datum in het verleden, of laat het veld leeg.');
	// Preparing words is the repairing partner's form: the reason shows beside it in the page itself
	// (the page carries no hydration data that could hold it instead, decision 021).
	await refused(await a.post('/triggers?/prepare', { body: 'x'.repeat(5000) }), 400, 'Deze tekst is te lang.');

	// The log shows the newest 20 moments; a plain link pages back (a keyset cursor in the address).
	for (let i = 1; i <= 21; i++) expect((await d.post('/triggers?/log', { strength: '', cause: `DEX-MOMENT-${i}` })).status()).toBe(200);
	const newest = await (await d.get('/triggers')).text();
	expect(newest).toContain('>DEX-MOMENT-21<');
	expect(newest).not.toContain('>DEX-MOMENT-1<');
	const older = /href="(\?before=[^"#]+)#log"[^>]*>Oudere momenten/.exec(newest)?.[1].replaceAll('&amp;', '&');
	expect(older).toBeTruthy();
	const olderPage = await (await d.get(`/triggers${older}`)).text();
	expect(olderPage).toContain('>DEX-MOMENT-1<');
	expect(olderPage).toContain('Terug naar de nieuwste momenten');
	expect(olderPage).not.toContain('>DEX-MOMENT-21<');
	// A form on the older page answers on that same page.
	const oldId = /name="id" value="([0-9a-f-]{36})"/.exec(olderPage)?.[1];
	const saved = await d.post(`/triggers?/update&${older!.slice(1)}`, { id: oldId!, strength: '1', cause: 'DEX-MOMENT-1', helped: 'DEX-HELPED-LATER' });
	expect(saved.status()).toBe(200);
	const savedPage = await saved.text();
	expect(savedPage).toContain('DEX-HELPED-LATER');
	expect(savedPage).not.toContain('>DEX-MOMENT-21<');
	// A cursor that cannot be read shows the newest page, not an error.
	const mangled = await d.get('/triggers?before=2026-02-31T10:00:00Z_nonsense&sharedBefore=%00');
	expect(mangled.status()).toBe(200);
	expect(await mangled.text()).toContain('>DEX-MOMENT-21<');
});
