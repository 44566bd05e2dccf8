import { test as base, expect, request, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import type axe from 'axe-core';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findLink } from '../setup/eml';

export { expect };

export const PASSWORD = 'a calm and long phrase';

/**
 * A request context for talking to the app over HTTP, one connection per request. Playwright's
 * keep-alive agent ignores the server's `Keep-Alive: timeout=5` and, after a pause in a journey,
 * can send on a connection the server is just closing: "socket hang up" (seen in CI;
 * microsoft/playwright#42698). A browser resends then; this client would not.
 */
export function apiContext(baseURL?: string) {
	return request.newContext({ baseURL, extraHTTPHeaders: { connection: 'close' } });
}

let counter = 0;
/** Keep words of PASSWORD out of labels: a password holding part of one's e-mail address is refused. */
export function uniqueEmail(label: string) {
	return `${label}-${process.pid}-${Date.now()}-${counter++}@example.org`;
}

/** axe-core's minified build, the same code as `axe.source` (its readable build) at 45 % of the size. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG levels the app promises (2.2 AA and all below it). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * The top bar (sticky) and the phone's bottom bar (fixed) lie over whatever scrolls beneath them;
 * axe would count a button passing under one as a target too small to tap, depending only on
 * where the page happens to be scrolled. Checked in the page's flow instead, bars included.
 */
const BARS = '.topbar, nav.places';

type Finding = { id: string; impact?: string | null; help: string; targets: string[] };

/**
 * Fails on serious or critical axe findings, naming them so the failure says what to fix.
 *
 * axe-core runs in the page itself, injected once per document: @axe-core/playwright evaluated
 * its source twice on every check (once to look for `runPartial`, once to inject). The source is
 * axe's minified build: `axe.source` is the readable one, 1.3 MB against 0.58, and sending and
 * evaluating it took longer than axe's run on a quiet machine (docs/testing.md, stop 32).
 */
export async function expectAccessible(page: Page) {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const findings = await page.evaluate(
		async ({ tags, bars }) => {
			const lifted = [...document.querySelectorAll<HTMLElement>(bars)];
			for (const el of lifted) el.style.setProperty('position', 'static', 'important');
			try {
				const checker = (window as unknown as { axe: typeof axe }).axe;
				const results = await checker.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
				return results.violations.map((v): Finding => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
			} finally {
				for (const el of lifted) el.style.removeProperty('position');
			}
		},
		{ tags: AXE_TAGS, bars: BARS }
	);
	const serious = findings.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(
		serious.map((v) => `${v.id}: ${v.help} (${v.targets.join(', ')})`),
		`axe on ${page.url()}`
	).toEqual([]);
}

/**
 * Whether the journeys take their photos. They are for people to look at (nothing compares them),
 * so by default only where someone can: not in CI (`CI` set), where nobody sees them. `E2E_PHOTOS=1`
 * or `0` says otherwise either way.
 */
export const PHOTOS = process.env.E2E_PHOTOS ? process.env.E2E_PHOTOS !== '0' : !process.env.CI;

/** A whole-page photo to look at (nothing compares them), in CSS pixels: not the phone's 2.6 device pixels, about 7 times fewer to encode. */
export async function screenshot(page: Page, name: string) {
	if (!PHOTOS) return;
	const dir = join('test-results', 'screenshots');
	mkdirSync(dir, { recursive: true });
	await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, scale: 'css' });
}

/** Fills the sign-up form on the page already open (wherever a link led) with consent, and sends it. */
export async function submitSignUpForm(page: Page, input: { name: string; email: string; lang?: 'nl' | 'en' }) {
	const en = input.lang === 'en';
	await page.getByLabel(en ? 'Name' : 'Naam', { exact: false }).first().fill(input.name);
	await page.getByLabel(en ? 'E-mail address' : 'E-mailadres').fill(input.email);
	await page.getByLabel(en ? 'Password' : 'Wachtwoord', { exact: false }).first().fill(PASSWORD);
	await page.getByLabel(en ? 'I am 18 or older.' : 'Ik ben 18 jaar of ouder.').check();
	await page.getByLabel(en ? /I explicitly consent/ : /Ik geef uitdrukkelijk toestemming/).check();
	await page.getByRole('button', { name: en ? 'Create account' : 'Account aanmaken' }).click();
}

