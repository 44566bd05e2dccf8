import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, screenshot, formCouple, reopen } from './fixtures';

/**
 * Issue 11, items 1–3 ("Talking it through"), with two real partners in two browsers: an
 * agreement proposed and accepted; the honest account written, sent through the letterbox and
 * opened; an addition marked "added later" with its reason and seen as such; a question asked,
 * "I need time", and answered.
 */

/** Clicks and waits until the form's POST is answered, so the other browser reads what it stored. */
async function submit(page: Page, action: string, button: string) {
	const answered = page.waitForResponse((res) => res.url().includes(`?/${action}`) && res.request().method() === 'POST');
	await page.getByRole('button', { name: button, exact: true }).click();
	expect((await answered).status()).toBeLessThan(400);
}

test('agree first, one honest account with an addition marked as later, and a question answered after asking for time', async ({ browser }) => {
	test.setTimeout(240_000);
	const { a, b } = await formCouple(browser, 'talk');

	// 1. Agreements: Ada proposes, Bo accepts.
	await a.goto('/talk/agreements', { waitUntil: 'networkidle' });
	await a.getByRole('radio', { name: /Feiten en gevoelens/ }).check();
	await a.getByRole('radio', { name: /Elke dag een vast moment/ }).check();
	await a.getByLabel('Hoe lang (minuten)').fill('30');
	await a.getByLabel('Hoe laat (mag leeg)').fill('20:00');
	await a.getByLabel('Time-outwoord').fill('oranje');
	await submit(a, 'propose', 'Voorstel aan Bo geven');
	await expect(a.getByText('Je voorstel staat klaar voor je partner.')).toBeVisible();
	await expect(a.getByRole('heading', { name: 'Jouw voorstel' })).toBeVisible();

	await b.goto('/talk', { waitUntil: 'networkidle' });
	await expect(b.getByText('Je partner heeft een voorstel gedaan.')).toBeVisible();
	await b.getByRole('link', { name: /Afspraken/ }).click();
	await expect(b.getByRole('heading', { name: 'Voorstel van Ada' })).toBeVisible();
	await expectAccessible(b);
	await submit(b, 'accept', 'Voorstel aanvaarden');
	await expect(b.getByText('Aanvaard. Dit is nu wat jullie afgesproken hebben.')).toBeVisible();
	const holds = b.getByRole('region', { name: 'Wat nu geldt' });
	await expect(holds.getByText('Elke dag 30 minuten om 20:00')).toBeVisible();
	await expect(holds.getByText('oranje')).toBeVisible();

	// 2. The account: written as entries, sent as a whole.
	await a.goto('/talk/account', { waitUntil: 'networkidle' });
	await expect(a.getByText('Feiten en gevoelens')).toBeVisible();
	await a.getByLabel('Datum (of begin van de periode)').fill('2025-03-01');
	await a.getByLabel('Einde van de periode (mag leeg)').fill('2025-06-30');
	await a.getByLabel('Wat er gebeurde').fill('ACCOUNT-ONE: het begon op mijn werk en ik heb het voor je verborgen.');
	await submit(a, 'add', 'Toevoegen');
	await expect(a.getByText('Toegevoegd. Niemand ziet het tot je het hele verhaal verstuurt.')).toBeVisible();
	await expect(a.getByText('ACCOUNT-ONE')).toBeVisible();
	await expectAccessible(a);
	await a.getByLabel(/Ik heb alles opgeschreven wat ik weet/).check();
	await submit(a, 'send', 'Verhaal versturen');
	await expect(a.getByText('Je verhaal ligt in de brievenbus van je partner.')).toBeVisible();
	await expect(a.getByText('Afgeleverd', { exact: true })).toBeVisible();

	// Bo finds it in the letterbox and opens it there; it is read on its own page.
	await b.goto('/together/letterbox', { waitUntil: 'networkidle' });
	await expect(b.getByText('Het eerlijke verhaal', { exact: true })).toBeVisible();
	await b.getByRole('button', { name: 'Openen', exact: true }).click();
	await expect(b).toHaveURL(/\/talk\/account$/);
	await expect(b.getByText('ACCOUNT-ONE')).toBeVisible();
	await expect(b.getByText('1 maart 2025 – 30 juni 2025')).toBeVisible();

	// After sending: nothing changes silently. An addition, with its reason, corrects the entry.
	await reopen(a, { waitUntil: 'networkidle' });
	await expect(a.getByRole('button', { name: /Aanpassen|Weghalen/ })).toHaveCount(0);
	const later = a.getByRole('region', { name: 'Iets later toevoegen' });
	await later.getByLabel('Datum (of begin van de periode)').fill('2025-02-10');
	await later.getByLabel(/Ongeveer/).check();
	await later.getByLabel('Wat er gebeurde').fill('ADDITION-ONE: het begon al in februari, en de seks was toen al begonnen.');
	await later.getByLabel('Waarom komt dit nu pas?').fill('REASON-ONE: ik schaamde me om het te zeggen.');
	await later.getByLabel(/Verbetert dit iets/).selectOption({ index: 1 });
	await submit(a, 'addLater', 'Aanvulling versturen');
	await expect(a.getByText('Je aanvulling ligt in de brievenbus van je partner.')).toBeVisible();
	// The coach's intimate-detail rule: a gentle word after saving, never a block.
	await expect(a.getByText(/De coach zag misschien een intiem detail/)).toBeVisible();

	await reopen(b, { waitUntil: 'networkidle' });
	const addition = b.getByRole('listitem').filter({ hasText: 'REASON-ONE' });
	await expect(addition.getByText('Later toegevoegd')).toBeVisible();
	await expect(addition.getByText('Dit verbetert wat er stond bij 1 maart 2025 – 30 juni 2025.')).toBeVisible();
	await expect(addition.getByText('rond 10 februari 2025')).toBeVisible();
	await expect(b.getByText('ADDITION-ONE')).toHaveCount(0);
	await expect(b.getByText(/Hierop kwam later een verbetering/)).toBeVisible();
	await addition.getByRole('button', { name: 'Deze aanvulling lezen' }).click();
	await expect(b.getByText('ADDITION-ONE')).toBeVisible();
	await expectAccessible(b);
	await screenshot(b, 'talk-account-added-later');

	// 3. A question, "I need time", an answer.
	await b.goto('/talk/questions', { waitUntil: 'networkidle' });
	await expect(b.getByRole('heading', { name: 'Vragen over seksuele details' })).toBeVisible();
	await b.getByLabel('Je vraag').fill('QUESTION-ONE: wanneer heb je haar voor het laatst gezien?');
	await b.getByRole('radio', { name: 'Over de feiten' }).check();
	const asked = b.waitForURL(/\/talk\/questions\/[\w-]+\?asked=1$/);
	await b.getByRole('button', { name: 'Vraag stellen' }).click();
	await asked;
	await expect(b.getByText('Je vraag staat bij de open vragen.')).toBeVisible();
	const thread = b.url().replace(/\?asked=1$/, '');

	await a.goto('/talk/questions', { waitUntil: 'networkidle' });
	await expect(a.getByRole('heading', { name: 'Open vragen' })).toBeVisible();
	await a.getByRole('link', { name: /QUESTION-ONE/ }).click();
	await expect(a.getByRole('heading', { name: 'Bo vraagt' })).toBeVisible();
	await a.waitForLoadState('networkidle');
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	await a.getByLabel('Ik antwoord uiterlijk op').fill(tomorrow);
	await submit(a, 'needTime', 'Dit laten weten');
	await expect(a.getByText('Je partner ziet wanneer je antwoordt.')).toBeVisible();
	await expectAccessible(a);

	await b.goto(thread, { waitUntil: 'networkidle' });
	await expect(b.getByText(/Je partner heeft gezegd uiterlijk .* te antwoorden\./)).toBeVisible();
	await b.goto('/talk/questions');
	await expect(b.getByRole('link', { name: /QUESTION-ONE/ })).toContainText('Antwoord uiterlijk');

	await a.getByLabel('Je antwoord').fill('ANSWER-ONE: in augustus, en sindsdien niet meer.');
	await submit(a, 'reply', 'Antwoord geven');
	await expect(a.getByText('Bewaard en zichtbaar voor jullie allebei.')).toBeVisible();

	await b.goto(thread, { waitUntil: 'networkidle' });
	await expect(b.getByText('ANSWER-ONE')).toBeVisible();
	await expect(b.getByText('Beantwoord', { exact: true })).toBeVisible();
	await b.goto('/talk/questions');
	await expect(b.getByRole('region', { name: 'Beantwoord' }).getByRole('link', { name: /QUESTION-ONE/ })).toBeVisible();
	await expectAccessible(b);

	// The same places in English, for someone reading them there.
	await a.goto('/en/talk/questions');
	await expect(a.getByRole('heading', { name: 'Questions about sexual details' })).toBeVisible();
	await expect(a.getByRole('link', { name: 'Talking it through' }).first()).toBeVisible();
	await expectAccessible(a);
});
