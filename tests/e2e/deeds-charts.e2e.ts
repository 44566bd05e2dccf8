import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, screenshot } from './fixtures';
import { HttpUser } from './http-user';

/**
 * The consistency view with no data, one entry and a year of daily entries, at 390 px and
 * 1280 px, light and dark: screenshots to look at, and checks that can fail — nothing wider than
 * the screen, the calendar and the table present, the figures right, the dark colours applied.
 */
const localDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
/** The outcome recorded for the i-th day of the year. */
const outcomeOf = (i: number) => (i % 7 === 3 ? 'partly' : i % 11 === 5 ? 'not-kept' : 'kept');

/** An action answered as `use:enhance` would get it: JSON, without rendering the page. */
async function act(user: HttpUser, path: string, form: Record<string, string>) {
	const res = await user.api.post(path, { form, headers: { origin: user.baseURL, 'x-sveltekit-action': 'true', accept: 'application/json' }, maxRedirects: 0 });
	expect(res.status(), path).toBe(200);
	return (await res.json()) as { type: string; location?: string };
}

async function commitment(user: HttpUser, title: string, startsOn = '') {
	const result = await act(user, '/deeds?/create', { title, rhythm: 'daily', startsOn });
	expect(result.type).toBe('redirect');
	return /\/deeds\/commitments\/([\w-]+)/.exec(result.location!)![1];
}

async function checkIn(user: HttpUser, id: string, day: string, outcome: string) {
	expect((await act(user, `/deeds/commitments/${id}?/checkIn`, { day, outcome })).type, day).toBe('success');
}

async function expectFits(page: Page) {
	const sizes = await page.evaluate(() => {
		const svg = document.querySelector('svg.calendar')!.getBoundingClientRect();
		return { scroll: document.documentElement.scrollWidth, viewport: window.innerWidth, svgRight: svg.right, svgWidth: svg.width };
	});
	expect(sizes.scroll).toBeLessThanOrEqual(sizes.viewport);
	expect(sizes.svgRight).toBeLessThanOrEqual(sizes.viewport);
	// Legible: the calendar is never squeezed to a stamp.
	expect(sizes.svgWidth).toBeGreaterThan(250);
}

test('the consistency view fits and tells the truth with no data, one entry and a year, at 390 and 1280 px, light and dark', async ({ browser, baseURL }) => {
	// A year of check-ins through the server, then twelve page loads: slow on a busy machine.
	test.setTimeout(600_000);
	const user = await HttpUser.signUp(baseURL!, 'chart', 'repairing');
	const today = localDay(new Date());
	const start = addDays(today, -364);
	const none = await commitment(user, 'Nog niets ingevuld');
	const one = await commitment(user, 'Eén keer ingevuld');
	await checkIn(user, one, today, 'kept');
	const year = await commitment(user, 'Een jaar lang elke dag', start);
	const days = Array.from({ length: 365 }, (_, i) => addDays(start, i));
	for (let i = 0; i < days.length; i += 8) {
		await Promise.all(days.slice(i, i + 8).map((day, j) => checkIn(user, year, day, outcomeOf(i + j))));
	}
	// What the year's last 4 and 12 weeks must say.
	const tally = (from: string) => {
		const inRange = days.map((day, i) => ({ day, outcome: outcomeOf(i) })).filter((d) => d.day >= from);
		const kept = inRange.filter((d) => d.outcome === 'kept').length;
		return { due: inRange.length, kept, share: Math.round((100 * kept) / inRange.length) };
	};
	const last4 = tally(addDays(mondayOf(today), -21));
	const last12 = tally(addDays(mondayOf(today), -77));

	const context = await browser.newContext({ storageState: await user.api.storageState() });
	const page = await context.newPage();
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		for (const width of [390, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			for (const [name, id] of [['none', none], ['one', one], ['year', year]] as const) {
				await page.goto(`/deeds/commitments/${id}`);
				await expectFits(page);
				await expect(page.locator('svg.calendar g.cell')).toHaveCount(84);
				// The table sits in a disclosure; opened, it reads like the calendar.
				await page.getByText('Toon als tabel').click();
				await expect(page.getByRole('table').getByRole('row')).toHaveCount(13);
				if (name === 'none') {
					await expect(page.getByText('In de laatste 4 weken was nog niets aan de beurt.')).toBeVisible();
					await expect(page.locator('svg.calendar .fill')).toHaveCount(0);
				} else if (name === 'one') {
					await expect(page.getByText('In de laatste 4 weken: 1 van de 1 keer gelukt (100%)')).toBeVisible();
					await expect(page.locator('svg.calendar .kept')).toHaveCount(1);
				} else {
					await expect(page.getByText(`In de laatste 4 weken: ${last4.kept} van de ${last4.due} keer gelukt (${last4.share}%)`)).toBeVisible();
					await expect(page.getByText(`In de laatste 12 weken: ${last12.kept} van de ${last12.due} keer gelukt (${last12.share}%)`)).toBeVisible();
					const columns = await page.getByRole('table').getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.textContent))));
					const sum = (col: number) => columns.reduce((total, row) => total + row[col], 0);
					expect([sum(0), sum(1)]).toEqual([last12.due, last12.kept]);
				}
				const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
				expect(background, scheme).toBe(scheme === 'dark' ? 'rgb(21, 27, 26)' : 'rgb(247, 244, 238)');
				await screenshot(page, `consistency-${name}-${width}-${scheme}`);
			}
		}
		await expectAccessible(page);
	}
	await context.close();
});
