import type { Browser, Page } from '@playwright/test';
import { test, expect, expectAccessible, screenshot } from './fixtures';
import { HttpUser } from './http-user';

/** A browser page signed in as `user` (the session cookie of its HTTP context). */
async function pageOf(browser: Browser, user: HttpUser): Promise<Page> {
	const context = await browser.newContext({ storageState: await user.api.storageState() });
	return context.newPage();
}

async function open(page: Page, path: string) {
	await page.goto(path, { waitUntil: 'networkidle' });
}

/** Clicks a form's button and waits until its POST has been answered (so the other browser reads what was stored). */
async function submit(page: Page, button: ReturnType<Page['getByRole']>) {
	const answered = page.waitForResponse((res) => res.request().method() === 'POST');
	await button.click();
	await answered;
}

test('wish → commitment "asked for" → check-in → "I noticed" → consistency, for two partners', async ({ browser, baseURL }) => {
	// Two browsers, many steps, each checked with axe: long on a busy machine.
	test.setTimeout(300_000);
	const ada = await HttpUser.signUp(baseURL!, 'ada', 'repairing');
	const bea = await HttpUser.signUp(baseURL!, 'bea', 'hurt');
	await bea.accept(await ada.inviteLink());
	const a = await pageOf(browser, ada);
	const b = await pageOf(browser, bea);
	const wish = 'Een berichtje als je later thuiskomt dan gezegd';

	// The hurt partner writes a small everyday wish and shares it.
	await open(b, '/deeds/wishes');
	await expectAccessible(b);
	await b.getByRole('radio', { name: /Klein en dagelijks/ }).check();
	await b.getByRole('textbox', { name: /^Mijn wens/ }).fill(wish);
	await b.getByRole('checkbox', { name: 'Meteen delen met mijn partner' }).check();
	await submit(b, b.getByRole('button', { name: 'Wens bewaren' }));
	await expect(b.getByText(wish, { exact: true })).toBeVisible();
	await expect(b.getByText('Je partner heeft nog niet geantwoord.')).toBeVisible();

	// The repairing partner sees it waiting on the home page and makes it a commitment.
	await open(a, '/dashboard');
	await a.getByRole('link', { name: 'Wensen van je partner die op je antwoord wachten: 1' }).click();
	await expect(a.getByText(wish, { exact: true })).toBeVisible();
	await expectAccessible(a);
	await a.getByRole('link', { name: /^Ik maak hier een afspraak van\s*: Een berichtje/ }).click();
	await a.waitForLoadState('networkidle');
	await expect(a.getByLabel('Wat ga je doen?')).toHaveValue(wish);
	await a.getByRole('radio', { name: 'Elke dag' }).check();
	await expect(a.getByRole('checkbox', { name: 'Laat mijn partner deze afspraak zien' })).toBeChecked();
	await expectAccessible(a);
	await a.getByRole('button', { name: 'Afspraak maken' }).click();
	await expect(a).toHaveURL(/\/deeds\/commitments\/[\w-]+$/);
	const commitmentPath = new URL(a.url()).pathname;
	await expect(a.getByText('Je partner vroeg hierom')).toBeVisible();

	// Today's check-in, with a note.
	await a.waitForLoadState('networkidle');
	await a.getByRole('radio', { name: 'Gelukt', exact: true }).check();
	await a.getByLabel('Notitie (niet verplicht)').fill('Om half zes een berichtje gestuurd.');
	await submit(a, a.getByRole('button', { name: 'Bewaren', exact: true }));
	const recent = a.getByRole('region', { name: 'Laatste check-ins' });
	await expect(recent.getByText('vandaag: Gelukt')).toBeVisible();
	await expect(a.getByText('In de laatste 4 weken: 1 van de 1 keer gelukt (100%)')).toBeVisible();
	await expectAccessible(a);

	// The hurt partner sees the mark, says they noticed, and comments.
	await open(b, '/deeds');
	await b.getByRole('link', { name: wish }).click();
	await b.waitForLoadState('networkidle');
	await expect(b.getByText('Jij vroeg hierom')).toBeVisible();
	await submit(b, b.getByRole('button', { name: /^Ik merkte het\s*: vandaag/ }));
	await expect(b.getByRole('region', { name: 'Laatste check-ins' }).getByText('ik merkte het', { exact: true })).toBeVisible();
	await b.getByLabel('Reageren').fill('Dank je, dat hielp echt.');
	await submit(b, b.getByRole('button', { name: 'Reactie plaatsen' }));
	await expect(b.getByText('Dank je, dat hielp echt.')).toBeVisible();
	await expectAccessible(b);
	await screenshot(b, 'deeds-commitment-partner-nl');

	// The repairing partner sees both; the table says the same as the calendar.
	await open(a, commitmentPath);
	await expect(a.getByRole('region', { name: 'Laatste check-ins' }).getByText('je partner merkte het')).toBeVisible();
	await expect(a.getByText('Dank je, dat hielp echt.')).toBeVisible();
	await a.getByText('Toon als tabel').click();
	const lastWeek = a.getByRole('table').getByRole('row').last();
	await expect(lastWeek.getByRole('cell')).toHaveText(['1', '1', '0', '0', '1']);

	// The wish shows the answer; the mark survives a change of the commitment.
	await open(b, '/deeds/wishes');
	await expect(b.getByText('Antwoord van je partner: Ik maak hier een afspraak van')).toBeVisible();
	await a.getByText('Aanpassen', { exact: true }).click();
	await a.getByLabel('Wat ga je doen?').fill('Een berichtje sturen als ik later ben');
	await a.getByLabel('Waarom pas je het aan? (niet verplicht)').fill('Korter');
	await submit(a, a.getByRole('button', { name: 'Wijziging bewaren' }));
	await open(a, commitmentPath);
	await expect(a.getByRole('heading', { level: 1 })).toHaveText('Een berichtje sturen als ik later ben');
	await expect(a.getByText('Je partner vroeg hierom')).toBeVisible();

	// English, for the partner.
	await open(b, `/en${commitmentPath}`);
	await expect(b.getByText('You asked for this')).toBeVisible();
	await expect(b.getByText('In the last 4 weeks: kept 1 of 1 times (100%)')).toBeVisible();
	await expectAccessible(b);
	await b.context().close();
	await a.context().close();
});

