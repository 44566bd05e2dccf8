import type { Browser, Page } from '@playwright/test';
import { test, expect, expectAccessible, signedInPage, uniqueEmail } from './fixtures';

/**
 * An accessibility sweep: every page of the app signed in as a partner in a couple with some
 * content, in both languages and in the dark colour scheme, each checked with axe. The signed-out
 * pages are swept in the same visit as their width check, at 390 px, in shell.e2e.ts.
 *
 * One couple, made once, and four tests in a row (Dutch, English, the opened letter, the dark
 * scheme), each with a time limit of its own: as one test the sweep came within seconds of its
 * four minutes on a busy machine, and ran past them at a load average of 15. Run in a row in one
 * worker, they do the work of one sweep, not four.
 */
test.describe.configure({ mode: 'serial' });

let couple: { a: Page; b: Page; draftPath: string; reflectionPath: string };

test.beforeAll(async ({ browser }) => {
	test.setTimeout(120_000);
	couple = await coupleWithContent(browser);
});

test.afterAll(async () => {
	await couple?.a.context().close();
	await couple?.b.context().close();
});

/**
 * Ada (repairing) invites Bo (hurt) in the browser, with axe on the invitation pages on the way,
 * saves and sends an apology; Bo saves and shares a reflection and adds a need.
 */
async function coupleWithContent(browser: Browser) {
	const [a, b] = await Promise.all([
		signedInPage(browser, { name: 'Ada', email: uniqueEmail('a11y-a'), role: 'repairing' }),
		signedInPage(browser, { name: 'Bo', email: uniqueEmail('a11y-b'), role: 'hurt' })
	]);

	await a.goto('/together');
	await a.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
	const link = await a.getByLabel('Je uitnodigingslink (alleen nu zichtbaar)').inputValue();
	await expectAccessible(a);
	await b.goto(new URL(link).pathname);
	await expectAccessible(b);
	await b.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
	await expect(b).toHaveURL(/\/together$/);

	await a.goto('/coach');
	await a.getByLabel('Je excuses').fill('Het spijt me dat ik heb gelogen. Ik heb je pijn gedaan. Ik zal eerlijk zijn.');
	await a.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(a).toHaveURL(/\/coach\/drafts\//);
	const draftPath = new URL(a.url()).pathname;
	await a.getByRole('button', { name: 'Versie 1 versturen' }).click();
	await expect(a.getByRole('status').filter({ hasText: 'brievenbus' })).toBeVisible();

	await b.goto('/reflections/new?prompt=what-we-learnt');
	await b.getByLabel('Je antwoord').fill('Wat ik geleerd heb.');
	await b.getByRole('button', { name: 'Opslaan' }).click();
	await b.getByRole('button', { name: 'Delen met mijn partner' }).click();
	const reflectionPath = new URL(b.url()).pathname;
	await b.goto('/together/needs');
	await b.getByLabel('Iets toevoegen').fill('Tijd');
	await b.getByRole('button', { name: 'Toevoegen' }).click();
	return { a, b, draftPath, reflectionPath };
}

async function sweep(page: Page, paths: string[]) {
	for (const path of paths) {
		await page.goto(path);
		await expectAccessible(page);
	}
}

async function sweepEveryPage(prefix: '' | '/en') {
	const { a, b, draftPath, reflectionPath } = couple;
	const aPages = ['/dashboard', '/program', '/program/listen', '/onboarding/role', '/coach', draftPath, '/reflections', reflectionPath, '/reflections/new?prompt=parting-well', '/together', '/together/letters', '/together/needs', '/settings'];
	const bPages = ['/dashboard', '/program/first-shock', '/together', '/together/letterbox'];
	await sweep(a, aPages.map((path) => prefix + path));
	await sweep(b, bPages.map((path) => prefix + path));
}

test('every page is axe-clean in Dutch', async () => {
	test.setTimeout(240_000);
	await sweepEveryPage('');
});

test('every page is axe-clean in English', async () => {
	test.setTimeout(240_000);
	await sweepEveryPage('/en');
});

// After both sweeps, so each language's letterbox was checked with the letter still unopened.
test('the opened letter is axe-clean', async () => {
	const { b } = couple;
	await b.goto('/together/letterbox');
	await b.getByRole('button', { name: 'Openen', exact: true }).click();
	await expect(b.getByText('Het spijt me dat ik heb gelogen.')).toBeVisible();
	await expectAccessible(b);
});

test('the dark colour scheme is axe-clean too', async () => {
	test.setTimeout(120_000);
	// The dark colour scheme has its own palette; its contrast is checked too.
	const { a, draftPath } = couple;
	await a.emulateMedia({ colorScheme: 'dark' });
	await sweep(a, ['/', '/dashboard', draftPath, '/together', '/settings', '/help']);
});
