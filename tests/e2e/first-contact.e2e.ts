import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, screenshot, signUpInto, signIn, signOut, submitSignUpForm, uniqueEmail, PASSWORD, mailDir } from './fixtures';

/** Keys this app keeps unsaved text under in session storage. */
const draftKeys = (page: Page) => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('herstelpad-draft:')));

/** 'same', or where the texts part: a failure then names a length, not 300,000 characters. */
const sameText = (actual: string, expected: string) => (actual === expected ? 'same' : `${actual.length} characters, expected ${expected.length}`);

const pageIsNoWiderThanScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('a letter-length text over the limit is refused in the browser, kept through a reload, saved when shorter, and forgotten at sign-out', async ({ page }) => {
	test.setTimeout(120_000);
	const email = uniqueEmail('over-limit');
	await signUpInto(page, { name: 'Lang', email, role: 'repairing' });
	await page.goto('/reflections/new?prompt=my-part');
	const field = page.getByLabel('Je antwoord');
	await expect(page.getByText('Hoogstens 20.000 tekens.')).toBeVisible();

	// 300,000 characters: more than the server's body limit, so it must never be sent.
	let posted = false;
	page.on('request', (r) => {
		if (r.method() === 'POST') posted = true;
	});
	const huge = 'Ik neem verantwoordelijkheid. '.repeat(10_000);
	await field.fill(huge);
	await expect(page.getByText('Tekens te veel: 280.000 (hoogstens 20.000)', { exact: false }).first()).toBeVisible();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('alert')).toContainText('Niet verstuurd: een tekst is langer dan hier past. Je tekst staat er nog');
	expect(posted).toBe(false);
	expect((await field.inputValue()).length).toBe(huge.length);
	await expectAccessible(page);
	await screenshot(page, `long-text-refused-${test.info().project.name}`);

	// A reload (or a crash of the tab's page) does not lose it.
	await page.reload();
	await expect(page.getByText('We hebben je tekst bewaard die nog niet was opgeslagen.')).toBeVisible();
	await expect.poll(async () => sameText(await page.getByLabel('Je antwoord').inputValue(), huge)).toBe('same');
	await expectAccessible(page);

	// Shortened to fit, it saves, and the kept copy is gone.
	await page.getByLabel('Je antwoord').fill('Mijn aandeel, in een paar woorden.');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(/\/reflections\/[0-9a-f-]+\?saved=1$/);
	await expect.poll(() => draftKeys(page)).toEqual([]);
	await page.goto('/reflections/new?prompt=my-part');
	await expect(page.getByLabel('Je antwoord')).toHaveValue('');
	await expect(page.getByText('We hebben je tekst bewaard')).toHaveCount(0);

	// Unsaved text is forgotten at sign-out, so the next person on this device cannot find it.
	await page.getByLabel('Je antwoord').fill('Iets wat niemand anders mag lezen.');
	await expect.poll(() => draftKeys(page)).toHaveLength(1);
	await signOut(page);
	expect(await draftKeys(page)).toEqual([]);
	await signIn(page, email, PASSWORD);
	await expect(page).toHaveURL(/\/dashboard$/);
	await page.goto('/reflections/new?prompt=my-part');
	await expect(page.getByLabel('Je antwoord')).toHaveValue('');
});

test('unsaved text is forgotten when the account is deleted, as at sign-out', async ({ page }) => {
	await signUpInto(page, { name: 'Weg', email: uniqueEmail('leaving'), role: 'hurt' });
	await page.goto('/reflections/new?prompt=what-we-learnt');
	// Typed again until the page's script has taken it: a fill before hydration fires no input the script sees.
	await expect
		.poll(async () => {
			await page.getByLabel('Je antwoord').fill('Iets wat niemand anders mag lezen.');
			return draftKeys(page);
		})
		.toHaveLength(1);
	await page.goto('/settings');
	await page.getByLabel('Bevestig met je wachtwoord').fill(PASSWORD);
	await page.getByRole('button', { name: /Alles definitief verwijderen/ }).click();
	await expect(page).toHaveURL(/\/\?deleted=1$/);
	expect(await draftKeys(page)).toEqual([]);
});

