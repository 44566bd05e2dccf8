import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, signIn, signOut, signUp, uniqueEmail, PASSWORD, isPageScript } from './fixtures';

/**
 * Pages without SvelteKit's client (`csr = false`, every page since decision 024) and their page
 * script (decision 021): the promises the app's components made when they ran in the browser hold
 * with the page script, in a real browser.
 */

/** Every script a page fetches, by path. */
function scriptsOf(page: Page) {
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
	});
	return scripts;
}

const draftKeys = (page: Page) => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('herstelpad-draft:')));

test('a page without the app script loads only the page script; the quick exit replaces the page, by link and by three Escapes', async ({ page, context }) => {
	// The neutral site is elsewhere on the web, which this machine cannot reach: answer it locally.
	await context.route(/knmi\.nl|bbc\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }));
	const scripts = scriptsOf(page);
	await page.goto('/');
	await page.goto('/privacy');
	expect(scripts.length).toBeGreaterThan(0);
	expect(scripts.filter((path) => !isPageScript(path))).toEqual([]);
	// Hashed and immutable: a new build is a new address, never a stale copy.
	const script = await page.request.get(scripts[0]);
	expect(script.status()).toBe(200);
	expect(script.headers()['cache-control']).toContain('immutable');
	expect(script.headers()['content-type']).toContain('javascript');

	await page.getByRole('link', { name: /Snel weg/ }).click();
	await expect(page).toHaveURL(/knmi\.nl/);
	// Replaced, not added: back leads to the page before, not to the one that was left.
	await page.goBack();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Vertrouwen herstellen');

	await page.goto('/en/help');
	await page.locator('body').press('Escape');
	await page.locator('body').press('Escape');
	await expect(page).toHaveURL(/\/en\/help$/);
	await page.locator('body').press('Escape');
	await expect(page).toHaveURL(/bbc\.com/);
	await page.goBack();
	await expect(page).toHaveURL(/\/$/);
});

test('unsaved text on a page without the app script: kept per user, restored, kept through an ended session, forgotten once saved and at sign-out', async ({ page, context }) => {
	test.setTimeout(120_000);
	const email = uniqueEmail('page-script-drafts');
	await signUp(page, { name: 'Lio', email, role: 'repairing' });
	const scripts = scriptsOf(page);
	await page.goto('/reflections/new?prompt=my-part');
	expect(scripts.filter((path) => !isPageScript(path))).toEqual([]);
	expect(scripts.some(isPageScript)).toBe(true);

	const text = 'Wat ik nog niet heb opgeslagen, en niet kwijt wil.';
	await page.getByLabel('Je antwoord').fill(text);
	// One key per user and form: herstelpad-draft:<user>:<form>.
	const [key] = await draftKeys(page);
	expect(key).toMatch(/^herstelpad-draft:[0-9a-f-]{36}:reflection-new-my-part$/);
	expect(await page.evaluate((k) => sessionStorage.getItem(k), key)).toBe(text);

	// A reload: the text is back, and the field says so.
	await page.reload();
	const field = page.getByLabel('Je antwoord');
	await expect(field).toHaveValue(text);
	const note = page.getByText('We hebben je tekst bewaard die nog niet was opgeslagen.');
	await expect(note).toBeVisible();
	await expect(field).toHaveAttribute('aria-describedby', /reflection-body-draft/);
	await expectAccessible(page);

	// The session ends before the text is sent: the post leads to the sign-in page, nothing is saved, the text waits.
	await context.clearCookies();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(/\/signin/);
	expect(await draftKeys(page)).toEqual([key]);
	await signIn(page, email, PASSWORD);
	await expect(page).toHaveURL(/\/dashboard$/);
	// Back to the form: the same draft, under the same key.
	await page.goto('/reflections/new?prompt=my-part');
	await expect(page.getByLabel('Je antwoord')).toHaveValue(text);
	await expect(note).toBeVisible();

	// Saved: the kept copy is gone, and the next empty form stays empty.
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(/\/reflections\/[0-9a-f-]+\?saved=1$/);
	// The address changes before the saved page's script has run and forgotten the kept copy.
	await expect.poll(() => draftKeys(page)).toEqual([]);
	await page.goto('/reflections/new?prompt=my-part');
	await expect(page.getByLabel('Je antwoord')).toHaveValue('');
	await expect(note).toHaveCount(0);

	// Sign-out forgets what was not saved, so the next person on this device cannot find it.
	await page.getByLabel('Je antwoord').fill('Iets wat niemand anders mag lezen.');
	await expect.poll(() => draftKeys(page)).toHaveLength(1);
	await signOut(page);
	expect(await draftKeys(page)).toEqual([]);
});

test('the copy button of a page without the app script copies the link and says so', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await signUp(page, { name: 'Kim', email: uniqueEmail('page-script-copy'), role: 'repairing' });
	await page.goto('/together');
	await page.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
	const link = await page.getByLabel('Je uitnodigingslink (alleen nu zichtbaar)').inputValue();
	await page.getByRole('button', { name: 'Link kopiëren' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Gekopieerd' })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test('the intimate-detail hint beside the honest account, without the app script: shown while a detail is written, gone once it is not, in Dutch and English', async ({ page }) => {
	await signUp(page, { name: 'Ruben', email: uniqueEmail('page-script-hint'), role: 'repairing' });
	const scripts = scriptsOf(page);
	const hintScript = (lang: string) => (path: string) => new RegExp(`^/_app/immutable/assets/intimate-hint-${lang}\\.[\\w-]+\\.js$`).test(path);
	for (const { path, lang, label, detail, plain, hint } of [
		{ path: '/talk/account', lang: 'nl', label: 'Wat er gebeurde', detail: 'Ik heb toen haar lichaam beschreven.', plain: 'We hebben elkaar die zomer vaak gezien.', hint: 'De coach ziet hier misschien een intiem detail' },
		{ path: '/en/talk/account', lang: 'en', label: 'What happened', detail: 'I described her body to you.', plain: 'We met often that summer.', hint: 'The coach may see an intimate detail' }
	]) {
		scripts.length = 0;
		await page.goto(path);
		// The page script, and the hint's check in this language only: no app script, no coach.
		expect(scripts.filter((p) => !isPageScript(p) && !hintScript(lang)(p))).toEqual([]);
		await expect.poll(() => scripts.some(hintScript(lang))).toBe(true);
		const notice = page.getByText(hint, { exact: false });
		await expect(notice).toBeHidden();
		const field = page.getByLabel(label);
		await field.fill(detail);
		await expect(notice).toBeVisible();
		await expectAccessible(page);
		await field.fill(plain);
		await expect(notice).toBeHidden();
		// A gentle word, never a block: with the detail in it, the entry saves.
		await field.fill(detail);
		await expect(notice).toBeVisible();
		await page.locator('#entry-from').fill('2025-03-01');
		await page.getByRole('button', { name: lang === 'nl' ? 'Toevoegen' : 'Add', exact: true }).click();
		await expect(page.getByRole('listitem').filter({ hasText: detail })).toBeVisible();
	}
});
