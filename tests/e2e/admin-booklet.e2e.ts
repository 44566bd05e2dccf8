import { test, expect, expectAccessible, linkFromOutbox, uniqueEmail } from './fixtures';
import { signInAsAdmin } from './admin';

test('admin: booklet sign-ups as counts, a CSV of confirmed addresses, and deleting one', async ({ page }) => {
	test.setTimeout(240_000);
	// Someone signs up and confirms.
	const email = uniqueEmail('booklet-admin-reader');
	await page.goto('/booklet', { waitUntil: 'networkidle' });
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur me de link' }).click();
	await expect(page.getByRole('status')).toContainText('Kijk in je mailbox');
	await page.goto(await linkFromOutbox(email, /http:\/\/127\.0\.0\.1:\d+\/booklet\/confirm\?token=[\w-]+/), { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('status')).toContainText('Bevestigd');

	// A person without the admin role finds nothing there.
	expect((await page.request.get('/admin/booklet/export.csv')).status()).toBe(404);

	await signInAsAdmin(page, 'booklet-admin@example.org');
	await page.goto('/admin/booklet', { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1, name: 'Aanmeldingen voor het boekje' })).toBeVisible();
	await expect(page.getByRole('definition').first()).toHaveText(/^[1-9]\d*$/);
	// Counts only: no address on the page.
	await expect(page.getByText(email)).toHaveCount(0);
	await expectAccessible(page);

	const csv = await (await page.request.get('/admin/booklet/export.csv')).text();
	expect(csv.split('\r\n')[0]).toBe('email,language,occasional_emails,confirmed_at');
	expect(csv).toContain(`${email},nl,no,`);

	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Adres wissen' }).click();
	await expect(page.getByRole('status')).toHaveText('Het adres en alles wat erbij hoorde, is gewist.');
	expect(await (await page.request.get('/admin/booklet/export.csv')).text()).not.toContain(email);
});
