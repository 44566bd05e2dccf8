import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { test, expect, expectAccessible, formCouple, PASSWORD, reopen } from './fixtures';

/**
 * Issue 9 ("First contact"): the hurt partner's "space" is respected, nothing is delivered twice,
 * the export keeps the interface's promises, the partner who stays is told kindly, and a status
 * can be cleared. Each journey uses two real partners in two browser contexts.
 */

type Lang = 'nl' | 'en';
const words = {
	nl: {
		space: /Ik heb ruimte nodig/,
		ready: /Ik ben klaar om te lezen/,
		none: /Geen status/,
		save: 'Opslaan',
		letter: 'Je brief',
		send: 'Brief versturen',
		spaceNotice: 'Je partner heeft om ruimte gevraagd. Je mag gewoon schrijven',
		sentWaiting: 'Je brief is verstuurd en wacht tot je partner er klaar voor is.',
		stateWaiting: 'Wacht tot je partner er klaar voor is',
		waiting: 'Er wachten brieven van je partner',
		release: 'Toch in mijn brievenbus leggen',
		open: 'Openen',
		cleared: 'Je status is gewist. Je partner ziet geen status meer.',
		partnerRegion: (name: string) => `Hoe het met ${name} is`,
		unopened: 'Ongeopend: 0'
	},
	en: {
		space: /I need space/,
		ready: /I'm ready to read/,
		none: /No status/,
		save: 'Save',
		letter: 'Your letter',
		send: 'Send the letter',
		spaceNotice: 'Your partner has asked for space. You can still write',
		sentWaiting: 'Your letter has been sent and is waiting until your partner is ready.',
		stateWaiting: 'Waiting until your partner is ready',
		waiting: 'There are letters from your partner waiting',
		release: 'Put them in my letterbox anyway',
		open: 'Open',
		cleared: 'Your status is cleared. Your partner no longer sees a status.',
		partnerRegion: (name: string) => `How ${name} is doing`,
		unopened: 'Unopened: 0'
	}
} as const;

const at = (lang: Lang, path: string) => (lang === 'en' ? `/en${path}` : path);

/** A repairing partner invites, a hurt partner accepts: two signed-in pages in their own contexts. */
const couple = (browser: Browser, lang: Lang, names = { a: 'Ada', b: 'Bo' }) => formCouple(browser, 'pace', { lang, names });

async function setStatus(page: Page, lang: Lang, status: RegExp) {
	const w = words[lang];
	await page.goto(at(lang, '/together/letterbox'));
	await page.getByRole('radio', { name: status }).check();
	// The partner's page is read next, in another browser: wait until the status is stored.
	const saved = page.waitForResponse((res) => res.url().includes('?/status') && res.request().method() === 'POST');
	await page.getByRole('button', { name: w.save, exact: true }).click();
	expect((await saved).status()).toBe(200);
}

async function sendLetter(page: Page, lang: Lang, body: string) {
	const w = words[lang];
	await page.goto(at(lang, '/together/letters'));
	await page.getByLabel(w.letter).fill(body);
	// The partner's letterbox is read next, in another browser: wait until the letter is stored.
	const sent = page.waitForResponse((res) => res.url().includes('?/send') && res.request().method() === 'POST');
	await page.getByRole('button', { name: w.send }).click();
	expect((await sent).status()).toBeLessThan(400);
}

for (const lang of ['nl', 'en'] as const) {
	test(`space: letters written meanwhile wait, and arrive when the hurt partner changes status or asks (${lang})`, async ({ browser }) => {
		test.setTimeout(180_000);
		const w = words[lang];
		const { a, b } = await couple(browser, lang);

		await setStatus(b, lang, w.space);
		// The writer is told, before sending, that the letter will wait.
		await a.goto(at(lang, '/together/letters'));
		await expect(a.getByText(w.spaceNotice)).toBeVisible();
		await expectAccessible(a);
		await sendLetter(a, lang, 'WAITING-ONE: ik schrijf je toch.');
		await expect(a.getByText(w.sentWaiting)).toBeVisible();
		await expect(a.getByText(w.stateWaiting, { exact: true })).toBeVisible();

		// Nothing lands in the letterbox; nothing nags elsewhere; the letterbox offers the choice.
		await b.goto(at(lang, '/together'));
		await expect(b.getByText(w.unopened)).toBeVisible();
		await b.goto(at(lang, '/together/letterbox'));
		await expect(b.getByRole('button', { name: w.open, exact: true })).toHaveCount(0);
		await expect(b.getByText(w.waiting)).toBeVisible();
		await expectAccessible(b);
		await b.getByRole('button', { name: w.release }).click();
		await expect(b.getByRole('button', { name: w.open, exact: true })).toHaveCount(1);
		await expect(b.getByText(w.waiting)).toHaveCount(0);
		await b.getByRole('button', { name: w.open, exact: true }).click();
		await expect(b.getByText('WAITING-ONE')).toBeVisible();

		// Still "space": the next letter waits again, until the status changes.
		await sendLetter(a, lang, 'WAITING-TWO');
		await expect(a.getByText(w.sentWaiting)).toBeVisible();
		await b.goto(at(lang, '/together/letterbox'));
		await expect(b.getByText(w.waiting)).toBeVisible();
		await setStatus(b, lang, w.ready);
		await expect(b.getByText(w.waiting)).toHaveCount(0);
		await expect(b.getByRole('button', { name: w.open, exact: true })).toHaveCount(1);

		// Point 9: the one who set a status can clear it; the partner then sees none.
		await a.goto(at(lang, '/dashboard'));
		await expect(a.getByRole('region', { name: w.partnerRegion('Bo') })).toBeVisible();
		await setStatus(b, lang, w.none);
		await expect(b.getByText(w.cleared)).toBeVisible();
		await reopen(b);
		await expect(b.getByRole('radio', { name: w.none })).toBeChecked();
		await reopen(a);
		await expect(a.getByRole('region', { name: w.partnerRegion('Bo') })).toHaveCount(0);
	});
}

