import { test, expect, expectAccessible, screenshot } from './fixtures';

test('Dutch at /, English under /en, with a switcher and the right lang attribute', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Vertrouwen herstellen');
	await expectAccessible(page);
	await screenshot(page, `home-nl-${test.info().project.name}`);

	await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/en\/?$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Rebuilding trust');
	await expectAccessible(page);
	await screenshot(page, `home-en-${test.info().project.name}`);

	await page.goto('/en/privacy');
	await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Nederlands' }).click();
	await expect(page).toHaveURL(/\/privacy$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('help lines, privacy and quick-exit pages are reachable from every page', async ({ page }) => {
	// Six pages, each checked with axe: more than the default minute on a busy machine.
	test.setTimeout(120_000);
	for (const path of ['/', '/signin', '/en/signup', '/help', '/en/privacy', '/quick-exit']) {
		await page.goto(path);
		await expect(page.getByRole('link', { name: /Hulplijnen|Help lines/ }).first()).toBeVisible();
		await expect(page.getByRole('link', { name: /Snel weg|Quick exit/ }).first()).toBeVisible();
		await expectAccessible(page);
	}
	await page.goto('/help');
	await expect(page.getByText('0800-2000').first()).toBeVisible();
	await screenshot(page, `help-nl-${test.info().project.name}`);
});

test('quick exit replaces the page with a neutral site, by button and by pressing Escape three times', async ({ page, context }) => {
	// The neutral site is elsewhere on the web, which this machine cannot reach: answer it locally.
	await context.route(/knmi\.nl|bbc\.com/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }));
	await page.goto('/help');
	await page.getByRole('link', { name: /Snel weg/ }).click();
	await expect(page).toHaveURL(/knmi\.nl/);

	// The keys are heard by the page's script: press them once it runs.
	await page.goto('/en/privacy', { waitUntil: 'networkidle' });
	await page.locator('body').press('Escape');
	await page.locator('body').press('Escape');
	await expect(page).toHaveURL(/\/en\/privacy$/);
	await page.locator('body').press('Escape');
	await expect(page).toHaveURL(/bbc\.com/);
});

test('the quick exit is the first thing the keyboard reaches after the skip link', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: /Snel weg/ })).toBeFocused();
});

test('security headers on pages', async ({ request }) => {
	const response = await request.get('/');
	const h = response.headers();
	expect(h['content-security-policy']).toContain("object-src 'none'");
	expect(h['content-security-policy']).toContain("base-uri 'none'");
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	// A page without the app's script (decision 021) runs no inline script at all: same-origin files only.
	expect(h['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
	expect(h['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
	// A hydrated page's start-up script runs by its nonce, never by unsafe-inline.
	const hydrated = (await request.get('/nothing-here')).headers()['content-security-policy'];
	expect(hydrated).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(hydrated).not.toMatch(/script-src[^;]*unsafe-inline/);
	expect(h['strict-transport-security']).toContain('max-age=');
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('same-origin');
	expect(h['cross-origin-opener-policy']).toBe('same-origin');
	// A public page seen signed out may be kept (and is checked again); every other answer is no-store.
	expect(h['cache-control']).toBe('no-cache');
	expect((await request.get('/signin')).headers()['cache-control']).toBe('no-store');
});

test('unknown pages give a friendly 404 in the right language', async ({ page }) => {
	const response = await page.goto('/en/nothing-here');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
	await expectAccessible(page);
});

test('form posts from another site are refused', async ({ request }) => {
	const response = await request.post('/signin?/signin', {
		form: { email: 'x@example.org', password: 'whatever it is' },
		headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
	});
	expect(response.status()).toBe(403);
	expect(await response.text()).toContain('andere website');
});