test('the counter appears near the limit and speaks only when a stage is crossed (English)', async ({ page }) => {
	await signUpInto(page, { name: 'Count', email: uniqueEmail('counter'), role: 'hurt', lang: 'en' });
	await page.goto('/en/together/needs');
	const field = page.getByLabel('Add something');
	await expect(page.getByText('Up to 500 characters.')).toBeVisible();
	await field.fill('a'.repeat(420));
	await expect(page.getByText('420 of 500 characters')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Characters left: 80.' })).toBeAttached();
	await field.pressSequentially('bbb');
	// Still the same stage: the spoken text has not changed with the keystrokes.
	await expect(page.getByText('423 of 500 characters')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Characters left: 80.' })).toBeAttached();
	await field.fill('a'.repeat(501));
	await expect(page.getByText('Characters over the limit: 1 (up to 500)', { exact: false }).first()).toBeVisible();
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Not sent: a text is longer than fits here.');
	await expect(field).toHaveValue('a'.repeat(501));
	await expectAccessible(page);
});

test('the coach takes a 50,000-character paste without errors, says why it cannot check it, and keeps it', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signUpInto(page, { name: 'Coach', email: uniqueEmail('coach-paste'), role: 'repairing' });
	await page.goto('/coach');
	const text = 'Het spijt me dat ik je pijn heb gedaan. '.repeat(1250);
	expect(text.length).toBe(50_000);
	await page.getByLabel('Je excuses').fill(text);
	// The live coach reads the first 20,000 characters and says so; saving waits for a shorter text.
	await expect(page.getByText('De coach kijkt alleen de eerste 20.000 tekens na', { exact: false })).toBeVisible();
	await expect(page.getByText('Tekens te veel: 30.000', { exact: false }).first()).toBeVisible();
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(page.getByRole('alert')).toContainText('Niet verstuurd');
	await expect(page.getByLabel('Je excuses')).toHaveValue(text);
	await page.reload();
	await expect(page.getByLabel('Je excuses')).toHaveValue(text);
	await expect(page.getByText('We hebben je tekst bewaard die nog niet was opgeslagen.')).toBeVisible();
	expect(errors).toEqual([]);
	await expectAccessible(page);
});

test('without JavaScript the server refuses a too-long text and gives the whole text back', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signUpInto(page, { name: 'NoJS', email: uniqueEmail('nojs'), role: 'repairing' });
	await page.goto('/coach');
	const text = 'Ik heb je bedrogen en dat spijt me. '.repeat(1400);
	expect(text.length).toBeGreaterThan(25_000);
	await page.getByLabel('Je excuses').fill(text);
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(page.getByText('Je tekst is langer dan 20.000 tekens.', { exact: false }).first()).toBeVisible();
	await expect.poll(async () => sameText(await page.getByLabel('Je excuses').inputValue(), text)).toBe('same');

	await page.goto('/reflections/new?prompt=my-part');
	await page.getByLabel('Je antwoord').fill('x'.repeat(20_001));
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Deze tekst is te lang.')).toBeVisible();
	expect((await page.getByLabel('Je antwoord').inputValue()).length).toBe(20_001);
	await context.close();
});

test('without the app script: when the server refuses the size (413) or cannot be reached, the reason is given and the text waits', async ({ page }) => {
	// A plain post (decision 021): the answer is a page of its own, and the page script keeps the text in the tab.
	await signUpInto(page, { name: 'Net', email: uniqueEmail('net-plain'), role: 'hurt' });
	await page.goto('/reflections/new?prompt=what-we-learnt');
	const field = page.getByLabel('Je antwoord');
	const restored = page.getByText('We hebben je tekst bewaard die nog niet was opgeslagen.');

	// The server's own body limit: the browser check is taken away to let the post through.
	const huge = 'Wat we geleerd hebben. '.repeat(30_000);
	await field.fill(huge);
	await field.evaluate((el) => el.removeAttribute('data-max-chars'));
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Dit is te veel in één keer, dus er is niets veranderd.')).toBeVisible();
	await page.getByRole('link', { name: 'Terug naar de pagina' }).click();
	await expect(page).toHaveURL(/\/reflections\/new\?prompt=what-we-learnt$/);
	await expect(restored).toBeVisible();
	await expect.poll(async () => sameText(await field.inputValue(), huge)).toBe('same');
	await field.fill('Wat we geleerd hebben, in mijn woorden.');

	// A proxy in front of the app may refuse with its own page; the connection may drop. Back, the text is there.
	await page.route(/\/reflections\/new\?\/create/, (route) => route.fulfill({ status: 413, contentType: 'text/html', body: '<h1>413 Request Entity Too Large</h1>' }));
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('heading', { name: '413 Request Entity Too Large' })).toBeVisible();
	await page.goBack();
	await expect(field).toHaveValue('Wat we geleerd hebben, in mijn woorden.');

	await page.unroute(/\/reflections\/new\?\/create/);
	await page.route(/\/reflections\/new\?\/create/, (route) => route.abort('internetdisconnected'));
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(/^chrome-error:/);
	await page.goto('/reflections/new?prompt=what-we-learnt');
	await expect(field).toHaveValue('Wat we geleerd hebben, in mijn woorden.');
	await expect(restored).toBeVisible();
	await expectAccessible(page);

	await page.unroute(/\/reflections\/new\?\/create/);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(/\/reflections\/[0-9a-f-]+\?saved=1$/);
	// The saved page's script forgets the kept copy; the address changes before that script has run.
	await expect.poll(() => draftKeys(page)).toEqual([]);
	await page.goto('/reflections/new?prompt=what-we-learnt');
	await expect(field).toHaveValue('');
});

