import { test, expect, expectAccessible, signedInPage, uniqueEmail } from './fixtures';

/**
 * An accessibility sweep: every page of the app signed in as a partner in a couple with some
 * content, in both languages, each checked with axe. The signed-out pages are swept in the same
 * visit as their width check, at 390 px, in shell.e2e.ts.
 */
test('every page is axe-clean in Dutch and English', async ({ browser }) => {
	test.setTimeout(240_000);
	// Signed up over HTTP: the sign-up pages are swept in shell.e2e.ts; the invitation is walked here.
	const [a, b] = await Promise.all([
		signedInPage(browser, { name: 'Ada', email: uniqueEmail('a11y-a'), role: 'repairing' }),
		signedInPage(browser, { name: 'Bo', email: uniqueEmail('a11y-b'), role: 'hurt' })
	]);

	await a.goto('/together');
	await a.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
	const link = await a.getByLabel('Je uitnodigingslink (alleen nu zichtbaar)').inputValue();
	const invitePath = new URL(link).pathname;
	await expectAccessible(a);
	await b.goto(invitePath);
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

	const aPages = ['/dashboard', '/program', '/program/listen', '/onboarding/role', '/coach', draftPath, '/reflections', reflectionPath, '/reflections/new?prompt=parting-well', '/together', '/together/letters', '/together/needs', '/settings'];
	const bPages = ['/dashboard', '/program/first-shock', '/together', '/together/letterbox'];
	for (const prefix of ['', '/en']) {
		for (const path of aPages) {
			await a.goto(prefix + path);
			await expectAccessible(a);
		}
		for (const path of bPages) {
			await b.goto(prefix + path);
			await expectAccessible(b);
		}
	}
	await b.goto('/together/letterbox');
	await b.getByRole('button', { name: 'Openen' }).click();
	await expect(b.getByText('Het spijt me dat ik heb gelogen.')).toBeVisible();
	await expectAccessible(b);

	// The dark colour scheme has its own palette; its contrast is checked too.
	await a.emulateMedia({ colorScheme: 'dark' });
	for (const path of ['/', '/dashboard', draftPath, '/together', '/settings', '/help']) {
		await a.goto(path);
		await expectAccessible(a);
	}

	await a.context().close();
	await b.context().close();
});