test('solo: a commitment from a suggestion, a check-in, and a private wish (en)', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const sol = await HttpUser.signUp(baseURL!, 'sol', 'repairing');
	const page = await pageOf(browser, sol);
	await open(page, '/en/deeds');
	await expect(page.getByText('You have no commitments yet.', { exact: false })).toBeVisible();
	await page.getByRole('link', { name: 'One hour a week for the two of us: talking or walking, no phones' }).click();
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('radio', { name: 'Once a week' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: /Show this commitment/ })).toHaveCount(0);
	await page.getByRole('button', { name: 'Make commitment' }).click();
	await expect(page).toHaveURL(/\/en\/deeds\/commitments\/[\w-]+$/);
	await page.waitForLoadState('networkidle');
	await page.getByRole('radio', { name: 'Partly kept' }).check();
	await submit(page, page.getByRole('button', { name: 'Save', exact: true }));
	await expect(page.getByRole('region', { name: 'Latest check-ins' }).getByText(/week of .*: Partly kept/)).toBeVisible();
	await expectAccessible(page);

	await page.context().close();

	// Someone hurt, on their own: wishes stay private.
	const solo = await HttpUser.signUp(baseURL!, 'sia', 'hurt');
	const hurtPage = await pageOf(browser, solo);
	await wishSolo(hurtPage);
});

async function wishSolo(page: Page) {
	await open(page, '/en/deeds/wishes');
	await expect(page.getByText('As long as you are on your own, your wishes stay with you.')).toBeVisible();
	await page.getByRole('textbox', { name: /^My wish/ }).fill('A quiet evening without screens');
	await submit(page, page.getByRole('button', { name: 'Save wish' }));
	await expect(page.getByText('A quiet evening without screens', { exact: true })).toBeVisible();
	await expect(page.getByText('private', { exact: true })).toBeVisible();
	await expectAccessible(page);
	await page.context().close();
}
