import { test, expect, apiContext, signUp, signUpInto, signIn, signOutButton, uniqueEmail, linkFromOutbox, PASSWORD } from './fixtures';
import { HttpUser } from './http-user';

/** Redirects, sessions and headers, seen the way a browser sees them (this server runs in production mode). */

test('sign-in never redirects off the site, whatever `next` says', async ({ baseURL }) => {
	const user = await HttpUser.signUp(baseURL!, 'redirect', 'hurt');
	const origin = new URL(baseURL!).origin;
	for (const next of ['/./\\evil.example', '//evil.example', '/\\evil.example', 'https://evil.example', '/\t/evil.example', '/en/./\\evil.example']) {
		const api = await apiContext(baseURL);
		const res = await api.post(`/signin?/signin&next=${encodeURIComponent(next)}`, {
			form: { email: user.email, password: PASSWORD },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status(), next).toBe(303);
		const location = res.headers()['location'];
		expect(new URL(location, baseURL).origin, `${next} -> ${location}`).toBe(origin);
		expect(location, next).toMatch(/^\/(?!\/)/);
		await api.dispose();
	}
});

test('static files carry nosniff and COOP too, from /_app/ and from static/', async ({ page, baseURL }) => {
	await page.goto('/');
	const script = await page.locator('link[rel="modulepreload"], script[src]').first().evaluate((el) => el.getAttribute('href') ?? el.getAttribute('src'));
	expect(script).toMatch(/\/_app\//);
	const api = await apiContext(baseURL);
	for (const path of [new URL(script!, baseURL).pathname, '/favicon.svg', '/robots.txt']) {
		const res = await api.get(path);
		expect(res.status(), path).toBe(200);
		expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
		expect(res.headers()['cross-origin-opener-policy'], path).toBe('same-origin');
	}
	await api.dispose();
});

test('the session cookie is __Host- in production, and sign-out clears site data', async ({ page, context }) => {
	await signUp(page, { name: 'Noa', email: uniqueEmail('cookie'), role: 'hurt' });
	const cookies = await context.cookies();
	const session = cookies.find((c) => c.name.includes('herstelpad_session'));
	expect(session?.name).toBe('__Host-herstelpad_session');
	expect(session).toMatchObject({ secure: true, httpOnly: true, path: '/', sameSite: 'Lax' });
	expect(session!.domain.startsWith('.')).toBe(false);

	const signOut = page.waitForResponse((r) => r.url().includes('/signout') && r.request().method() === 'POST');
	await (await signOutButton(page)).click();
	const response = await signOut;
	expect((await response.allHeaders())['clear-site-data']).toBe('"cache", "storage"');
	await expect(page).toHaveURL(/\/$/);
	expect((await context.cookies()).filter((c) => c.name.includes('herstelpad_session'))).toEqual([]);
});

test('Settings lists one’s sessions; ending the other one signs that device out', async ({ browser }) => {
	const email = uniqueEmail('sessions');
	const phone = await browser.newContext();
	const here = await phone.newPage();
	await signUp(here, { name: 'Sam', email, role: 'hurt' });
	const laptop = await browser.newContext({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0' });
	const there = await laptop.newPage();
	await signIn(there, email);
	await expect(there).toHaveURL(/\/dashboard$/);

	await here.goto('/settings');
	const list = here.getByRole('region', { name: 'Je sessies' }).getByRole('listitem');
	await expect(list).toHaveCount(2);
	// A space between the device and the mark: Svelte drops one at the edge of an {#if} block.
	await expect(list.filter({ hasText: 'Android · Chrome' })).toContainText('Android · Chrome (dit apparaat)');
	const other = list.filter({ hasText: 'Windows · Firefox' });
	await expect(other).not.toContainText('dit apparaat');
	await other.getByRole('button', { name: 'Deze sessie beëindigen' }).click();
	await expect(here.getByRole('status')).toHaveText('De sessie is beëindigd.');
	await expect(list).toHaveCount(1);

	await there.goto('/dashboard');
	await expect(there).toHaveURL(/\/signin\?next=/);
	await here.goto('/dashboard');
	await expect(here).toHaveURL(/\/dashboard$/);
	await phone.close();
	await laptop.close();
});

test('reading a page in English does not change the e-mail language; switching does', async ({ baseURL }) => {
	const user = await HttpUser.signUp(baseURL!, 'locale', 'hurt');
	expect((await user.get('/en/dashboard')).status()).toBe(200);
	const anonymous = await apiContext(baseURL);
	const forgot = () => anonymous.post('/forgot-password?/request', { form: { email: user.email }, headers: { origin: new URL(baseURL!).origin, accept: 'text/html' }, maxRedirects: 0 });
	expect((await forgot()).status()).toBeLessThan(400);
	const dutch = await linkFromOutbox(user.email, /http:\/\/[^\s"<>]+\/reset-password\?token=[A-Za-z0-9_-]+/);
	expect(new URL(dutch).pathname).toBe('/reset-password');

	const switched = await user.post('/language?/switch', { locale: 'en', next: '/settings' });
	expect(switched.status()).toBe(303);
	expect(switched.headers()['location']).toBe('/en/settings');
	expect((await forgot()).status()).toBeLessThan(400);
	const english = await linkFromOutbox(user.email, /http:\/\/[^\s"<>]+\/en\/reset-password\?token=[A-Za-z0-9_-]+/);
	expect(new URL(english).pathname).toBe('/en/reset-password');
	await anonymous.dispose();
});

test('signed in, the language switch works in the browser and keeps the page', async ({ page }) => {
	await signUpInto(page, { name: 'Lior', email: uniqueEmail('switch'), role: 'hurt' });
	await page.goto('/settings');
	await page.getByRole('navigation', { name: 'Taal' }).getByRole('button', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/en\/settings$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
	await expect(page).toHaveURL(/\/settings$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('a refused post says why in the person’s language and keeps the typed text', async ({ page, baseURL }) => {
	// This server's ORIGIN is http://127.0.0.1:PORT; the same server reached as localhost is,
	// to the CSRF check, another site: a genuine refusal, with JavaScript on.
	const elsewhere = new URL(baseURL!);
	elsewhere.hostname = 'localhost';

	await signUpInto(page, { name: 'Tess', email: uniqueEmail('refused'), role: 'repairing' });
	const session = (await page.context().cookies()).find((c) => c.name === '__Host-herstelpad_session')!;
	await page.context().addCookies([{ ...session, domain: 'localhost' }]);

	// Every page posts plainly (decisions 021 and 024) and, under `Referrer-Policy: same-origin`,
	// with its real Origin, so it is refused the same way: a readable page in the person's
	// language, and back on the form the text is still there (the page script kept the draft).
	await page.goto(new URL('/reflections/new?prompt=my-part', elsewhere).href);
	await page.getByLabel('Je antwoord').fill('Wat ik niet kwijt wil.');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Formulieren van een andere website worden geweigerd.')).toBeVisible();
	await page.goBack();
	await expect(page.getByLabel('Je antwoord')).toHaveValue('Wat ik niet kwijt wil.');
	// Opened at the site's own address, the same form is ours and saves.
	await page.goto('/reflections/new?prompt=my-part');
	await page.getByLabel('Je antwoord').fill('Wat ik niet kwijt wil.');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/reflections\/[0-9a-f-]+\?saved=1$/);

	// Without JavaScript: a readable page in the person's language, not a bare "403".
	const res = await page.request.post('/en/signin?/signin', { form: { email: 'x@example.org', password: 'y' }, headers: { origin: 'http://evil.example' }, maxRedirects: 0 });
	expect(res.status()).toBe(403);
	expect(res.headers()['content-type']).toMatch(/^text\/html/);
	const html = await res.text();
	expect(html).toContain('<html lang="en">');
	expect(html).toContain('Go back to the form');
});
