import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, formCouple, reopen } from './fixtures';

/**
 * Issue 11, items 4–6 with two real partners in two browser contexts: the decision together or
 * apart (revealed only after the second choice), the trigger kit, and the impact and restitution
 * letters.
 */

/** Clicks a submit button and waits until the server has stored what it posted. */
async function submit(page: Page, button: string | RegExp, action: string) {
	const done = page.waitForResponse((res) => res.url().includes(`?/${action}`) && res.request().method() === 'POST');
	await page.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
	expect((await done).status()).toBeLessThan(400);
}

/** The page's HTML and its data as the client router would fetch it, both straight from the server. */
async function whatTheServerSends(page: Page, path: string) {
	const html = await (await page.request.get(path)).text();
	const data = await (await page.request.get(`${path}/__data.json`)).text();
	return { html, data };
}

test('together or apart: each chooses privately, and both choices are shown only after the second', async ({ browser }) => {
	test.setTimeout(180_000);
	const { a, b } = await formCouple(browser, 'hard');

	await a.goto('/decision', { waitUntil: 'networkidle' });
	await expectAccessible(a);
	await a.getByRole('radio', { name: /Er samen aan werken/ }).check();
	await a.getByLabel('Waarom, in een paar zinnen').fill('ADA-WHY: ik wil er zes maanden helemaal voor gaan.');
	await submit(a, 'Mijn keuze bewaren', 'choose');
	await expect(a.getByText('Je keuze is bewaard. Ze blijft privé tot je partner ook gekozen heeft.')).toBeVisible();

	// Before the second choice: neither page, nor its data, says anything of the other's choice.
	const bBefore = await whatTheServerSends(b, '/decision');
	for (const text of [bBefore.html, bBefore.data]) {
		expect(text).not.toContain('ADA-WHY');
		expect(text).not.toContain('Jullie keuzes');
	}
	expect(bBefore.data).not.toContain('together');
	// The page's own data node (devalue: the first entry holds indexes into the list).
	const node = (JSON.parse(bBefore.data) as { nodes: { data: unknown[] }[] }).nodes.at(-1)!.data;
	expect(node[(node[0] as { partner: number }).partner]).toBeNull();
	const aBefore = await whatTheServerSends(a, '/decision');
	expect(aBefore.html).toContain('ADA-WHY');
	for (const text of [aBefore.html, aBefore.data]) {
		expect(text).not.toContain('BO-WHY');
		expect(text).not.toContain('Jullie keuzes');
	}
	expect(aBefore.data).not.toContain('apart');

	await b.goto('/decision', { waitUntil: 'networkidle' });
	await b.getByRole('radio', { name: /Zorgvuldig uit elkaar gaan/ }).check();
	await b.getByLabel('Waarom, in een paar zinnen').fill('BO-WHY: ik kan het vertrouwen niet terugvinden.');
	await submit(b, 'Mijn keuze bewaren', 'choose');

	// The second choice reveals both, to both.
	const revealed = b.getByRole('region', { name: 'Jullie keuzes' });
	await expect(revealed.getByText('ADA-WHY')).toBeVisible();
	await expect(revealed.getByText('BO-WHY')).toBeVisible();
	await expect(b.getByText(/Jullie kozen verschillend/)).toBeVisible();
	await reopen(a);
	await expect(a.getByRole('region', { name: 'Jullie keuzes' }).getByText('BO-WHY')).toBeVisible();
	await expect(a.getByText(/Opnieuw bekijken op/)).toBeVisible();
	await expectAccessible(a);

	// "Part carefully" opens our own short guide.
	await b.getByRole('link', { name: 'Lees de teksten over zorgvuldig uit elkaar gaan' }).click();
	await expect(b.getByRole('heading', { level: 1, name: 'Zorgvuldig uit elkaar gaan' })).toBeVisible();
	await expect(b.getByRole('heading', { name: 'Kinderen' })).toBeVisible();
	await expectAccessible(b);
});