test('an apology version written during space waits, and a sent version is shown as sent (nl)', async ({ browser }) => {
	test.setTimeout(180_000);
	const { a, b } = await couple(browser, 'nl');
	await setStatus(b, 'nl', /Ik heb ruimte nodig/);
	await a.goto('/coach');
	await a.getByLabel('Je excuses').fill('Het spijt me dat ik je heb bedrogen. Ik heb je gekwetst. Ik zal al je vragen eerlijk beantwoorden.');
	await a.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(a.getByText('Versie 1 is opgeslagen.')).toBeVisible();
	await expect(a.getByText('Je partner heeft om ruimte gevraagd. Je mag gewoon schrijven')).toBeVisible();
	await a.getByRole('button', { name: 'Versie 1 versturen' }).click();
	await expect(a.getByText('Versie 1 is verstuurd en wacht tot je partner er klaar voor is.')).toBeVisible();
	await reopen(a);
	await expect(a.getByText('Versie 1 is al verstuurd.')).toBeVisible();
	await expect(a.getByRole('button', { name: 'Versie 1 versturen' })).toHaveCount(0);
	await b.goto('/together/letterbox');
	await expect(b.getByRole('button', { name: 'Openen', exact: true })).toHaveCount(0);
	await setStatus(b, 'nl', /Ik ben klaar om te lezen/);
	await expect(b.getByRole('button', { name: 'Openen', exact: true })).toHaveCount(1);
});

/** Posts a form action the way a browser without JavaScript would (same origin, urlencoded). */
async function post(page: Page, path: string, form: Record<string, string>) {
	const origin = new URL(page.url()).origin;
	return page.request.post(path, { form, headers: { origin }, maxRedirects: 0 });
}

test('double deliveries: a double click or a replayed post delivers one letter, one version, one reflection (nl)', async ({ browser }) => {
	test.setTimeout(180_000);
	const { a, b } = await couple(browser, 'nl');

	// A double click on "Brief versturen" sends one letter: the page posts plainly (decision 021),
	// so the browser sends the form twice, and its one-time key makes the second count as the first.
	await a.goto('/together/letters', { waitUntil: 'networkidle' });
	await a.getByLabel('Je brief').fill('DOUBLE-CLICK letter');
	await a.getByRole('button', { name: 'Brief versturen' }).dblclick();
	await expect(a.getByText('Je brief ligt in de brievenbus van je partner.')).toBeVisible();
	await reopen(a);
	await expect(a.getByText('DOUBLE-CLICK letter')).toHaveCount(1);

	// The same form posted twice (no JavaScript, or a replay) is still one letter.
	const key = await a.locator('input[name="formKey"]').inputValue();
	for (let i = 0; i < 2; i++) expect((await post(a, '/together/letters?/send', { body: 'REPLAYED letter', formKey: key })).status()).toBe(200);
	await reopen(a);
	await expect(a.getByText('REPLAYED letter')).toHaveCount(1);

	// A version is sent once: the button goes, and a second post delivers nothing new.
	await a.goto('/coach');
	await a.getByLabel('Je excuses').fill('Het spijt me dat ik je heb bedrogen. Ik heb je gekwetst.');
	await a.getByRole('button', { name: 'Opslaan als ontwerp' }).dblclick();
	await expect(a.getByText('Versie 1 is opgeslagen.')).toBeVisible();
	const draftPath = new URL(a.url()).pathname;
	await a.getByRole('button', { name: 'Versie 1 versturen' }).dblclick();
	await expect(a.getByText('Versie 1 ligt in de brievenbus van je partner.')).toBeVisible();
	await expect(a.getByRole('button', { name: 'Versie 1 versturen' })).toHaveCount(0);
	expect((await post(a, `${draftPath}?/send`, { version: '1' })).status()).toBe(200);
	await a.goto('/coach');
	await expect(a.getByText('versies: 1', { exact: false })).toHaveCount(1);
	await b.goto('/together/letterbox');
	await expect(b.getByRole('button', { name: 'Openen', exact: true })).toHaveCount(3);

	// A reflection posted twice with one form key is one reflection.
	await a.goto('/reflections/new?prompt=my-part');
	const reflectionKey = await a.locator('input[name="formKey"]').inputValue();
	const first = await post(a, '/reflections/new?/create&prompt=my-part', { prompt: 'my-part', body: 'ONCE-reflection', formKey: reflectionKey });
	const second = await post(a, '/reflections/new?/create&prompt=my-part', { prompt: 'my-part', body: 'ONCE-reflection', formKey: reflectionKey });
	expect(second.headers()['location']).toBe(first.headers()['location']);
	await a.goto('/reflections');
	await expect(a.getByText('ONCE-reflection')).toHaveCount(1);
	await expectAccessible(a);
});

