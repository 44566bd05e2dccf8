import { test, expect, expectAccessible } from './fixtures';

/**
 * The check every journey leans on must itself catch what it is there for: a page with a
 * nameless button and an unlabelled field fails it, naming both, and the bars it lifts out of
 * the way for the check are back in place afterwards, also when the check fails.
 */
test('the accessibility check fails on a nameless button and an unlabelled field, and leaves the page as it was', async ({ page }) => {
	await page.goto('/privacy');
	await expectAccessible(page);
	const barPosition = () => page.locator('.topbar').evaluate((el) => getComputedStyle(el).position);
	const before = await barPosition();

	await page.evaluate(() => {
		const main = document.querySelector('main')!;
		main.insertAdjacentHTML('afterbegin', '<button type="button"></button><input type="text">');
	});
	const failure = await expectAccessible(page).then(
		() => null,
		(err: Error) => err.message
	);
	expect(failure).toContain('button-name');
	expect(failure).toContain('label');
	expect(await barPosition()).toBe(before);
});
