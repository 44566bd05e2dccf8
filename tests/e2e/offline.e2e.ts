import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, expectAccessible, signOut, signUp, signUpInto, uniqueEmail } from './fixtures';

// Every other journey blocks service workers (playwright.config.ts); these test ours.
test.use({ serviceWorkers: 'allow' });

const ARTICLE_NL = 'Waarom ontrouw gebeurt, en of herstel mogelijk is';
const ARTICLE_EN = 'Why infidelity happens, and whether repair is possible';

/**
 * Waits until our service worker is active (so its precache is done) and controls this page. A page
 * that was still loading while the worker took over is not claimed by it; loading it again is.
 */
async function controlled(page: Page) {
	await page.evaluate(async () => void (await navigator.serviceWorker.ready));
	if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload({ waitUntil: 'networkidle' });
	await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 10_000 });
}

interface Entry {
	cache: string;
	url: string;
	text: string;
}

/** Every entry in Cache Storage with its full body, read in the page. */
async function cacheStorage(page: Page): Promise<Entry[]> {
	return page.evaluate(async () => {
		const out: { cache: string; url: string; text: string }[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const response = await cache.match(request);
				out.push({ cache: name, url: request.url, text: response ? await response.text() : '' });
			}
		}
		return out;
	});
}

async function goOffline(context: BrowserContext, page: Page, offline: boolean) {
	await context.setOffline(offline);
	await page.waitForFunction((off) => navigator.onLine === !off, offline);
}

test('installable: the manifest is linked and complete, a service worker controls the page', async ({ page, context }) => {
	await page.goto('/', { waitUntil: 'networkidle' });
	const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(manifestHref).toBe('/manifest.webmanifest');
	await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', /^#[0-9a-f]{6}$/i);

	const response = await page.request.get(manifestHref!);
	expect(response.headers()['content-type']).toContain('application/manifest+json');
	const manifest = await response.json();
	expect(manifest.name).toBe('Herstelpad');
	expect(manifest.short_name).toBeTruthy();
	expect(manifest.start_url).toBe('/dashboard');
	expect(manifest.display).toBe('standalone');
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
	for (const size of ['192x192', '512x512']) {
		const icon = manifest.icons.find((i: { sizes: string; type: string }) => i.sizes === size && i.type === 'image/png');
		expect(icon, size).toBeTruthy();
		const png = await page.request.get(icon.src);
		expect(png.status(), icon.src).toBe(200);
		const bytes = await png.body();
		// The PNG header names the width and height; they must be what the manifest says.
		expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(size);
	}

	await controlled(page);
	const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
	expect(new URL(scope).pathname).toBe('/');

	// Chromium's own verdict on the install criteria (manifest, icons, service worker, secure origin).
	const cdp = await context.newCDPSession(page);
	const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
	// A Playwright context counts as incognito; that is the test's browser, not the app.
	expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});