test.describe('on a 320 px phone', () => {
	test.use({ viewport: { width: 320, height: 700 } });

	test('one unbroken 500-character word in a need does not widen any page, in both languages', async ({ page }) => {
		test.setTimeout(120_000);
		const word = 'x'.repeat(500);
		await signUpInto(page, { name: 'W'.repeat(60), email: uniqueEmail('wide-word'), role: 'hurt' });
		await page.goto('/together/needs');
		await page.getByLabel('Iets toevoegen').fill(word);
		await page.getByRole('button', { name: 'Toevoegen' }).click();
		await expect(page.getByText(word, { exact: true }).first()).toBeVisible();
		await page.goto('/together/letterbox');
		await page.getByRole('radio', { name: /Ik heb ruimte nodig/ }).check();
		await page.getByLabel('Een korte toelichting').fill(word);
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect(page.getByText('Opgeslagen. Je partner ziet het nu.')).toBeVisible();
		await page.goto('/reflections/new?prompt=what-we-learnt');
		await page.getByLabel('Je antwoord').fill(word);
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page).toHaveURL(/saved=1/);
		const reflection = new URL(page.url()).pathname;

		for (const prefix of ['', '/en']) {
			for (const path of ['/', '/dashboard', '/program', '/program/first-shock', '/together', '/together/needs', '/together/letterbox', '/reflections', reflection, '/settings', '/help', '/privacy', '/coach/rules/blame-shift']) {
				await page.goto(`${prefix}${path}`);
				expect(await pageIsNoWiderThanScreen(page), `${prefix}${path}`).toBe(true);
			}
		}
		await page.goto('/together/needs');
		await expectAccessible(page);
		await screenshot(page, 'needs-long-word-320');
	});
});

test('help lines are tel: links and 113.nl a link; English lists lines for five more countries', async ({ page }) => {
	await page.goto('/help');
	await expect(page.getByRole('link', { name: '0800-2000' })).toHaveAttribute('href', 'tel:08002000');
	await expect(page.getByRole('link', { name: '1813' })).toHaveAttribute('href', 'tel:1813');
	await expect(page.getByRole('link', { name: '113.nl' })).toHaveAttribute('href', 'https://www.113.nl');
	await expectAccessible(page);

	await page.goto('/en/help');
	await expect(page.getByRole('link', { name: '0800-2000' })).toHaveAttribute('href', 'tel:08002000');
	for (const country of ['The United Kingdom', 'Ireland', 'The United States', 'Canada', 'Australia']) {
		await expect(page.getByRole('heading', { name: country })).toBeVisible();
	}
	await expect(page.getByRole('link', { name: '116 123' }).first()).toHaveAttribute('href', 'tel:116123');
	await expect(page.getByRole('link', { name: '1-800-799-7233' })).toHaveAttribute('href', 'tel:+18007997233');
	await expect(page.getByRole('link', { name: '13 11 14' })).toHaveAttribute('href', 'tel:131114');
	await expectAccessible(page);
	await screenshot(page, `help-en-${test.info().project.name}`);
});