test('the export says whether a letter was opened, not when; empty sections say nothing is written yet (nl)', async ({ browser }) => {
	test.setTimeout(180_000);
	const { a, b } = await couple(browser, 'nl');
	await sendLetter(a, 'nl', 'EXPORT letter');
	await b.goto('/together/letterbox');
	await b.getByRole('button', { name: 'Openen', exact: true }).click();
	await expect(b.getByText('EXPORT letter')).toBeVisible();

	await a.goto('/settings');
	const [json] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: 'Downloaden als JSON' }).click()]);
	const data = JSON.parse(readFileSync((await json.path())!, 'utf8'));
	expect(data.lettersSent).toEqual([{ kind: 'letter', text: 'EXPORT letter', sentAt: expect.any(String), state: 'opened' }]);
	expect(JSON.stringify(data)).not.toContain('openedAt');
	const [html] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: 'Downloaden als leesbaar HTML' }).click()]);
	const page = readFileSync((await html.path())!, 'utf8');
	expect(page).toContain('Nog niets geschreven.');
	expect(page).not.toContain('Niets.');
});

test('the partner who stays is told once, kindly, that the other left (nl) or deleted the account (en)', async ({ browser }) => {
	test.setTimeout(180_000);
	const nl = await couple(browser, 'nl');
	await nl.b.goto('/together');
	await nl.b.getByText('Uit het koppel stappen').first().click();
	await nl.b.getByLabel('Ik begrijp het en wil uit het koppel stappen.').check();
	await nl.b.getByRole('button', { name: 'Uit het koppel stappen' }).click();
	await expect(nl.b.getByText('Jullie zijn niet langer verbonden.', { exact: false })).toBeVisible();
	await expect(nl.b.getByText('Je partner is uit jullie koppel gestapt.', { exact: false })).toHaveCount(0);

	await nl.a.goto('/dashboard');
	await expect(nl.a.getByText('Je partner is uit jullie koppel gestapt.', { exact: false })).toBeVisible();
	await expectAccessible(nl.a);
	await nl.a.goto('/together');
	await expect(nl.a.getByText('Je partner is uit jullie koppel gestapt.', { exact: false })).toBeVisible();
	await nl.a.getByRole('button', { name: 'Begrepen' }).click();
	await expect(nl.a.getByText('Je partner is uit jullie koppel gestapt.', { exact: false })).toHaveCount(0);
	await nl.a.goto('/dashboard');
	await expect(nl.a.getByText('Je partner is uit jullie koppel gestapt.', { exact: false })).toHaveCount(0);

	const en = await couple(browser, 'en', { a: 'Sam', b: 'Kim' });
	await en.a.goto('/en/settings');
	await en.a.getByLabel('Confirm with your password').fill(PASSWORD);
	await en.a.getByRole('button', { name: 'Delete everything for good' }).click();
	await expect(en.a.getByText('Your account and all your data have been deleted.')).toBeVisible();
	await en.b.goto('/en/dashboard');
	const told = en.b.getByText('Your partner no longer uses Herstelpad and has deleted their account.', { exact: false });
	await expect(told).toBeVisible();
	await en.b.getByRole('button', { name: 'Got it' }).click();
	await expect(told).toHaveCount(0);
	await en.b.goto('/en/together');
	await expect(told).toHaveCount(0);
});
