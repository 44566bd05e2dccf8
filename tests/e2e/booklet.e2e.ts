import { test, expect, expectAccessible, linkFromOutbox, screenshot, uniqueEmail } from './fixtures';
import { readPdf } from '../setup/pdf';

/**
 * The booklet chain in the browser: sign up, the confirmation e-mail (delivered over real SMTP
 * to the journeys' mail server, tests/e2e/smtp-inbox.ts), confirm, download and parse the PDF,
 * unsubscribe.
 */
test('booklet in Dutch: sign up, confirm from the e-mail, download the PDF, unsubscribe', async ({ page }) => {
	test.setTimeout(240_000);
	const email = uniqueEmail('booklet-nl');
	await page.goto('/booklet', { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1, name: 'Gratis boekje: 9 valkuilen bij relatieherstel' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'De waarheid in stukjes vertellen' })).toBeVisible();
	await expectAccessible(page);

	// The box for occasional e-mails is separate and not ticked.
	const updates = page.getByRole('checkbox', { name: /Stuur me af en toe een e-mail/ });
	await expect(updates).not.toBeChecked();
	await page.getByLabel('E-mailadres').fill('geen-adres');
	await page.getByRole('button', { name: 'Stuur me de link' }).click();
	await expect(page.getByText('Vul een geldig e-mailadres in.')).toBeVisible();
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur me de link' }).click();
	await expect(page.getByRole('status')).toContainText('Kijk in je mailbox');

	const confirmLink = await linkFromOutbox(email, /http:\/\/127\.0\.0\.1:\d+\/booklet\/confirm\?token=[\w-]+/);
	const unsubscribeLink = await linkFromOutbox(email, /http:\/\/127\.0\.0\.1:\d+\/booklet\/unsubscribe\?token=[\w-]+/);
	const token = new URL(confirmLink).searchParams.get('token');

	// Before confirming there is no download.
	expect((await page.request.get(`/booklet/download?token=${token}`)).status()).toBe(404);

	await page.goto(confirmLink, { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('status')).toHaveText('Bevestigd, dank je. Het boekje staat voor je klaar.');
	await expectAccessible(page);
	await screenshot(page, 'booklet-confirmed-nl');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download het boekje (pdf)' }).click()]);
	expect(download.suggestedFilename()).toBe('9-valkuilen-bij-relatieherstel.pdf');
	const { readFile } = await import('node:fs/promises');
	const pdf = await readPdf(await readFile((await download.path())!));
	expect(pdf.pages).toBe(12);
	expect(pdf.text[0]).toContain('valkuilen bij relatieherstel');
	expect(pdf.text.join(' ')).toContain('De waarheid in stukjes vertellen');
	expect(pdf.text.join(' ')).toContain('Te snel beslissen');

	await page.goto(unsubscribeLink, { waitUntil: 'networkidle' });
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Uitschrijven en mijn adres wissen' }).click();
	await expect(page.getByRole('status')).toHaveText('Je bent uitgeschreven. Je e-mailadres is gewist.');
	// The address and its links are gone.
	expect((await page.request.get(`/booklet/download?token=${token}`)).status()).toBe(404);
	await page.goto(confirmLink);
	await expect(page.getByRole('alert')).toContainText('Deze link werkt niet (meer).');
});

test('booklet in English: the e-mail and the PDF are in English; signing up twice is harmless', async ({ page }) => {
	test.setTimeout(240_000);
	const email = uniqueEmail('booklet-en');
	await page.goto('/en/booklet', { waitUntil: 'networkidle' });
	await expectAccessible(page);
	await page.getByLabel('E-mail address').fill(email);
	await page.getByRole('checkbox', { name: /Send me an occasional e-mail/ }).check();
	await page.getByRole('button', { name: 'Send me the link' }).click();
	await expect(page.getByRole('status')).toContainText('Check your inbox');

	const confirmLink = await linkFromOutbox(email, /http:\/\/127\.0\.0\.1:\d+\/en\/booklet\/confirm\?token=[\w-]+/);
	// The same address again: the same answer, and the first link still works.
	await page.goto('/en/booklet', { waitUntil: 'networkidle' });
	await page.getByLabel('E-mail address').fill(email);
	await page.getByRole('button', { name: 'Send me the link' }).click();
	await expect(page.getByRole('status')).toContainText('Check your inbox');

	await page.goto(confirmLink, { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1, name: 'Confirm your request' })).toBeVisible();
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByRole('status')).toHaveText('Confirmed, thank you. The booklet is ready for you.');
	const href = await page.getByRole('link', { name: 'Download the booklet (PDF)' }).getAttribute('href');
	const response = await page.request.get(href!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	const pdf = await readPdf(await response.body());
	expect(pdf.pages).toBe(12);
	expect(pdf.title).toBe('9 pitfalls in repairing a relationship');
	expect(pdf.text.join(' ')).toContain('Telling the truth in instalments');
	await expect(page.getByRole('link', { name: 'Ook in het Nederlands (pdf)' })).toHaveAttribute('href', /^\/booklet\/download\?token=/);
});
