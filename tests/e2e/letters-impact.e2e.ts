import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, screenshot, formCouple, reopen } from './fixtures';
import { HttpUser } from './http-user';

/**
 * Issue 11, item 5 with two real partners: the hurt partner writes an impact letter in points and
 * sends it; it arrives in the repairing partner's letterbox; the restitution letter answers the
 * points in turn, shows the one still unanswered, is sent once every point has an answer, and the
 * hurt partner reads each point beside its answer.
 */

/** Clicks a submit button and waits until the server has answered the action it posts to. */
async function submit(page: Page, button: string, action: string) {
	const done = page.waitForResponse((res) => res.url().includes(`?/${action}`) && res.request().method() === 'POST');
	await page.getByRole('button', { name: button, exact: true }).click();
	expect((await done).status()).toBeLessThan(400);
}

test('impact letter → restitution letter, with a point unanswered and then answered', async ({ browser }) => {
	test.setTimeout(180_000);
	const { a, b } = await formCouple(browser, 'letters');

	// 1. Bo writes the impact letter in three points, saves a version and sends it.
	await b.goto('/talk', { waitUntil: 'networkidle' });
	await b.getByRole('link', { name: /Impactbrief: wat het met mij deed/ }).click();
	await expect(b.getByRole('heading', { level: 1, name: 'Impactbrief: wat het met mij deed' })).toBeVisible();
	await b.waitForLoadState('networkidle');
	await expectAccessible(b);
	await b.getByRole('textbox', { name: /^Punt 1/ }).fill('POINT-ONE: ik slaap slecht sinds ik het weet.');
	await b.getByRole('textbox', { name: /^Punt 2/ }).fill('POINT-TWO: ik twijfel aan wat ik zelf zag en hoorde.');
	await b.getByRole('textbox', { name: /^Punt 3/ }).fill('POINT-THREE: op feestjes voel ik me alleen.');
	await submit(b, 'Bewaren als nieuwe versie', 'save');
	await expect(b.getByText('Versie 1 is bewaard. Alleen jij ziet ze.')).toBeVisible();
	await submit(b, 'Versie 1 versturen', 'send');
	await expect(b.getByText('Je brief ligt in de brievenbus van je partner.')).toBeVisible();
	await expect(b.getByRole('region', { name: 'Versies' }).getByText('Afgeleverd')).toBeVisible();

	// 2. Ada finds it in the letterbox and opens it when she chooses: it is read beside the answers.
	await a.goto('/together/letterbox', { waitUntil: 'networkidle' });
	const item = a.getByRole('listitem').filter({ hasText: 'Impactbrief' });
	await item.getByRole('button', { name: 'Openen' }).click();
	await expect(a).toHaveURL(/\/talk\/restitution$/);
	const points = a.getByRole('complementary', { name: 'De punten van Bo' });
	await expect(points.getByText('POINT-TWO')).toBeVisible();
	await expect(points.getByText('Nog geen antwoord bij de punten 1, 2, 3.')).toBeVisible();
	await a.waitForLoadState('networkidle');
	await expectAccessible(a);

	// 3. Answers to points 1 and 3 only: point 2 shows as having no answer yet, and sending waits.
	await a.getByRole('textbox', { name: 'Je antwoord op punt 1' }).fill('ANSWER-ONE: ik heb je je rust afgenomen. Ik blijf ’s nachts bij je als je wakker ligt.');
	await a.getByRole('textbox', { name: 'Je antwoord op punt 3' }).fill('ANSWER-THREE: ik laat je op feestjes niet meer alleen staan.');
	// Offline, saving cannot work: the typed answers stay where they are, and the page says so.
	await a.context().setOffline(true);
	await a.getByRole('button', { name: 'Bewaren als nieuwe versie' }).click();
	await expect(a.getByRole('alert').filter({ hasText: 'Je bent offline' })).toBeVisible();
	await expect(a.getByRole('textbox', { name: 'Je antwoord op punt 3' })).toHaveValue(/^ANSWER-THREE/);
	await a.context().setOffline(false);
	await submit(a, 'Bewaren als nieuwe versie', 'save');
	await expect(a.getByText('Versie 1 is bewaard. Alleen jij ziet ze.')).toBeVisible();
	await expect(points.getByText('Nog geen antwoord bij punt 2.')).toBeVisible();
	await expect(points.getByRole('listitem').filter({ hasText: 'POINT-TWO' }).getByText('Nog geen antwoord')).toBeVisible();
	await expect(points.getByRole('listitem').filter({ hasText: 'POINT-ONE' }).getByText('Beantwoord')).toBeVisible();
	await expect(a.getByText(/Versturen kan zodra elk punt een antwoord heeft/)).toBeVisible();
	await expect(a.getByRole('button', { name: /versturen$/ })).toHaveCount(0);
	await screenshot(a, 'letters-restitution-unanswered');
	// On a phone the points stand above the answers; on a wide screen beside them.
	const editor = a.getByRole('region', { name: 'Jouw antwoorden' });
	expect((await points.boundingBox())!.y).toBeLessThan((await editor.boundingBox())!.y);
	const phone = a.viewportSize()!;
	await a.setViewportSize({ width: 1280, height: 900 });
	const [side, main] = [(await points.boundingBox())!, (await editor.boundingBox())!];
	expect(side.x + side.width).toBeLessThanOrEqual(main.x);
	expect(Math.abs(side.y - main.y)).toBeLessThan(80);
	await screenshot(a, 'letters-restitution-wide');
	await a.setViewportSize(phone);

	// 4. The coach reads the answers without saving; then point 2 is answered, saved and sent.
	await a.getByRole('textbox', { name: 'Je antwoord op punt 2' }).fill('ANSWER-TWO: mijn leugens deden je twijfelen aan wat je zag. Je zag het goed.');
	await submit(a, 'Nakijken met de coach', 'check');
	await expect(a.getByText('De coach heeft je antwoorden gelezen. Er is nog niets bewaard.')).toBeVisible();
	await expect(points.getByText('Elk punt heeft een antwoord.')).toBeVisible();
	await submit(a, 'Bewaren als nieuwe versie', 'save');
	await expect(a.getByText('Versie 2 is bewaard. Alleen jij ziet ze.')).toBeVisible();
	await expect(points.getByText('Nog geen antwoord')).toHaveCount(0);
	await expectAccessible(a);
	// A version that is not there (a tampered hidden field) is refused in words on the page, not silently.
	await a.locator('form[action="?/send"] input[name="number"]').evaluate((el: HTMLInputElement) => (el.value = 'x'));
	const refused = a.waitForResponse((res) => res.url().includes('?/send') && res.request().method() === 'POST');
	await a.getByRole('button', { name: 'Versie 2 versturen', exact: true }).click();
	// A plain post (decision 021): the refusal is the answer's own status.
	expect((await refused).status()).toBe(400);
	await expect(a.getByRole('alert').filter({ hasText: 'Dit bestaat niet (meer).' })).toBeVisible();
	await reopen(a, { waitUntil: 'networkidle' });
	await submit(a, 'Versie 2 versturen', 'send');
	await expect(a.getByText('Je brief ligt in de brievenbus van je partner.')).toBeVisible();

	// 5. Bo opens the restitution letter and reads each point beside its answer.
	await b.goto('/talk/impact', { waitUntil: 'networkidle' });
	await b.getByRole('button', { name: 'De herstelbrief openen' }).click();
	const received = b.getByRole('region', { name: 'Herstelbrief van Ada' });
	for (const text of ['POINT-ONE', 'ANSWER-ONE', 'POINT-TWO', 'ANSWER-TWO', 'ANSWER-THREE']) await expect(received.getByText(text)).toBeVisible();
	await b.waitForLoadState('networkidle');
	await expectAccessible(b);
	await screenshot(b, 'letters-restitution-read');

	// Ada sees only that it was opened.
	await reopen(a, { waitUntil: 'networkidle' });
	await expect(a.getByRole('region', { name: 'Versies' }).getByText('Geopend')).toBeVisible();

	// The same pages in English.
	await a.goto('/en/talk/restitution', { waitUntil: 'networkidle' });
	await expect(a.getByRole('complementary', { name: 'Bo’s points' })).toBeVisible();
	await expectAccessible(a);
});

