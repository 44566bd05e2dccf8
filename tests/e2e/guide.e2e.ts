import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, isPageScript, linkFromOutbox, uniqueEmail } from './fixtures';
import { signInAsAdmin } from './admin';

const ARTICLE_NL = 'Waarom ontrouw gebeurt, en of herstel mogelijk is';
const ARTICLE_EN = 'Why infidelity happens, and whether repair is possible';

/** Sends the comment form as it is on screen (the guide ships no app script: a plain post). */
async function sendComment(page: Page, input: { name: string; email: string; body: string; notify?: boolean }, en = false) {
	await page.getByLabel(en ? 'Name (shown)' : 'Naam (wordt getoond)').fill(input.name);
	await page.getByLabel(en ? 'E-mail address' : 'E-mailadres').fill(input.email);
	await page.getByLabel(en ? /^Your comment/ : /^Je reactie/).fill(input.body);
	if (input.notify) await page.getByLabel(en ? /Send me one e-mail/ : /Stuur me één e-mail/).check();
	await page.getByRole('button', { name: en ? 'Send comment' : 'Reactie versturen' }).click();
	await expect(page).toHaveURL(/\?comment=awaiting#comment-status$/);
	await expect(page.getByRole('status').filter({ hasText: en ? 'awaiting moderation' : 'wacht op moderatie' })).toBeVisible();
}

/** Ticks the queue's checkbox of each named comment and presses one of the bulk buttons. */
async function moderate(admin: Page, names: string[], button: string, done: string, en = false) {
	await admin.goto(en ? '/en/admin/comments' : '/admin/comments', { waitUntil: 'networkidle' });
	for (const name of names) await admin.getByLabel(en ? `Choose the comment by ${name}` : `Reactie van ${name} kiezen`).check();
	await admin.getByRole('button', { name: button }).click();
	await expect(admin.getByRole('status').filter({ hasText: done })).toHaveText(done);
}

test('read an article, comment, see it await moderation, approve it as admin, see it published (nl and en)', async ({ browser }) => {
	test.setTimeout(240_000);
	const visitor = await (await browser.newContext()).newPage();
	const scripts: string[] = [];
	visitor.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
	});
	const run = Date.now().toString(36);
	const noor = { name: `Noor ${run}`, email: uniqueEmail('noor'), body: 'Dit herken ik. <b>Vet?</b> Nee, gewoon tekst.' };

	// The guide can be found and read without an account, and ships no app script.
	const index = await visitor.goto('/guide');
	expect(index?.headers()['x-robots-tag']).toBeUndefined();
	await expectAccessible(visitor);
	await visitor.getByRole('link', { name: ARTICLE_NL }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_NL);
	await expect(visitor.getByText(/\d+ min\. lezen/).first()).toBeVisible();
	await expect(visitor.getByRole('complementary', { name: 'Over de schrijver' })).toContainText('Redactie Herstelpad');
	await expect(visitor.getByRole('link', { name: /Volgend artikel/ })).toBeVisible();
	await expect(visitor.getByRole('heading', { name: 'Bronnen' })).toBeVisible();
	await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute('content', ARTICLE_NL);
	await expect(visitor.locator('meta[property="og:url"]')).toHaveAttribute('content', /\/guide\/why-it-happens$/);
	// Only the page script (decision 021).
	expect(scripts.filter((path) => !isPageScript(path))).toEqual([]);
	expect(scripts.some(isPageScript)).toBe(true);
	await expectAccessible(visitor);
	await visitor.getByRole('link', { name: 'Redactie Herstelpad' }).first().click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Redactie Herstelpad');
	await visitor.getByRole('link', { name: ARTICLE_NL }).click();

	// Every required field says what is missing, next to it; nothing is stored.
	await visitor.getByRole('button', { name: 'Reactie versturen' }).click();
	await expect(visitor.getByText('Vul een naam in. Een voornaam of bijnaam is genoeg.')).toBeVisible();
	await expect(visitor.getByText('Vul je e-mailadres in. We tonen het nergens.')).toBeVisible();
	await expect(visitor.getByText('Schrijf je reactie in het tekstvak.')).toBeVisible();
	await expectAccessible(visitor);

	await sendComment(visitor, { ...noor, notify: true });
	await expect(visitor.getByRole('article', { name: `Reactie van ${noor.name}` })).toHaveCount(0);

	// The administrator (made with the CLI) approves it from the queue, which never shows the address.
	// (A signed-in member who is not an administrator gets the same 404: src/lib/server/admin/admin.test.ts.)
	expect((await visitor.request.get('/admin/comments')).status()).toBe(404);
	expect((await visitor.request.get('/en/admin')).status()).toBe(404);

	const admin = await (await browser.newContext()).newPage();
	await signInAsAdmin(admin, 'comments-admin@example.org');
	await admin.goto('/admin');
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Beheer');
	await expectAccessible(admin);
	await admin.goto('/admin/comments');
	await expect(admin.getByText(noor.body)).toBeVisible();
	await expect(admin.locator('main')).not.toContainText(noor.email);
	await expectAccessible(admin);
	await moderate(admin, [noor.name], 'Publiceren', 'Gepubliceerd: 1.');

	await visitor.goto('/guide/why-it-happens');
	const published = visitor.getByRole('article', { name: `Reactie van ${noor.name}` });
	await expect(published).toContainText(noor.body);
	await expect(visitor.locator('main')).not.toContainText(noor.email);
	// The "published" e-mail's link opens the page that holds the comment, at the comment.
	const link = await linkFromOutbox(noor.email, /http:\/\/[^\s"<>]+\/guide\/why-it-happens\?thread=[0-9a-f-]+#comment-[0-9a-f-]+/);
	await visitor.goto(new URL(link).pathname + new URL(link).search + new URL(link).hash);
	await expect(visitor.getByRole('article', { name: `Reactie van ${noor.name}` })).toBeInViewport();

	// A reply goes one level deep and waits too; marked as spam, it never appears.
	await published.getByRole('link', { name: `Reageer op ${noor.name}` }).click();
	await expect(visitor.getByRole('heading', { name: `Reageer op ${noor.name}` })).toBeVisible();
	await sendComment(visitor, { name: `Spam ${run}`, email: uniqueEmail('spam'), body: 'Koop nu!' });
	await moderate(admin, [`Spam ${run}`], 'Spam', 'Als spam gemarkeerd: 1.');
	await visitor.reload();
	await expect(visitor.getByText('Koop nu!')).toHaveCount(0);

	// English: its own comments, moderated in bulk.
	await visitor.goto('/en/guide');
	await visitor.getByRole('link', { name: ARTICLE_EN }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_EN);
	await expect(visitor.getByText(/\d+ min read/).first()).toBeVisible();
	await expectAccessible(visitor);
	await sendComment(visitor, { name: `Wren ${run}`, email: uniqueEmail('wren'), body: 'This helped me.' }, true);
	await sendComment(visitor, { name: `Ash ${run}`, email: uniqueEmail('ash'), body: 'Me too.' }, true);
	await moderate(admin, [`Wren ${run}`, `Ash ${run}`], 'Publish', 'Published: 2.', true);
	await expectAccessible(admin);
	await visitor.goto('/en/guide/why-it-happens');
	await expect(visitor.getByRole('article', { name: `Comment by Wren ${run}` })).toContainText('This helped me.');
	await expect(visitor.getByRole('article', { name: `Comment by Ash ${run}` })).toContainText('Me too.');
	await expect(visitor.getByRole('article', { name: `Comment by ${noor.name}` })).toHaveCount(0);
	expect(scripts.filter((path) => !isPageScript(path))).toEqual([]);
});

test('the public side can be found: home, sitemap, feeds, robots; private pages say noindex', async ({ page, request }) => {
	const home = await page.goto('/');
	expect(home?.headers()['x-robots-tag']).toBeUndefined();
	await expect(page.getByRole('link', { name: 'Doe de herstelkans-test' }).first()).toHaveAttribute('href', '/self-test');
	await expect(page.getByRole('link', { name: 'Lees de gids' })).toHaveAttribute('href', '/guide');
	await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
	expect((await page.goto('/signin'))?.headers()['x-robots-tag']).toBe('noindex');
	expect((await page.goto('/program/confess'))?.headers()['x-robots-tag']).toBeUndefined();

	const sitemap = await request.get('/sitemap.xml');
	expect(sitemap.headers()['content-type']).toContain('xml');
	const map = await sitemap.text();
	expect(map).toContain('/en/guide/why-it-happens</loc>');
	expect(map).toContain('/program/first-shock</loc>');
	for (const [path, title] of [
		['/guide/feed.xml', ARTICLE_NL],
		['/en/guide/feed.xml', ARTICLE_EN]
	]) {
		const feed = await request.get(path);
		expect(feed.headers()['content-type']).toContain('application/rss+xml');
		expect(await feed.text()).toContain(`<title>${title}</title>`);
	}
	const robots = await (await request.get('/robots.txt')).text();
	expect(robots).toContain('Disallow: /admin');
	expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
	expect((await request.get('/guide/no-such-article')).status()).toBe(404);
});
