import { test, expect, expectAccessible, signUp, uniqueEmail } from './fixtures';
import { signInAsAdmin } from './admin';

test('the admin area is a 404 to everyone but an administrator, who sees numbers only', async ({ browser }) => {
	const visitor = await (await browser.newContext()).newPage();
	expect((await visitor.goto('/admin'))?.status()).toBe(404);
	await signUp(visitor, { name: 'Noor', email: uniqueEmail('not-admin'), role: 'hurt' });
	expect((await visitor.goto('/admin'))?.status()).toBe(404);
	expect((await visitor.goto('/en/admin'))?.status()).toBe(404);

	const admin = await (await browser.newContext()).newPage();
	await signInAsAdmin(admin, 'comments-admin@example.org');
	for (const prefix of ['', '/en']) {
		expect((await admin.goto(`${prefix}/admin`))?.status()).toBe(200);
		await expect(admin.getByRole('heading', { level: 1 })).toHaveText(prefix ? 'Administration' : 'Beheer');
		await expect(admin.getByRole('definition').first()).toHaveText(/^\d+$/);
		await expectAccessible(admin);
	}
});
