import { test, expect, expectAccessible, screenshot, signUpInto, uniqueEmail } from './fixtures';

test('the couple space, reflections and settings read well in English', async ({ page }) => {
	await signUpInto(page, { name: 'Sam', email: uniqueEmail('english'), role: 'hurt', lang: 'en' });
	await page.goto('/en/dashboard');
	await page.getByRole('link', { name: 'Together' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Together');
	await expect(page.getByText('You are using Herstelpad on your own now', { exact: false })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/en/together/letterbox');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Letterbox');
	await page.getByRole('radio', { name: /I need space/ }).check();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByText('Saved. Your partner sees it now.')).toBeVisible();
	await expectAccessible(page);

	await page.goto('/en/together/needs');
	await page.getByLabel('Add something').fill('Time to think');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByText('Time to think', { exact: true })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/en/reflections');
	await page.getByRole('link', { name: /Parting well/ }).click();
	await page.getByLabel('Your answer').fill('What parting with respect would take.');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Only you can read this.')).toBeVisible();
	await expect(page.getByText('You can share once you are connected with your partner.')).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'reflection-en');

	await page.goto('/en/settings');
	await expect(page.getByRole('heading', { name: 'Recent security events' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Recent security events' }).getByText('Nothing yet.')).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'settings-en');
});

test('bad input on forms keeps what was typed and answers in the page language', async ({ page }) => {
	await signUpInto(page, { name: 'Kai', email: uniqueEmail('badinput'), role: 'repairing', lang: 'en' });
	await page.goto('/en/reflections/new?prompt=my-part');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Write something first.')).toBeVisible();
	await page.goto('/en/settings');
	await page.getByLabel('Current password').fill('not my password');
	await page.getByLabel('New password').fill('short');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText('Choose a password of at least 10 characters.')).toBeVisible();
	const response = await page.request.get('/en/reflections/not-a-real-id');
	expect(response.status()).toBe(404);
});