test('the guide reads offline in both languages; any other page shows the offline page', async ({ page, context }) => {
	await page.goto('/', { waitUntil: 'networkidle' });
	await controlled(page);
	await goOffline(context, page, true);

	// A link inside the app, offline: a full page load the worker answers, not SvelteKit's error page.
	await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
	await expect(page).toHaveURL(/\/privacy$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();

	// Precached at install: never opened in this browser before.
	await page.goto('/guide/why-it-happens');
	await expect(page.getByRole('heading', { level: 1, name: ARTICLE_NL })).toBeVisible();
	await page.goto('/en/guide/why-it-happens');
	await expect(page.getByRole('heading', { level: 1, name: ARTICLE_EN })).toBeVisible();
	await page.goto('/en/guide');
	await expect(page.getByRole('link', { name: ARTICLE_EN })).toBeVisible();

	// A page that is never kept: the offline page, in the page's language, saying nothing of it.
	await page.goto('/dashboard');
	await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();
	await expect(page).toHaveURL(/\/dashboard$/);
	await page.goto('/en/settings');
	await expect(page.getByRole('heading', { level: 1, name: 'No connection' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('You are offline');
	await expectAccessible(page);
	// What the offline page offers really reads offline: the help lines and the guide.
	await page.getByRole('main').getByRole('link', { name: 'Help lines' }).click();
	await expect(page).toHaveURL(/\/en\/help$/);
	await expect(page.getByRole('heading', { level: 1, name: 'No connection' })).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goBack();
	await page.getByRole('main').getByRole('link', { name: 'The guide, for both partners' }).click();
	await expect(page).toHaveURL(/\/en\/guide$/);
	await expect(page.getByRole('link', { name: ARTICLE_EN })).toBeVisible();

	// Back online, the real page answers again.
	await goOffline(context, page, false);
	await page.goto('/en/settings');
	await expect(page).toHaveURL(/\/en\/signin/);
});

test('after using the app signed in, Cache Storage holds no personal text and no signed-in page', async ({ page }) => {
	test.setTimeout(120_000);
	const canary = `canary-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
	const email = uniqueEmail('offline-canary');
	const name = `Sam ${canary}`;
	await signUp(page, { name, email, role: 'repairing' });
	await controlled(page);

	// Personal text in several forms, saved.
	for (const prompt of ['my-part', 'what-i-change']) {
		await page.goto(`/reflections/new?prompt=${prompt}`, { waitUntil: 'networkidle' });
		await page.getByLabel('Je antwoord').fill(`Mijn eigen woorden ${canary} (${prompt}).`);
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page).toHaveURL(/\/reflections\/[\w-]+\?saved=1$/);
		await expect(page.getByText('Opgeslagen.', { exact: true })).toBeVisible();
	}
	await page.goto('/coach', { waitUntil: 'networkidle' });
	await page.getByLabel('Je excuses').fill(`Het spijt me dat ik je heb voorgelogen. ${canary}`);
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(page).toHaveURL(/\/coach\/drafts\/[\w-]+\?saved=1$/);
	const draftUrl = new URL(page.url()).pathname;

	// Browse signed-in pages, and public ones while signed in (their signed-in view shows the menu).
	const signedIn = ['/dashboard', '/reflections', '/coach', draftUrl, '/settings', '/deeds', '/trust', '/talk', '/talk/restitution', '/triggers', '/en/dashboard'];
	const publicWhileSignedIn = ['/guide', '/guide/why-it-happens', '/en/guide/forgiveness', '/program', '/help', '/'];
	for (const path of [...signedIn, ...publicWhileSignedIn]) await page.goto(path, { waitUntil: 'networkidle' });
	// A listed page not precached is kept after a visit (as the signed-out page); wait for that.
	await expect.poll(async () => (await cacheStorage(page)).some((e) => new URL(e.url).pathname === '/program'), { timeout: 15_000 }).toBe(true);

	// What a signed-in person gets may not be kept by anyone, a public page included.
	for (const path of ['/dashboard', '/guide', '/help']) {
		expect((await page.request.get(path)).headers()['cache-control'], path).toBe('no-store');
	}

	const entries = await cacheStorage(page);
	expect(entries.length).toBeGreaterThan(10);
	const leaks = entries.filter((e) => e.text.includes(canary) || e.text.includes(email) || e.text.includes(name)).map((e) => e.url);
	expect(leaks).toEqual([]);
	const paths = entries.map((e) => new URL(e.url).pathname);
	const personal = /^(\/en)?\/(dashboard|reflections|coach|settings|signup|signin|onboarding|signout)(\/|$)/;
	expect(paths.filter((p) => personal.test(p) || p.includes('__data.json'))).toEqual([]);
	// The page kept for /guide is the signed-out one: it offers signing in, it shows no menu of places.
	const guide = entries.find((e) => new URL(e.url).pathname === '/guide');
	expect(guide?.text).toBeTruthy();
	expect(guide!.text).not.toContain('Uitloggen');

	// Sign-out's Clear-Site-Data empties Cache Storage as well (public as it is). The signed-out
	// page after it starts a new worker, which keeps the public pages again, as for any visitor:
	// so a mark left in the old caches shows they were emptied.
	const mark = '/kept-before-sign-out';
	await page.evaluate(async (path) => {
		const pages = (await caches.keys()).find((key) => key.startsWith('pages-'));
		await (await caches.open(pages!)).put(path, new Response('before'));
	}, mark);
	expect((await cacheStorage(page)).some((e) => new URL(e.url).pathname === mark)).toBe(true);
	await signOut(page);
	await expect.poll(async () => (await cacheStorage(page)).some((e) => new URL(e.url).pathname === mark), { timeout: 15_000 }).toBe(false);
});

test('unsaved text survives going offline and coming back', async ({ page, context }) => {
	const canary = `Wat ik nog niet bewaard heb ${Date.now().toString(36)}.`;
	await signUpInto(page, { name: 'Jo', email: uniqueEmail('offline-draft'), role: 'repairing' });
	await page.goto('/reflections/new?prompt=my-part', { waitUntil: 'networkidle' });
	await controlled(page);
	const field = page.getByLabel('Je antwoord');
	await field.fill(canary);

	await goOffline(context, page, true);
	await expect(page.getByRole('status').filter({ hasText: 'Je bent offline' })).toBeVisible();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('alert')).toContainText('Je bent offline, dus er is niets verstuurd');
	await expect(field).toHaveValue(canary);
	await expectAccessible(page);

	// A reload offline ends on the offline page; the text waits in this tab, not in any cache.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();
	const kept = await page.evaluate(() => Object.values(sessionStorage).join('\n'));
	expect(kept).toContain(canary);

	await goOffline(context, page, false);
	await page.reload({ waitUntil: 'networkidle' });
	await expect(page.getByText('We hebben je tekst bewaard die nog niet was opgeslagen.')).toBeVisible();
	await expect(page.getByLabel('Je antwoord')).toHaveValue(canary);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	// ("opgeslagen." also ends the kept-text note, hence the exact match and the address.)
	await expect(page).toHaveURL(/\/reflections\/[\w-]+\?saved=1$/);
	await expect(page.getByText('Opgeslagen.', { exact: true })).toBeVisible();
	expect(await page.evaluate(() => Object.values(sessionStorage).join('\n'))).not.toContain(canary);
});