export async function signUp(page: Page, input: { name: string; email: string; role?: 'repairing' | 'hurt'; lang?: 'nl' | 'en' }) {
	const en = input.lang === 'en';
	await page.goto(en ? '/en/signup' : '/signup');
	await submitSignUpForm(page, input);
	await expect(page).toHaveURL(/\/onboarding\/role$/);
	if (input.role) {
		const label = input.role === 'repairing' ? (en ? /Repairing partner/ : /Herstellende partner/) : en ? /Hurt partner/ : /Gekwetste partner/;
		await page.getByRole('radio', { name: label }).check();
		await page.getByRole('button', { name: en ? 'Continue' : 'Verder' }).click();
		await expect(page).toHaveURL(/\/dashboard$/);
	}
}

type Person = { name: string; email: string; role: 'repairing' | 'hurt'; lang?: 'nl' | 'en' };

/** Posts a form the way a browser without JavaScript does (same origin, urlencoded, no redirect followed). */
const postForm = (api: APIRequestContext, origin: string, path: string, form: Record<string, string> = {}) =>
	api.post(path, { form, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });

/**
 * Signs up with the sign-up form's own action and chooses the role, over HTTP, as a browser
 * without JavaScript posts them: the session lands in `api`'s cookies. For journeys where signing
 * up is not what is checked; accounts.e2e.ts, couple.e2e.ts, offline.e2e.ts and web.e2e.ts walk
 * the form in the browser. A browser would spend three page loads per person on it.
 */
export async function signUpOverHttp(api: APIRequestContext, origin: string, input: Person) {
	const prefix = input.lang === 'en' ? '/en' : '';
	const signedUp = await postForm(api, origin, `${prefix}/signup?/signup`, { displayName: input.name, email: input.email, password: PASSWORD, adult: 'on', consent: 'on' });
	expect(signedUp.status(), `sign-up of ${input.email}`).toBe(303);
	expect((await postForm(api, origin, `${prefix}/onboarding/role?/choose`, { role: input.role })).status(), 'role').toBe(303);
}

/** The origin a browser context's requests go to: its baseURL, which a test may set itself (notifications.e2e.ts). */
async function originOf(context: BrowserContext) {
	return new URL((await context.request.get('/favicon.svg')).url()).origin;
}

/** Signs up over HTTP (see signUpOverHttp) in `page`'s browser context, which then holds the session; the page stays where it is. */
export async function signUpInto(page: Page, input: Person) {
	const context = page.context();
	await signUpOverHttp(context.request, await originOf(context), input);
}

/** Someone signed up over HTTP with a role, in a browser context and page of their own. */
export async function signedInPage(browser: Browser, input: Person, options: BrowserContextOptions = {}) {
	const page = await (await browser.newContext(options)).newPage();
	await signUpInto(page, input);
	return page;
}

/**
 * Two partners in a couple, each in their own browser: a repairing partner (Ada) makes the
 * invitation link, a hurt partner (Bo) accepts it. `label` keeps the e-mail addresses apart.
 * Made over HTTP (sign-up, role, invitation, acceptance: the forms' own actions), since the
 * journeys using it check what the couple does next; couple.e2e.ts and first-contact walk the
 * invitation in the browser. Both pages start blank: each journey opens the page it needs.
 */
export async function formCouple(browser: Browser, label: string, options: { names?: { a: string; b: string }; lang?: 'nl' | 'en' } = {}) {
	const names = options.names ?? { a: 'Ada', b: 'Bo' };
	const aEmail = uniqueEmail(`${label}-a`);
	const bEmail = uniqueEmail(`${label}-b`);
	const [a, b] = await Promise.all([
		signedInPage(browser, { name: names.a, email: aEmail, role: 'repairing', lang: options.lang }),
		signedInPage(browser, { name: names.b, email: bEmail, role: 'hurt', lang: options.lang })
	]);
	const origin = await originOf(a.context());
	const prefix = options.lang === 'en' ? '/en' : '';
	const invited = await postForm(a.request, origin, `${prefix}/together?/invite`);
	const link = /value="(http[^"]+\/invite\/[A-Za-z0-9_-]+)"/.exec(await invited.text())?.[1];
	expect(link, 'an invitation link').toBeTruthy();
	const token = new URL(link!).pathname.split('/').pop();
	expect((await postForm(b.request, origin, `${prefix}/invite/${token}?/accept`)).status(), 'accepted').toBe(303);
	return { a, b, aEmail, bEmail };
}

