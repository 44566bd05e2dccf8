import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, expectAccessible, signedInPage, uniqueEmail, PHOTOS } from './fixtures';

/**
 * The app shell at phone and desktop sizes: every main page, signed out and signed in (both
 * roles), light and dark, Dutch and English, photographed and checked for anything wider than
 * the screen. One browser context per size (and person) visits the pages in a loop and photographs
 * each in both schemes (test-results/screenshots/shell/<width>-<scheme>/, as JPEG in CSS pixels;
 * not in CI, where nobody looks at them: see PHOTOS in fixtures.ts).
 *
 * The public side's accessibility sweep is done here too, in the same visit: at 390 px every public
 * page, and the one-off public pages of PUBLIC_AXE_ONLY, are checked with axe in both languages
 * (a11y.e2e.ts sweeps the signed-in pages of a couple with something written).
 *
 * The signed-in pages come from the menu itself (src/lib/navigation.ts, as the layout renders
 * it), so a place another area adds to the menu is covered here without editing this file.
 */
const PUBLIC_PAGES = ['/', '/guide', '/guide/why-it-happens', '/self-test', '/booklet', '/program', '/program/confess', '/help', '/privacy', '/quick-exit', '/signin', '/signup', '/design', '/offline'];
/** Public pages outside the menus, checked with axe (and for width) at 390 px only. */
const PUBLIC_AXE_ONLY = ['/forgot-password', '/reset-password?token=not-a-valid-token-at-all', '/coach/rules', '/coach/rules/minimizing', '/nothing-here'];
const SIZES = [
	{ width: 320, height: 700 },
	{ width: 390, height: 844 },
	{ width: 1280, height: 900 }
] as const;
const SCHEMES = ['light', 'dark'] as const;
const LANGS = ['', '/en'] as const;

type Role = 'repairing' | 'hurt';
const sessions = new Map<Role, Awaited<ReturnType<BrowserContext['storageState']>>>();

/** One person of each role per worker, signed up over HTTP (the sign-up pages are swept as public pages here). */
async function signedInState(browser: Browser, role: Role) {
	if (!sessions.has(role)) {
		const page = await signedInPage(browser, { name: role === 'repairing' ? 'Robin' : 'Hanna', email: uniqueEmail(`shell-${role}`), role });
		sessions.set(role, await page.context().storageState());
		await page.context().close();
	}
	return sessions.get(role)!;
}

