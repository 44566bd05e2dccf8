import { test, expect, expectAccessible, coachStarted, isPageScript, screenshot, signUpInto, uniqueEmail } from './fixtures';

const poor = {
	nl: 'Het spijt me als je je gekwetst voelt, maar het was maar een slippertje. Als jij meer aandacht had gegeven, was het nooit gebeurd.',
	en: "I'm sorry if you feel hurt, but it was just a kiss. You made me feel alone."
};
const good = {
	nl: 'Het spijt me dat ik met een collega naar bed ben geweest en je maandenlang heb voorgelogen. Ik heb je vertrouwen beschaamd en je veel pijn gedaan. Ik zal elke vraag eerlijk beantwoorden en het contact met haar is verbroken.',
	en: 'I am sorry that I lied to you for months and had an affair with a colleague. I hurt you deeply and broke your trust. I will answer every question honestly, and I have ended all contact.'
};

for (const lang of ['nl', 'en'] as const) {
	const en = lang === 'en';
	test(`write a poor apology, see the findings, fix it, save, reload, see the history (${lang})`, async ({ page }) => {
		await signUpInto(page, { name: 'Ruben', email: uniqueEmail(`coach-${lang}`), role: 'repairing', lang });
		await page.goto(en ? '/en/dashboard' : '/dashboard');
		await page.getByRole('link', { name: en ? 'Write an apology' : 'Excuses schrijven' }).first().click();
		await expect(page).toHaveURL(en ? /\/en\/coach$/ : /\/coach$/);
		const text = page.getByLabel(en ? 'Your apology' : 'Je excuses');
		// Live feedback: the analyser runs in the browser while typing, before anything is saved.
		await text.fill(poor[lang]);
		const feedback = page.getByRole('region', { name: 'Feedback' });
		await expect(feedback.getByText(en ? 'Conditional regret' : 'Voorwaardelijke spijt', { exact: false }).first()).toBeVisible();
		await expect(feedback.locator('.finding')).toHaveCount(7);
		await expect(page.locator('.backdrop mark').first()).toBeVisible();
		// The marks the live editor draws are styled as the server's: a tint, their text never shown twice.
		await expect(page.locator('.backdrop mark').first()).toHaveCSS('color', 'rgba(0, 0, 0, 0)');
		await expect(page.locator('.backdrop mark').first()).not.toHaveCSS('background-color', 'rgb(255, 255, 0)');
		await expectAccessible(page);
		await screenshot(page, `coach-poor-${lang}`);

		await text.fill(good[lang]);
		await expect(page.getByRole('status').filter({ hasText: en ? 'finds no pitfalls' : 'geen valkuilen' })).toBeVisible();
		await expect(feedback.locator('.finding')).toHaveCount(0);
		await page.getByRole('button', { name: en ? 'Save as draft' : 'Opslaan als ontwerp' }).click();
		await expect(page).toHaveURL(/\/coach\/drafts\/[\w-]+\?saved=1$/);
		await expect(page.getByText(en ? 'Version 1 has been saved.' : 'Versie 1 is opgeslagen.')).toBeVisible();

		await text.fill(good[lang] + (en ? ' I love you.' : ' Ik hou van je.'));
		await page.getByRole('button', { name: en ? 'Save as new version' : 'Opslaan als nieuwe versie' }).click();
		await expect(page.getByText(en ? 'Version 2 has been saved.' : 'Versie 2 is opgeslagen.')).toBeVisible();
		await page.reload();
		const history = page.getByRole('region', { name: en ? 'Versions' : 'Versies' });
		await expect(history.getByRole('listitem')).toHaveCount(2);
		await expect(page.getByLabel(en ? 'Your apology' : 'Je excuses')).toHaveValue(new RegExp(en ? 'I love you' : 'Ik hou van je'));
		await history.getByRole('link', { name: en ? 'Version 1' : 'Versie 1' }).click();
		await expect(page.getByLabel(en ? 'Your apology' : 'Je excuses')).toHaveValue(good[lang]);
		await expectAccessible(page);
		await screenshot(page, `coach-history-${lang}`);

		await page.goto(en ? '/en/coach/rules/blame-shift' : '/coach/rules/blame-shift');
		await expect(page.getByRole('heading', { level: 2, name: en ? 'Better not like this' : 'Zo liever niet' })).toBeVisible();
		await expectAccessible(page);
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('checking and saving work on the server, and bad input keeps the text', async ({ page }) => {
		await signUpInto(page, { name: 'Nina', email: uniqueEmail('nojs'), role: 'repairing' });

		await page.goto('/coach');
		await page.getByLabel('Je excuses').fill(poor.nl);
		await page.getByRole('button', { name: 'Nakijken zonder op te slaan' }).click();
		await expect(page.locator('.finding')).toHaveCount(7);
		await expect(page.getByLabel('Je excuses')).toHaveValue(poor.nl);

		await page.getByLabel('Je excuses').fill('   ');
		await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
		await expect(page.getByText('Schrijf eerst iets')).toBeVisible();

		await page.getByLabel('Je excuses').fill(good.nl);
		await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
		await expect(page.getByText('Versie 1 is opgeslagen.')).toBeVisible();
		await expect(page.getByText('De coach vindt geen valkuilen', { exact: false })).toBeVisible();
	});
});

test('a 50,000-character text gets feedback without errors, is refused on saving and kept whole; the saved count equals the live one', async ({ page }) => {
	const pageErrors: string[] = [];
	page.on('pageerror', (err) => pageErrors.push(err.name));
	await signUpInto(page, { name: 'Lotte', email: uniqueEmail('coach-paste'), role: 'repairing' });
	await page.goto('/coach');
	const text = page.getByLabel('Je excuses');
	const summary = page.locator('#coach-summary');

	const long = `${poor.nl}\n`.repeat(400).slice(0, 50_000);
	await text.fill(long);
	await expect(page.getByText('De coach kijkt alleen de eerste 20.000 tekens na', { exact: false })).toBeVisible();
	await expect(summary).toContainText('Aandachtspunten:');
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(page.getByText('Je tekst is langer dan 20.000 tekens', { exact: false }).first()).toBeVisible();
	await expect(text).toHaveValue(long);
	expect(pageErrors).toEqual([]);

	// Line breaks travel as CRLF in a form post; the saved version must still count what the writer saw.
	const multiline = poor.nl.replace('. ', '.\n\n');
	await text.fill(multiline);
	await expect(summary).toContainText('Aandachtspunten: 7');
	await page.getByRole('button', { name: 'Opslaan als ontwerp' }).click();
	await expect(page.getByText('Versie 1 is opgeslagen.')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Versies' }).getByText('aandachtspunten: 7')).toBeVisible();
	await expect(summary).toContainText('Aandachtspunten: 7');
	await expect(text).toHaveValue(multiline);
});

test('the editor downloads the analyser of its own language only, and no app script; the other one when a text is in it', async ({ page }) => {
	await signUpInto(page, { name: 'Lena', email: uniqueEmail('coach-one-language'), role: 'repairing' });
	// A pattern of each language's intimate-detail rule, as its data file holds it.
	const marker = { nl: '(haar|zijn) lichaam|lijf', en: 'been_in_bed_with|had_sex_with' };
	const coachScript = (lang: string) => (path: string) => new RegExp(`^/_app/immutable/assets/coach-${lang}\\.[\\w-]+\\.js$`).test(path);
	for (const lang of ['nl', 'en'] as const) {
		const bodies: Promise<string>[] = [];
		const paths: string[] = [];
		const listen = (response: import('@playwright/test').Response) => {
			if (response.request().resourceType() !== 'script') return;
			paths.push(new URL(response.url()).pathname);
			bodies.push(response.text().catch(() => ''));
		};
		page.on('response', listen);
		await page.goto(lang === 'en' ? '/en/coach' : '/coach');
		await coachStarted(page, lang);
		await page.waitForLoadState('networkidle');
		page.off('response', listen);
		// The page script and this language's coach: no SvelteKit client (decision 024).
		expect(paths.filter((path) => !isPageScript(path) && !coachScript(lang)(path))).toEqual([]);
		expect(paths.some(coachScript(lang))).toBe(true);
		const code = (await Promise.all(bodies)).join('\n');
		const other = lang === 'en' ? 'nl' : 'en';
		// Booleans, so that a failure names the language rather than printing every script.
		expect(code.includes(marker[lang]), `the ${lang} editor holds its own rules`).toBe(true);
		expect(code.includes(marker[other]), `the ${lang} editor holds no ${other} rules`).toBe(false);
	}

	// An English apology on the Dutch page: the English analyser comes when it is needed, and reads it.
	const later: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') later.push(new URL(request.url()).pathname);
	});
	await page.goto('/coach');
	await coachStarted(page);
	await page.getByLabel('Je excuses').fill(poor.en);
	const feedback = page.getByRole('region', { name: 'Feedback' });
	await expect(feedback.locator('.finding')).toHaveCount(7);
	await expect(feedback.locator('.finding p[lang="en"]').first()).toBeVisible();
	expect(later.some(coachScript('en'))).toBe(true);
	await expectAccessible(page);
});
