import type { Browser, Page } from '@playwright/test';
import { test, expect, expectAccessible, formCouple } from './fixtures';

/**
 * Issue 10, the trust area with two real partners: trust check-ins → shared → the partner's weekly
 * trend; a contact-log entry → a question → the answer under it; memories by both, one hidden; and
 * a safety check that signals risk, which closes transparency for the couple and tells the partner
 * nothing (their page and its __data.json are the same as before the check).
 */

type Lang = 'nl' | 'en';

const couple = (browser: Browser, lang: Lang) => formCouple(browser, 'trust', { lang, names: { a: 'Ari', b: 'Bente' } });

/** Clicks a submit button and waits until the POST it sends is answered (the other browser reads next). */
async function submit(page: Page, button: ReturnType<Page['getByRole']>, action: string) {
	const answered = page.waitForResponse((res) => res.url().includes(`?/${action}`) && res.request().method() === 'POST');
	await button.click();
	expect((await answered).status()).toBeLessThan(400);
}

test('trust check-in shared → the partner’s weekly trend; contact log → question → answer; memories by both (nl)', async ({ browser }) => {
	test.setTimeout(300_000);
	const { a, b } = await couple(browser, 'nl');

	// The hurt partner checks in and shares it.
	await b.goto('/trust', { waitUntil: 'networkidle' });
	await expect(b.getByText('Eén dag zegt weinig. Wat telt, is hoe het over weken heen gaat.')).toBeVisible();
	await b.getByRole('spinbutton', { name: /^Vertrouwen/ }).fill('4');
	await b.getByRole('spinbutton', { name: /^Veiligheid/ }).fill('6');
	await b.getByRole('spinbutton', { name: /^Verbinding/ }).fill('3');
	await b.getByLabel('Wat hielp').fill('Dat je uit jezelf vertelde waar je was.');
	await b.getByLabel('Deel dit moment met mijn partner').check();
	await submit(b, b.getByRole('button', { name: 'Bewaren', exact: true }), 'checkin');
	await expect(b.getByText('Je moment is bewaard.')).toBeVisible();
	await expect(b.getByText(/· gedeeld met je partner$/)).toBeVisible();
	await expectAccessible(b);

	// The repairing partner sees the week, in the chart and in its table, and the words.
	await a.goto('/trust');
	const trend = a.getByRole('figure', { name: 'Gemiddelde per week, uit wat je partner deelde' });
	await expect(trend.locator('svg[role="img"]')).toHaveAttribute('data-weeks', '1');
	const row = trend.getByRole('row').nth(1);
	await expect(row.getByRole('cell')).toHaveText(['1', '4', '6', '3']);
	await expect(a.getByText('Dat je uit jezelf vertelde waar je was.')).toBeVisible();
	// Hope and strain stay with the repairing partner.
	await a.getByRole('spinbutton', { name: /^Hoop/ }).fill('7');
	await a.getByRole('spinbutton', { name: /^Spanning/ }).fill('8');
	await submit(a, a.getByRole('button', { name: 'Bewaren voor mezelf' }), 'rateSelf');
	await expect(a.getByText('Bewaard. Alleen jij ziet dit.')).toBeVisible();
	await expectAccessible(a);
	await b.goto('/trust');
	await expect(b.getByText('Jouw hoop en spanning')).toHaveCount(0);

	// Contact log: said plainly before the first entry, then written, questioned and answered.
	await a.goto('/trust/contact', { waitUntil: 'networkidle' });
	await expect(a.getByText(/Alles wat je hier opschrijft, ziet je partner/)).toBeVisible();
	await expect(a.getByText(/Schrijf geen naam, telefoonnummer of foto/)).toBeVisible();
	await a.getByRole('radio', { name: 'Bericht' }).check();
	await a.getByRole('radio', { name: 'De andere persoon' }).check();
	await a.getByRole('radio', { name: 'Niet gepland' }).check();
	await a.getByLabel('Waarom').fill('Een vraag over een oud project.');
	await a.getByLabel('Wat er gezegd werd').fill('Ik heb gezegd dat ik niet meer antwoord.');
	await submit(a, a.getByRole('button', { name: 'Opschrijven' }).last(), 'contact');
	await expect(a.getByText('Opgeschreven.')).toBeVisible();
	await expectAccessible(a);

	await b.goto('/trust/contact', { waitUntil: 'networkidle' });
	await expect(b.getByText('Ik heb gezegd dat ik niet meer antwoord.')).toBeVisible();
	await b.getByLabel(/Een vraag over/).fill('Heb je daarna nog iets gehoord?');
	await submit(b, b.getByRole('button', { name: 'Vraag stellen' }), 'ask');
	await expect(b.getByText('Nog niet beantwoord.')).toBeVisible();

	await a.goto('/trust/contact', { waitUntil: 'networkidle' });
	await a.getByLabel('Jouw antwoord').fill('Nee, niets meer.');
	await submit(a, a.getByRole('button', { name: 'Antwoorden' }), 'answer');
	await b.goto('/trust/contact');
	const thread = b.getByRole('list', { name: /Vragen bij/ });
	await expect(thread.getByText('Heb je daarna nog iets gehoord?')).toBeVisible();
	await expect(thread.getByText('Nee, niets meer.')).toBeVisible();
	await expectAccessible(b);

	// Memories by both; one hidden by its writer is gone for the partner.
	for (const [page, text] of [[a, 'Samen gewandeld langs het water.'], [b, 'Je bracht koffie zonder dat ik het vroeg.']] as const) {
		await page.goto('/trust/memories', { waitUntil: 'networkidle' });
		await page.getByLabel('Wat was er goed?').fill(text);
		await page.getByLabel(/Hoe voelde het/).selectOption({ label: 'Dankbaar' });
		await submit(page, page.getByRole('button', { name: 'Toevoegen' }), 'add');
	}
	await a.goto('/trust/memories');
	await expect(a.getByText('Je bracht koffie zonder dat ik het vroeg.')).toBeVisible();
	await expect(a.getByText('Samen gewandeld langs het water.')).toBeVisible();
	await expectAccessible(a);
	await b.goto('/trust/memories', { waitUntil: 'networkidle' });
	await submit(b, b.getByRole('button', { name: /^Verbergen/ }), 'hide');
	await expect(b.getByText('verborgen voor je partner')).toBeVisible();
	await a.goto('/trust/memories');
	await expect(a.getByText('Samen gewandeld langs het water.')).toBeVisible();
	await expect(a.getByText('Je bracht koffie zonder dat ik het vroeg.')).toHaveCount(0);
});

