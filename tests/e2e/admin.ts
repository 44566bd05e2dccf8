import { expect, type Page } from '@playwright/test';
import { linkFromOutbox, signIn } from './fixtures';

/**
 * Signs in as one of the administrators the web server's start made with `herstelpad admin
 * create` (E2E_ADMINS in playwright.config.ts). Like a real new administrator, the journey first
 * sets the password through "forgot password", then signs in with it.
 */
export const ADMIN_PASSWORD = 'moderating the quiet garden';

export async function signInAsAdmin(page: Page, email: string) {
	await page.goto('/forgot-password');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByRole('button', { name: 'Stuur de link' }).click();
	await expect(page.getByRole('status')).toBeVisible();
	const link = await linkFromOutbox(email, /http:\/\/[^\s"<>]+\/reset-password\?token=[A-Za-z0-9_-]+/);
	await page.goto(link);
	await page.getByLabel('Nieuw wachtwoord').fill(ADMIN_PASSWORD);
	await page.getByLabel('Nieuw wachtwoord').press('Enter');
	await expect(page).toHaveURL(/\/signin\?reset=1$/);
	await signIn(page, email, ADMIN_PASSWORD);
	await expect(page).not.toHaveURL(/\/signin/);
}