/** The menu's places as the layout renders them (bar, "More" sheet and side column alike). */
async function menuPaths(page: Page): Promise<string[]> {
	await page.goto('/dashboard');
	const hrefs = await page.locator('nav.places a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	return [...new Set(hrefs.filter((h) => h.startsWith('/') && !h.startsWith('/help')))];
}

/** Elements that reach past the left or right edge of the window (hidden, aria-hidden and visually hidden text excepted). */
async function overflowing(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const found: string[] = [];
		if (document.documentElement.scrollWidth > width) found.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
		for (const el of document.body.querySelectorAll('*')) {
			const rect = el.getBoundingClientRect();
			if (rect.width <= 1 || rect.height <= 1 || !el.checkVisibility({ visibilityProperty: true })) continue;
			// Placed off-screen on purpose and hidden from everyone (the comment form's honeypot).
			if (el.closest('[aria-hidden="true"]')) continue;
			if (rect.right > width + 1 || rect.left < -1) {
				const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
				found.push(`${name} ${Math.round(rect.left)}–${Math.round(rect.right)} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
			}
		}
		return found.slice(0, 10);
	});
}

/** Where the shell is checked with axe at each size: the home page and the signed-in overview, in either language. */
const SHELL_AXE_PAGES = /^(\/en)?(\/|\/dashboard)?$/;

// One test per size and person, so the two workers share the photographs evenly; the visitor's
// sweep with axe at 390 px is the longest, so it is one test per language.
for (const size of SIZES) {
	for (const who of ['visitor', 'repairing', 'hurt'] as const) {
		const langSets = who === 'visitor' && size.width === 390 ? LANGS.map((lang) => [lang]) : [LANGS];
		for (const langs of langSets) {
			const inLangs = langs.length > 1 ? 'both languages' : langs[0] ? 'English' : 'Dutch';
			test(`every main page fits ${size.width} px, light and dark, in ${inLangs} (${who})`, async ({ browser }) => {
				test.setTimeout(300_000);
				// The signed-in pages are swept with axe in a11y.e2e.ts; here axe checks the shell itself at
				// these sizes, on the home and overview pages (the shell is the same on every page): the dark
				// scheme on phones, the light one on the desktop. At 390 px a visitor's every page is swept in
				// the light scheme too.
				const axeScheme = size.width > 1000 ? 'light' : 'dark';
				const sweep = who === 'visitor' && size.width === 390;
				const visit = async (page: Page, path: string) => {
					const response = await page.goto(path);
					if (path.endsWith('/nothing-here')) expect(response?.status(), path).toBe(404);
					else expect(response?.status(), path).toBeLessThan(400);
					await expect(page.getByRole('link', { name: /Snel weg|Quick exit/ })).toBeInViewport();
					expect(await overflowing(page), `${who} ${path} at ${size.width} px`).toEqual([]);
					const name = `${who}${path.replace(/[/?=]+/g, '-') || '-home'}`.replace(/-+$/, '');
					// The colour scheme changes no sizes: one visit, a photo in each scheme (where photos are
					// taken), axe in the scheme it checks here.
					for (const scheme of SCHEMES) {
						const axe = (scheme === axeScheme && size.width !== 320 && SHELL_AXE_PAGES.test(path)) || (sweep && scheme === 'light');
						if (!axe && !PHOTOS) continue;
						await page.emulateMedia({ colorScheme: scheme });
						if (axe) await expectAccessible(page);
						// JPEG in CSS pixels (not the phone's 2.6 device pixels): a fraction of the time of a PNG
						// per photo, and these are for looking at, not comparing.
						if (PHOTOS) await page.screenshot({ path: `test-results/screenshots/shell/${size.width}-${scheme}/${name}.jpg`, type: 'jpeg', quality: 70, scale: 'css' });
					}
				};

				if (who === 'visitor') {
					const visitor = await browser.newContext({ viewport: size });
					const page = await visitor.newPage();
					const pages = sweep ? [...PUBLIC_PAGES, ...PUBLIC_AXE_ONLY] : PUBLIC_PAGES;
					for (const lang of langs) for (const path of pages) await visit(page, `${lang}${path}`);
					await visitor.close();
					return;
				}
				const context = await browser.newContext({ viewport: size, storageState: await signedInState(browser, who) });
				const signedIn = await context.newPage();
				const paths = await menuPaths(signedIn);
				expect(paths).toContain('/dashboard');
				for (const lang of langs) for (const path of paths) await visit(signedIn, `${lang}${path}`);
				await context.close();
			});
		}
	}
}

test('phone: four places in the bottom bar, the rest under "More", by keyboard and without JavaScript', async ({ browser }) => {
	const state = await signedInState(browser, 'repairing');
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: state });
	const page = await context.newPage();
	await page.goto('/dashboard', { waitUntil: 'networkidle' });
	const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
	for (const name of ['Overzicht', 'Programma', 'Excuses schrijven', 'Samen']) await expect(nav.getByRole('link', { name })).toBeInViewport();
	await expect(nav.getByRole('link', { name: 'Overzicht' })).toHaveAttribute('aria-current', 'page');
	await expect(nav.getByRole('link', { name: 'Instellingen' })).toBeHidden();

	// Keyboard: the "More" button opens the sheet, Escape closes it and gives the focus back.
	const more = nav.locator('summary', { hasText: 'Meer' });
	await more.focus();
	await page.keyboard.press('Enter');
	await expect(nav.getByRole('link', { name: 'Instellingen' })).toBeVisible();
	await expect(nav.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(nav.getByRole('link', { name: 'Instellingen' })).toBeHidden();
	await expect(more).toBeFocused();
	await more.click();
	await nav.getByRole('link', { name: 'Instellingen' }).click();
	await expect(page).toHaveURL(/\/settings$/);
	// After the choice the sheet is closed again.
	await expect(nav.getByRole('link', { name: 'Reflecties' })).toBeHidden();
	await expect(nav.getByRole('link', { name: 'Instellingen' })).toBeHidden();
	await context.close();

	const noScript = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: state, javaScriptEnabled: false });
	const plain = await noScript.newPage();
	await plain.goto('/en/dashboard');
	const enNav = plain.getByRole('navigation', { name: 'Main menu' });
	await enNav.locator('summary', { hasText: 'More' }).click();
	await enNav.getByRole('link', { name: 'Reflections' }).click();
	await expect(plain).toHaveURL(/\/en\/reflections$/);
	await noScript.close();
});

test('desktop: every place in one side column, no "More"; the coach keeps Save in reach beside its feedback', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: await signedInState(browser, 'repairing') });
	const page = await context.newPage();
	await page.goto('/en/coach', { waitUntil: 'networkidle' });
	const nav = page.getByRole('navigation', { name: 'Main menu' });
	for (const name of ['Overview', 'Programme', 'Write an apology', 'Reflections', 'Together', 'Settings']) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
	await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await expect(nav.locator('summary')).toBeHidden();

	// A text with many findings makes the feedback long; the text stays left, the feedback right.
	const text = Array.from({ length: 12 }, () => 'Sorry if you were hurt, but you also ignored me. Mistakes were made.').join('\n');
	await page.getByLabel('Your apology').fill(text);
	const feedback = page.getByRole('heading', { name: 'Feedback' });
	await expect(page.getByRole('status').filter({ hasText: /Points to look at/ })).toBeVisible();
	const textBox = (await page.getByLabel('Your apology').boundingBox())!;
	const feedbackBox = (await feedback.boundingBox())!;
	expect(feedbackBox.x).toBeGreaterThan(textBox.x + textBox.width);
	const save = page.getByRole('button', { name: 'Save as draft' });
	await expect(save).toBeInViewport();
	await page.getByRole('heading', { name: 'Feedback' }).evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
	await expect(save).toBeInViewport();
	if (PHOTOS) await page.screenshot({ path: 'test-results/screenshots/shell/coach-wide-en.png' });
	await context.close();
});

test('the /design page shows the components in light and dark, for anyone, not indexed', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	// Not indexed: the server says so for every page outside the public guide (X-Robots-Tag).
	const response = await page.goto('/design');
	expect(response?.headers()['x-robots-tag']).toContain('noindex');
	await expect(page.getByRole('heading', { name: 'Licht' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Donker' })).toBeVisible();
	// The two panels really differ: the dark one has a dark background.
	const background = (name: string) => page.locator(`.theme-${name}`).evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(await background('light')).toBe('rgb(247, 244, 238)');
	expect(await background('dark')).toBe('rgb(21, 27, 26)');
	await expectAccessible(page);
	if (PHOTOS) await page.screenshot({ path: 'test-results/screenshots/shell/design-nl-1280.png', fullPage: true });
});
