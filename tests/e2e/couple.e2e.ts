import { test, expect, expectAccessible, screenshot, signUp, signIn, submitSignUpForm, uniqueEmail, linkFromOutbox, PASSWORD, reopen } from './fixtures';
import { readFileSync } from 'node:fs';

const CANARY = `CANARY-${Date.now()}-private-to-A`;

test('two partners: invite, letterbox, private reflections, leaving, export and deletion', async ({ browser }) => {
	test.setTimeout(180_000);
	const aContext = await browser.newContext();
	const bContext = await browser.newContext();
	const a = await aContext.newPage();
	const b = await bContext.newPage();
	const aEmail = uniqueEmail('partner-a');
	const bEmail = uniqueEmail('partner-b');

	// A signs up as the repairing partner and creates an invitation, straight from the dashboard.
	await signUp(a, { name: 'Ada', email: aEmail, role: 'repairing' });
	await expect(a.getByRole('heading', { name: 'Je partner uitnodigen' })).toBeVisible();
	await a.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
	const link = await a.getByLabel('Je uitnodigingslink (alleen nu zichtbaar)').inputValue();
	await expectAccessible(a);
	expect(link).toMatch(/\/invite\/[\w-]+$/);
	await screenshot(a, 'together-invite-nl');
	// Mailed once: the message (sent by a job) carries the same link.
	await a.getByLabel('Of mail hem één keer naar').fill(bEmail);
	await a.getByRole('button', { name: 'Uitnodiging mailen' }).click();
	await expect(a.getByRole('status').filter({ hasText: 'De uitnodiging is verstuurd' })).toBeVisible();
	const mailed = await linkFromOutbox(bEmail, /http:\/\/[^\s"<>]+\/invite\/[\w-]+/);
	expect(new URL(mailed).pathname).toBe(new URL(link).pathname);

	// A writes a private reflection with a unique canary.
	await a.goto('/reflections/new?prompt=my-part');
	await a.getByLabel('Je antwoord').fill(`Mijn aandeel. ${CANARY}`);
	await a.getByRole('button', { name: 'Opslaan' }).click();
	await expect(a.getByText('Opgeslagen.')).toBeVisible();
	const canaryPath = new URL(a.url()).pathname;

	// B opens the link, signs up, sees who invites them, accepts as the hurt partner.
	await b.goto(link);
	await expect(b.getByText('Ada nodigt je uit om samen Herstelpad te gebruiken.')).toBeVisible();
	await expectAccessible(b);
	await b.getByRole('link', { name: 'Account aanmaken' }).last().click();
	await submitSignUpForm(b, { name: 'Bo', email: bEmail });
	await expect(b).toHaveURL(/\/invite\//);
	await expect(b.getByText('Herstellende partner nodigt je uit', { exact: false })).toBeVisible();
	await b.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
	await expect(b).toHaveURL(/\/onboarding\/role$/);
	await b.getByRole('radio', { name: /Gekwetste partner/ }).check();
	await b.getByRole('button', { name: 'Verder' }).click();

	// B sets a pace status and a need; A sees both.
	await b.goto('/together/letterbox');
	await b.getByRole('radio', { name: /Ik ben klaar om te lezen/ }).check();
	await b.getByLabel('Een korte toelichting').fill('Schrijf maar, ik lees het later.');
	await b.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await expect(b.getByText('Opgeslagen. Je partner ziet het nu.')).toBeVisible();
	await expectAccessible(b);

	await a.goto('/dashboard');
	await expect(a.getByRole('region', { name: 'Hoe het met Bo is' })).toContainText('Schrijf maar, ik lees het later.');

	// A writes an apology and sends it to B's letterbox.
	await a.goto('/coach');
	await a.getByLabel('Je excuses').fill('Het spijt me dat ik je heb bedrogen en voorgelogen. Ik heb je diep gekwetst. Ik zal al je vragen eerlijk beantwoorden.');
	await a.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(a.getByText('Versie 1 is opgeslagen.')).toBeVisible();
	await a.getByRole('button', { name: 'Versie 1 versturen' }).click();
	await expect(a.getByText('Versie 1 ligt in de brievenbus van je partner.')).toBeVisible();
	await a.goto('/together/letters');
	await expect(a.getByText('Afgeleverd', { exact: true })).toBeVisible();
	await expect(a.getByText('Ik ben klaar om te lezen', { exact: true })).toBeVisible();

	// B sees an unopened letter and opens it when B chooses.
	await b.goto('/together/letterbox');
	await expect(b.getByText('Nog niet geopend', { exact: true })).toBeVisible();
	await screenshot(b, 'letterbox-nl');
	await b.getByRole('button', { name: 'Openen' }).click();
	await expect(b.getByText('Het spijt me dat ik je heb bedrogen')).toBeVisible();
	await expectAccessible(b);
	await reopen(a);
	await expect(a.getByText('Geopend', { exact: true })).toBeVisible();

	// B shares one reflection of their own; A can read it.
	await b.goto('/reflections/new?prompt=what-we-learnt');
	await b.getByLabel('Je antwoord').fill('B-SHARED-ITEM: dit deel ik.');
	await b.getByRole('button', { name: 'Opslaan' }).click();
	await b.getByRole('button', { name: 'Delen met mijn partner' }).click();
	await expect(b.getByText('Je partner kan deze reflectie nu lezen.')).toBeVisible();
	const bSharedPath = new URL(b.url()).pathname;
	await a.goto('/reflections');
	await expect(a.getByText('B-SHARED-ITEM', { exact: false })).toBeVisible();

	// A's private reflection never reaches anything B can load.
	const pages = ['/', '/dashboard', '/program', '/together', '/together/letterbox', '/together/letters', '/together/needs', '/reflections', '/settings', '/coach', canaryPath];
	for (const path of pages) {
		for (const url of [path, `${path === '/' ? '' : path}/__data.json`]) {
			const res = await b.request.get(url);
			expect(await res.text(), url).not.toContain(CANARY);
		}
	}
	expect((await b.request.get(canaryPath)).status()).toBe(404);
	const api = await b.request.post('/api/v1/apology/analyze', { data: { text: 'Het spijt me.' } });
	expect(await api.text()).not.toContain(CANARY);

	// B leaves; A no longer sees B's items.
	await b.goto('/together');
	await b.getByText('Uit het koppel stappen').first().click();
	await b.getByLabel('Ik begrijp het en wil uit het koppel stappen.').check();
	await b.getByRole('button', { name: 'Uit het koppel stappen' }).click();
	await expect(b.getByText('Jullie zijn niet langer verbonden.', { exact: false })).toBeVisible();
	await a.goto('/reflections');
	await expect(a.getByText('B-SHARED-ITEM', { exact: false })).toHaveCount(0);
	expect((await a.request.get(bSharedPath)).status()).toBe(404);

	// A's export holds A's items only.
	await a.goto('/settings');
	const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: 'Downloaden als JSON' }).click()]);
	const exported = readFileSync((await download.path())!, 'utf8');
	expect(exported).toContain(CANARY);
	expect(exported).toContain('Het spijt me dat ik je heb bedrogen');
	expect(exported).not.toContain('B-SHARED-ITEM');
	expect(exported).not.toContain('Schrijf maar, ik lees het later.');
	expect(exported).not.toContain(bEmail);
	await expectAccessible(a);

	// A deletes the account and can no longer sign in.
	await a.getByLabel('Bevestig met je wachtwoord').fill(PASSWORD);
	await a.getByRole('button', { name: 'Alles definitief verwijderen' }).click();
	await expect(a.getByText('Je account en al je gegevens zijn verwijderd.')).toBeVisible();
	await signIn(a, aEmail);
	await expect(a.getByRole('alert')).toContainText('horen niet bij elkaar');

	// B's own items stay.
	await b.goto(bSharedPath);
	await expect(b.getByLabel('Je antwoord')).toHaveValue('B-SHARED-ITEM: dit deel ik.');

	await aContext.close();
	await bContext.close();
});
