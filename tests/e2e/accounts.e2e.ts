import { test, expect, expectAccessible, screenshot, signUp, signUpInto, signIn, signOut, signOutButton, uniqueEmail, linkFromOutbox, PASSWORD } from './fixtures';

test('sign-up without consent is refused with a clear message, and nothing is created', async ({ page }) => {
	const email = uniqueEmail('noconsent');
	await page.goto('/signup');
	await expectAccessible(page);
	await screenshot(page, 'signup-nl');
	await page.getByLabel('Naam', { exact: false }).first().fill('Robin');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: false }).first().fill(PASSWORD);
	await page.getByLabel('Ik ben 18 jaar of ouder.').check();
	await page.getByRole('button', { name: 'Account aanmaken' }).click();
	await expect(page.getByText('Zonder je toestemming kunnen we geen account aanmaken', { exact: false })).toBeVisible();
	// The name and address typed so far are kept.
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await expectAccessible(page);
	await signIn(page, email);
	await expect(page.getByText('Dit e-mailadres en wachtwoord horen niet bij elkaar.')).toBeVisible();
});

test('sign up with consent, choose a role, walk a step and see progress', async ({ page }) => {
	await signUp(page, { name: 'Jamie', email: uniqueEmail('walker'), role: 'repairing' });
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Jamie');
	await expect(page.getByText('0 van 8 stappen afgerond').first()).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'dashboard-nl');

	await page.getByRole('link', { name: 'Lees deze stap' }).click();
	await expect(page).toHaveURL(/\/program\/confess$/);
	await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'step-nl');
	await page.getByRole('button', { name: 'Markeer als afgerond' }).click();
	await expect(page.getByRole('button', { name: 'Weer openzetten' })).toBeVisible();

	await page.getByRole('link', { name: 'Programma', exact: true }).first().click();
	await expect(page.getByText('1 van 8 stappen afgerond')).toBeVisible();
	await expectAccessible(page);
	await screenshot(page, 'program-nl');

	await page.goto('/program/confess');
	await page.getByRole('button', { name: 'Weer openzetten' }).click();
	await expect(page.getByRole('button', { name: 'Markeer als afgerond' })).toBeVisible();
	await page.goto('/dashboard');
	await expect(page.getByText('0 van 8 stappen afgerond').first()).toBeVisible();
});

test('the hurt partner gets their own track, and can change role later', async ({ page }) => {
	await signUp(page, { name: 'Sasha', email: uniqueEmail('hurt'), role: 'hurt', lang: 'en' });
	await expect(page.getByText('0 of 7 steps completed').first()).toBeVisible();
	await page.goto('/en/program');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your path: seven steps at your own pace');
	await expect(page.getByRole('link', { name: 'Write an apology' })).toHaveCount(0);
	await page.goto('/en/settings');
	await expectAccessible(page);
	await page.getByRole('radio', { name: /Repairing partner/ }).check();
	await page.getByRole('button', { name: 'Save role' }).click();
	await expect(page.getByText('Your role has been saved.')).toBeVisible();
	await page.goto('/en/program');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your path: eight steps to rebuild trust');
});

test('sign out and in again; a wrong password gets the same answer as an unknown address', async ({ page }) => {
	const email = uniqueEmail('inout');
	await signUpInto(page, { name: 'Alex', email, role: 'hurt' });
	await page.goto('/dashboard');
	await signOut(page);
	await page.goto('/dashboard');
	await expect(page).toHaveURL(/\/signin\?next=/);
	await expectAccessible(page);

	await signIn(page, email, 'this is not it at all');
	const wrong = await page.getByRole('alert').textContent();
	await signIn(page, uniqueEmail('unknown'), 'this is not it at all');
	await expect(page.getByRole('alert')).toHaveText(wrong!);
	await expectAccessible(page);

	await signIn(page, email);
	await expect(page).toHaveURL(/\/dashboard$/);
});

test('reset a forgotten password through the e-mail, delivered over SMTP', async ({ page }) => {
	const email = uniqueEmail('reset');
	await signUpInto(page, { name: 'Morgan', email, role: 'repairing', lang: 'en' });
	await page.goto('/en/dashboard');
	await (await signOutButton(page, 'en')).click();

	await page.goto('/en/forgot-password');
	await expectAccessible(page);
	await page.getByLabel('E-mail address').fill(email);
	await page.getByRole('button', { name: 'Send the link' }).click();
	await expect(page.getByRole('status')).toContainText('If this address belongs to an account');

	const link = await linkFromOutbox(email, /http:\/\/[^\s"<>]+\/en\/reset-password\?token=[A-Za-z0-9_-]+/);
	await page.goto(link);
	await expectAccessible(page);
	// A refused password is said beside the field and the form stays: the page posts plainly
	// (decision 021), and its answer is rendered from the link's token, kept in the address.
	await page.getByLabel('New password').fill('password12');
	await page.getByRole('button', { name: 'Save password' }).click();
	await expect(page.getByText('This password is on the lists that attackers try first.', { exact: false })).toBeVisible();
	await page.getByLabel('New password').fill('my new calm phrase');
	await page.getByRole('button', { name: 'Save password' }).click();
	await expect(page.getByRole('status')).toContainText('Your password has been changed');

	// The link is single-use.
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText('no longer works');

	await signIn(page, email, PASSWORD, 'en');
	await expect(page.getByRole('alert')).toContainText('do not match');
	await signIn(page, email, 'my new calm phrase', 'en');
	await expect(page).toHaveURL(/\/en\/dashboard$/);
});

test('a common password is refused beside the field, with the reason, and what was typed is kept', async ({ page }) => {
	const email = uniqueEmail('weak');
	await page.goto('/signup');
	await page.getByLabel('Naam', { exact: false }).first().fill('Robin');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Ik ben 18 jaar of ouder.').check();
	await page.getByLabel(/Ik geef uitdrukkelijk toestemming/).check();
	const password = page.getByLabel('Wachtwoord', { exact: false }).first();
	await password.fill('password12');
	await password.press('Enter');
	await expect(page.getByText('Dit wachtwoord staat op de lijsten die inbrekers als eerste proberen', { exact: false })).toBeVisible();
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await expectAccessible(page);
});

test('locked out after five wrong passwords, a reset lets the owner straight back in', async ({ page }) => {
	const email = uniqueEmail('locked');
	await signUpInto(page, { name: 'Jesse', email, role: 'hurt' });
	await page.context().clearCookies();
	for (let i = 0; i < 5; i++) {
		await signIn(page, email, `not my password ${i}`);
		await expect(page.getByRole('alert')).toBeVisible();
	}
	await signIn(page, email);
	await expect(page.getByRole('alert')).toContainText('kies een nieuw wachtwoord');
	await expect(page.getByRole('alert')).toContainText(/over \d+ minuten? opnieuw/);

	await page.goto('/forgot-password');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('E-mailadres').press('Enter');
	await expect(page.getByRole('status')).toBeVisible();
	const link = await linkFromOutbox(email, /http:\/\/[^\s"<>]+\/reset-password\?token=[A-Za-z0-9_-]+/);
	await page.goto(link);
	await page.getByLabel('Nieuw wachtwoord').fill('an entirely fresh phrase');
	await page.getByLabel('Nieuw wachtwoord').press('Enter');
	await expect(page).toHaveURL(/\/signin\?reset=1$/);
	await signIn(page, email, 'an entirely fresh phrase');
	await expect(page).toHaveURL(/\/dashboard$/);
});