/** Across couples, over plain HTTP as a browser without JavaScript posts: nothing crosses, ids answer 404, bad input 400. */
test('impact and restitution letters stay inside their couple', async ({ baseURL }) => {
	const a = await HttpUser.signUp(baseURL!, 'ari', 'repairing');
	const b = await HttpUser.signUp(baseURL!, 'bel', 'hurt');
	const c = await HttpUser.signUp(baseURL!, 'cas', 'repairing');
	const d = await HttpUser.signUp(baseURL!, 'dor', 'hurt');
	await b.accept(await a.inviteLink());
	await d.accept(await c.inviteLink());
	const value = (html: string, name: string) => new RegExp(`name="${name}" value="([\\w-]+)"`).exec(html)?.[1];

	// The other couple: D sends an impact letter, C opens it and answers it.
	expect((await d.post('/talk/impact?/save', { point: 'D-POINT' })).status()).toBe(200);
	const dDraft = value(await (await d.get('/talk/impact')).text(), 'draftId');
	expect((await d.post('/talk/impact?/send', { draftId: dDraft!, number: '1' })).status()).toBe(200);
	const impactLetter = value(await (await c.get('/talk/restitution')).text(), 'id');
	expect((await c.post('/talk/restitution?/open', { id: impactLetter! })).status()).toBe(200);
	expect((await c.post('/talk/restitution?/save', { impactLetterId: impactLetter!, count: '1', 'answer-1': 'C-ANSWER' })).status()).toBe(200);
	expect((await c.post('/talk/restitution?/send', { impactLetterId: impactLetter!, number: '1' })).status()).toBe(200);
	const restitutionLetter = value(await (await d.get('/talk/impact')).text(), 'id');
	// A's own partner's draft, never sent.
	expect((await b.post('/talk/impact?/save', { point: 'B-DRAFT-POINT' })).status()).toBe(200);
	const bDraft = value(await (await b.get('/talk/impact')).text(), 'draftId');
	for (const id of [dDraft, impactLetter, restitutionLetter, bDraft]) expect(id).toBeTruthy();

	const attempts: [string, Record<string, string>][] = [
		['/talk/restitution?/open', { id: impactLetter! }],
		['/together/letterbox?/open', { id: impactLetter! }],
		['/talk/impact?/open', { id: restitutionLetter! }],
		['/talk/restitution?/save', { impactLetterId: impactLetter!, count: '1', 'answer-1': 'intruder' }],
		['/talk/restitution?/check', { impactLetterId: impactLetter!, count: '1', 'answer-1': 'intruder' }],
		['/talk/restitution?/send', { impactLetterId: impactLetter!, number: '1' }],
		['/talk/impact?/send', { draftId: dDraft!, number: '1' }],
		['/talk/impact?/send', { draftId: bDraft!, number: '1' }]
	];
	for (const [path, form] of attempts) expect((await a.post(path, form)).status(), path).toBe(404);

	// Malformed input is refused kindly, never a 500.
	for (const [path, form] of [
		['/talk/impact?/save', {}],
		['/talk/impact?/send', { draftId: 'nope', number: 'abc' }],
		['/talk/restitution?/save', { impactLetterId: '../x', count: '9999' }],
		['/talk/restitution?/send', {}]
	] as [string, Record<string, string>][]) {
		expect((await a.post(path, form)).status(), path).toBe(400);
	}

	for (const path of ['/talk/impact', '/talk/restitution', '/talk/impact/__data.json', '/talk/restitution/__data.json', '/together/letterbox']) {
		const text = await (await a.get(path)).text();
		for (const canary of ['D-POINT', 'C-ANSWER', 'B-DRAFT-POINT']) expect(text, `${path} ${canary}`).not.toContain(canary);
	}
	// D reads C's answer beside D's own point once opened; nothing changed for them.
	expect((await d.post('/talk/impact?/open', { id: restitutionLetter! })).status()).toBe(200);
	const theirs = await (await d.get('/talk/impact')).text();
	expect(theirs).toContain('D-POINT');
	expect(theirs).toContain('C-ANSWER');
	expect(theirs).not.toContain('intruder');
});