export async function signIn(page: Page, email: string, password = PASSWORD, lang: 'nl' | 'en' = 'nl') {
	const en = lang === 'en';
	await page.goto(en ? '/en/signin' : '/signin');
	await page.getByLabel(en ? 'E-mail address' : 'E-mailadres').fill(email);
	await page.getByLabel(en ? 'Password' : 'Wachtwoord').fill(password);
	await page.getByRole('button', { name: en ? 'Sign in' : 'Inloggen' }).last().click();
}

/**
 * Opens the phone's "More" sheet of the main menu when it is there (on a wide screen every place
 * is in view already), so a place or the sign-out button outside the bottom bar can be clicked.
 */
export async function openMore(page: Page, lang: 'nl' | 'en' = 'nl') {
	const more = page.getByRole('navigation', { name: lang === 'en' ? 'Main menu' : 'Hoofdmenu' }).locator('details.more');
	if ((await more.isVisible()) && (await more.getAttribute('open')) === null) await more.locator('summary').click();
}

/** Waits until the coach's live editor has started (its script loaded): its live hint shows then. */
export async function coachStarted(page: Page, lang: 'nl' | 'en' = 'nl') {
	await expect(page.getByText(lang === 'en' ? 'Feedback appears as you write.' : 'De feedback verschijnt terwijl je schrijft.', { exact: false })).toBeVisible();
}

/** The sign-out button of the menu, in view (under "More" on a phone). */
export async function signOutButton(page: Page, lang: 'nl' | 'en' = 'nl') {
	await openMore(page, lang);
	return page.getByRole('button', { name: lang === 'en' ? 'Sign out' : 'Uitloggen' });
}

/** Signs out with the menu button (which also forgets unsaved drafts in this tab). */
export async function signOut(page: Page, lang: 'nl' | 'en' = 'nl') {
	await (await signOutButton(page, lang)).click();
	await expect(page).toHaveURL(lang === 'en' ? /\/en\/?$/ : /\/$/);
}

/** Where the journeys' SMTP server (smtp-inbox.ts) keeps every message it received. */
export const mailDir = () => join(process.env.E2E_DATA_DIR!, 'smtp-inbox');

/** Reads the newest message for `to` that arrived over SMTP. */
export async function linkFromOutbox(to: string, pattern: RegExp): Promise<string> {
	const dir = mailDir();
	for (let attempt = 0; attempt < 50; attempt++) {
		let files: string[] = [];
		try {
			files = readdirSync(dir).sort().reverse();
		} catch {
			/* not written yet */
		}
		for (const file of files) {
			const raw = readFileSync(join(dir, file), 'utf8');
			if (raw.includes(`To: ${to}`)) {
				const link = findLink(raw, pattern);
				if (link) return link;
			}
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no message for ${to} in the journeys' mail server`);
}

/**
 * Opens the page again, as a person would. After a plain form post (pages without the app's
 * script, decision 021) the address ends in the form's action (`?/save`), and a reload would send
 * the form once more; this opens the page itself.
 */
export async function reopen(page: Page, options?: Parameters<Page['goto']>[1]) {
	const url = new URL(page.url());
	for (const key of [...url.searchParams.keys()]) if (key.startsWith('/')) url.searchParams.delete(key);
	await page.goto(url.pathname + url.search, options);
}

/** The page script of pages without the app's script (decision 021), by its hashed address. */
export const isPageScript = (path: string) => /^\/_app\/immutable\/assets\/page-script\.[\w-]+\.js$/.test(path);

export const test = base;