test('the guide is readable without an account, in both languages; progress needs one', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gids' }).click();
	await expect(page).toHaveURL(/\/guide$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gids');
	await expect(page.getByRole('heading', { name: 'Voor de herstellende partner' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Voor de gekwetste partner' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('list', { name: 'Voor de herstellende partner' }).getByRole('link').first().click();
	await expect(page).toHaveURL(/\/program\/confess$/);
	await expect(page.locator('article.prose h2').first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Markeer als afgerond' })).toHaveCount(0);
	await expect(page.getByText('Wil je bijhouden welke stappen je hebt afgerond?')).toBeVisible();
	await expectAccessible(page);

	await page.goto('/en/program/first-shock');
	await expect(page.locator('article.prose h2').first()).toBeVisible();
	await expect(page.getByText('Would you like to keep track of the steps you have finished?')).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Guide' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/en/program');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('The steps');
});

test('words: Inloggen, Account aanmaken, gids; English keeps Sign in and Create account', async ({ page }) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
	await expect(nav.getByRole('link', { name: 'Inloggen' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Account aanmaken' })).toBeVisible();
	await page.goto('/signin');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
	await page.goto('/signup');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een account aanmaken');
	await page.getByLabel('Naam', { exact: false }).first().fill('Geen');
	await page.getByLabel('E-mailadres').fill(uniqueEmail('words'));
	await page.getByLabel('Wachtwoord', { exact: false }).first().fill(PASSWORD);
	await page.getByLabel('Ik ben 18 jaar of ouder.').check();
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByText('De gids kun je wel zonder account lezen.', { exact: false })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/en');
	const enNav = page.getByRole('navigation', { name: 'Main menu' });
	await expect(enNav.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await expect(enNav.getByRole('link', { name: 'Create account' })).toBeVisible();
});

test('a pitfall page names its pitfall in the breadcrumb, not its rule id', async ({ page }) => {
	await page.goto('/coach/rules/blame-shift');
	const crumbs = page.getByRole('navigation', { name: 'Kruimelpad' });
	await expect(crumbs).toContainText('De schuld verschuiven');
	await expect(crumbs).not.toContainText('blame-shift');
	await expectAccessible(page);
	await page.goto('/en/coach/rules/blame-shift');
	await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Shifting the blame');
});

/** The raw message for `to`, as it arrived over SMTP. */
function rawMailTo(to: string) {
	const dir = mailDir();
	const file = readdirSync(dir).find((f) => readFileSync(join(dir, f), 'utf8').includes(`To: ${to}`));
	return file ? readFileSync(join(dir, file), 'utf8') : null;
}

test('couple: a neutral invitation e-mail, lower-case role names mid-sentence, and a space before the dash', async ({ browser }) => {
	test.setTimeout(150_000);
	const a = await (await browser.newContext()).newPage();
	const b = await (await browser.newContext()).newPage();
	const bEmail = uniqueEmail('dash-b');
	await signUpInto(a, { name: 'Ada', email: uniqueEmail('dash-a'), role: 'repairing' });
	await a.goto('/together');
	await a.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
	await a.getByLabel('Of mail hem één keer naar').fill(bEmail);
	await a.getByRole('button', { name: 'Uitnodiging mailen' }).click();
	await expect(a.getByText('De uitnodiging is verstuurd.', { exact: false })).toBeVisible();

	await expect.poll(() => rawMailTo(bEmail) !== null).toBe(true);
	const raw = rawMailTo(bEmail)!;
	const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
	expect(subject).not.toMatch(/herstelpad|ontrouw|vertrouwen/i);
	const link = /(http:\/\/[^\s"<]+\/invite\/[\w-]+)/.exec(raw.replace(/=\r?\n/g, ''))![1];

	await b.goto(link);
	await expect(b.getByText(/De herstellende partner nodigt je uit\. Jouw pad is dan meestal dat van de gekwetste partner;/)).toBeVisible();
	await b.getByRole('link', { name: 'Account aanmaken' }).last().click();
	await submitSignUpForm(b, { name: 'Bo', email: bEmail });
	await b.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
	await b.getByRole('radio', { name: /Gekwetste partner/ }).check();
	await b.getByRole('button', { name: 'Verder' }).click();
	await b.goto('/together/letterbox');
	await b.getByRole('radio', { name: /Ik heb ruimte nodig/ }).check();
	await b.getByLabel('Een korte toelichting').fill('Ik wil even niets lezen.');
	await b.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await expect(b.getByText('Opgeslagen. Je partner ziet het nu.')).toBeVisible();

	await a.goto('/dashboard');
	await expect(a.getByRole('region', { name: 'Hoe het met Bo is' })).toContainText('Ik heb ruimte nodig — Ik wil even niets lezen.');
	await a.goto('/together');
	await expect(a.getByRole('region', { name: 'Je bent verbonden met Bo' })).toContainText('Ik heb ruimte nodig — Ik wil even niets lezen.');
	await expectAccessible(a);
});
