import type { Browser } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectAccessible, PHOTOS } from './fixtures';
import { HttpUser } from './http-user';

/**
 * The weekly trust chart with no data, one check-in, and a year of them beside a commitment (its
 * fourth panel), on a 390 px phone and a 1280 px screen, light and dark: screenshots to look at,
 * and assertions that fail when the page overflows sideways, an axis label is cut off, or the SVG
 * and its table do not carry the right figures (the screenshots only where photos are taken: see
 * PHOTOS in fixtures.ts).
 */

/** How many dots each measure's panel draws (a dot is `M x,y h0` in the panel's dot path). */
const dotsPerMeasure = (svg: import('@playwright/test').Locator) =>
	svg.locator('path.dot').evaluateAll((paths) => paths.map((p) => (p.getAttribute('d') ?? '').match(/M[\d.]+,[\d.]+h0/g)?.length ?? 0));

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

async function views(browser: Browser, user: HttpUser, name: string, check: (page: import('@playwright/test').Page) => Promise<void>) {
	const context = await browser.newContext({ storageState: await user.api.storageState() });
	const page = await context.newPage();
	for (const width of [390, 1280]) {
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.setViewportSize({ width, height: 900 });
			await page.emulateMedia({ colorScheme });
			await page.goto('/en/trust');
			const chart = page.getByRole('figure', { name: 'Your average per week' });
			await chart.scrollIntoViewIfNeeded();
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow, `${name} ${width} ${colorScheme}: sideways overflow`).toBeLessThanOrEqual(0);
			const box = await chart.boundingBox();
			expect(box!.x + box!.width, `${name} ${width}: the chart fits`).toBeLessThanOrEqual(width);
			// Every axis label inside the drawing: "100%" once ran off its left edge on a phone.
			const outside = await chart.locator('svg[role="img"]').evaluateAll((svgs) =>
				svgs.flatMap((svg) => {
					const box = svg.getBoundingClientRect();
					return [...svg.querySelectorAll('text')]
						.map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
						.filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
						.map(({ text, r }) => `"${text}" from ${r.left.toFixed(1)} px, the drawing from ${box.left.toFixed(1)} px`);
				})
			);
			expect(outside, `${name} ${width}: labels cut off`).toEqual([]);
			await check(page);
			if (width === 390 && colorScheme === 'dark' && name === 'year') {
				// From the top, as every other page is checked: scrolled to the chart, the form's button
				// sits under the sticky top bar and axe counts it as a target too small to tap.
				await page.evaluate(() => window.scrollTo(0, 0));
				await expectAccessible(page);
			}
			// The chart itself, not the whole page: what is looked at, and cheap on a busy machine.
			if (!PHOTOS) continue;
			mkdirSync(join('test-results', 'screenshots'), { recursive: true });
			await chart.screenshot({ path: join('test-results', 'screenshots', `trust-chart-${name}-${width}-${colorScheme}.png`) });
		}
	}
	await context.close();
}

test('the weekly chart with no data, one point and a year, at 390 and 1280 px, light and dark', async ({ browser, baseURL }) => {
	test.setTimeout(360_000);
	const user = await HttpUser.signUp(baseURL!, 'chart', 'hurt');
	const checkin = async (daysAgo: number, trust: number, safety = 5, connection = 6) => {
		// As use:enhance posts it (JSON back, no page rendered), so a year of data is quick to make.
		const res = await user.api.post('/en/trust?/checkin', {
			form: { day: day(daysAgo), trust: String(trust), safety: String(safety), connection: String(connection) },
			headers: { origin: baseURL!, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		expect(await res.json()).toMatchObject({ type: 'success' });
	};

	await views(browser, user, 'none', async (page) => {
		await expect(page.getByText('No figures yet. Once a check-in is filled in, the weeks show here.').first()).toBeVisible();
		await expect(page.locator('figure svg')).toHaveCount(0);
	});

	await checkin(0, 3, 4, 5);
	await views(browser, user, 'one', async (page) => {
		const chart = page.getByRole('figure', { name: 'Your average per week' });
		const svg = chart.locator('svg[role="img"]');
		await expect(svg).toHaveAttribute('data-weeks', '1');
		// One dot per measure: each measure's dots are one path, a move and a zero-length segment each.
		expect(await dotsPerMeasure(svg)).toEqual([1, 1, 1]);
		await expect(svg).toHaveAttribute('aria-label', /trust 3, safety 4, connection 5/);
		await expect(chart.getByRole('row')).toHaveCount(2);
		await expect(chart.getByRole('row').nth(1).getByRole('cell')).toHaveText(['1', '3', '4', '5']);
	});

	// A year: one check-in a week, plus two more on the day of the week-1 check-in, so that week
	// averages 1, 7 and 8 to 5.3 whatever weekday the suite runs on (the check-ins are 7 days apart,
	// so no two other ones share a week; two days ago would on a Tuesday share a week with day 8).
	const points: [number, number][] = [[0, 3]];
	for (let week = 51; week >= 1; week--) points.push([week * 7 + 1, week % 11]);
	points.push([8, 7], [8, 8]);
	for (const [daysAgo, trust] of points.slice(1)) await checkin(daysAgo, trust);
	const monday = (d: string) => {
		const date = new Date(`${d}T00:00:00Z`);
		date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
		return date.toISOString().slice(0, 10);
	};
	const byWeek = new Map<string, number[]>();
	for (const [daysAgo, trust] of points) byWeek.set(monday(day(daysAgo)), [...(byWeek.get(monday(day(daysAgo))) ?? []), trust]);
	const expected: string[] = [];
	for (let w = new Date(`${monday(day(0))}T00:00:00Z`), i = 0; i < 52; i++, w.setUTCDate(w.getUTCDate() - 7)) {
		const values = byWeek.get(w.toISOString().slice(0, 10));
		const first = [...byWeek.keys()].sort()[0];
		if (w.toISOString().slice(0, 10) < first) break;
		expected.push(values ? String(Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10) : '–');
	}
	// A commitment with nothing recorded since a week ago: the chart's fourth panel, from 0% to 100%.
	await user.createAndGetId('/en/deeds?/create', { title: 'A message every day', rhythm: 'daily', startsOn: day(7) }, /\/deeds\/commitments\/([\w-]+)/);
	await views(browser, user, 'year', async (page) => {
		const chart = page.getByRole('figure', { name: 'Your average per week' });
		const svg = chart.locator('svg[role="img"]');
		await expect(svg).toHaveAttribute('data-weeks', String(expected.length));
		expect(expected.length).toBeGreaterThanOrEqual(51);
		expect(expected).toContain('5.3');
		await expect(chart.getByRole('row')).toHaveCount(expected.length + 1);
		expect(await chart.locator('tbody td:nth-child(3)').allTextContents()).toEqual(expected);
		const withFigures = expected.filter((v) => v !== '–').length;
		expect(await dotsPerMeasure(svg)).toEqual([withFigures, withFigures, withFigures]);
		await expect(svg.getByText('100%')).toHaveCount(1);
		await expect(svg.locator('path.bar')).toHaveAttribute('d', /^M[\d.]+,[\d.]+h[\d.]+v[\d.]+h-[\d.]+z/);
		const svgBox = await svg.boundingBox();
		expect(svgBox!.width).toBeGreaterThan(250);
	});
});