test('a safety check that signals risk closes transparency for the couple and tells the partner nothing (en)', async ({ browser }) => {
	test.setTimeout(300_000);
	const { a, b } = await couple(browser, 'en');
	const answer = async (page: Page, afraid: 'No' | 'Yes') => {
		await page.goto('/en/trust/transparency');
		for (const group of ['Are you afraid of your partner?', /decide what you do/, /threatened you/, /hurt you/]) {
			await page.getByRole('group', { name: group }).getByRole('radio', { name: group === 'Are you afraid of your partner?' ? afraid : 'No', exact: true }).check();
		}
		await submit(page, page.getByRole('button', { name: 'Done' }), 'safety');
	};
	const partnerView = async () => {
		const html = await (await a.request.get('/en/trust/transparency')).text();
		const data = (await (await a.request.get('/en/trust/transparency/__data.json')).text()).replace(/"[A-Za-z0-9_-]{40,}"/g, '"KEY"');
		return { html: html.replace(/[A-Za-z0-9_-]{40,}/g, 'KEY').replace(/nonce="[^"]*"/g, '').replace(/nonce-[A-Za-z0-9+/=]+/g, ''), data };
	};

	await answer(a, 'No');
	await expect(a.getByText('The transparency tools are not available to the two of you now.', { exact: false })).toBeVisible();
	const before = await partnerView();

	// The hurt partner answers "yes": help lines and why, for them alone.
	await answer(b, 'Yes');
	await expect(b.getByRole('heading', { name: 'Your safety comes first' })).toBeVisible();
	await expect(b.getByText('National Domestic Abuse Helpline', { exact: false })).toBeVisible();
	await expect(b.getByRole('link', { name: /More help lines/ })).toBeVisible();
	await expect(b.getByRole('button', { name: 'Offer' })).toHaveCount(0);
	await expect(b.getByRole('button', { name: 'Ask' })).toHaveCount(0);
	await expectAccessible(b);

	// The partner's page and its data are exactly what they were before: nothing says why
	// (their own "do the check again" form is the only place the questions appear).
	const after = await partnerView();
	expect(after.data).toBe(before.data);
	expect(after.html).toBe(before.html);
	for (const leak of ['own-risk', 'signalsRisk', 'safety comes first', 'Helpline', 'not feel safe']) {
		expect(after.html).not.toContain(leak);
		expect(after.data).not.toContain(leak);
	}
	await a.goto('/en/trust/transparency');
	await expect(a.getByRole('button', { name: 'Offer' })).toHaveCount(0);
	await expectAccessible(a);
	const refused = await a.request.post('/en/trust/transparency?/offer', {
		form: { kind: 'shared-calendar', boundaries: 'work days', endsOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) },
		headers: { origin: new URL(a.url()).origin, accept: 'text/html' }
	});
	expect(refused.status()).toBe(409);

	// Once the hurt partner's own check allows it, agreements can be made, with boundaries and an end.
	await b.getByText('Do the safety check again').click();
	for (const group of ['Are you afraid of your partner?', /decide what you do/, /threatened you/, /hurt you/]) {
		await b.getByRole('group', { name: group }).getByRole('radio', { name: 'No', exact: true }).check();
	}
	await submit(b, b.getByRole('button', { name: 'Save again' }), 'safety');
	await a.goto('/en/trust/transparency', { waitUntil: 'networkidle' });
	await a.getByRole('radio', { name: 'Shared calendar' }).check();
	await a.getByLabel(/^Boundaries/).fill('Work appointments only; no reading of messages.');
	await a.getByLabel(/^Until/).fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
	await submit(a, a.getByRole('button', { name: 'Offer', exact: true }), 'offer');
	await b.goto('/en/trust/transparency');
	await expect(b.getByText('Work appointments only; no reading of messages.')).toBeVisible();
	await expect(b.getByText('Herstelpad only records agreements. It never looks into a phone or any other device.')).toBeVisible();
	await expectAccessible(b);
});
