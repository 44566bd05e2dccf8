import { test as base, expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLink } from '../setup/eml';

export { expect };

export const PASSWORD = 'a calm and long phrase';

let counter = 0;
/** Keep words of PASSWORD out of labels: a password holding part of one's e-mail address is refused. */
export function uniqueEmail(label: string) {
	return `${label}-${process.pid}-${Date.now()}-${counter++}@example.org`;
}

/** Fails on serious or critical axe findings, naming them so the failure says what to fix. */
export async function expectAccessible(page: Page) {
	// The top bar (sticky) and the phone's bottom bar (fixed) lie over whatever scrolls beneath them;
	// axe would count a button passing under one as a target too small to tap, depending only on
	// where the page happens to be scrolled. Checked in the page's flow instead, bars included.
	const bars = '.topbar, nav.places';
	await page.evaluate((selector) => document.querySelectorAll<HTMLElement>(selector).forEach((el) => el.style.setProperty('position', 'static', 'important')), bars);
	// Run in the page itself (legacy mode: the app has no frames) instead of finishing in a new blank
	// page, and only the violations get every node and selector: the same findings, about half the time.
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.setLegacyMode()
		.options({ resultTypes: ['violations'] })
		.analyze()
		.finally(() => page.evaluate((selector) => document.querySelectorAll<HTMLElement>(selector).forEach((el) => el.style.removeProperty('position')), bars).catch(() => undefined));
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(
		serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
		`axe on ${page.url()}`
	).toEqual([]);
}

/** A whole-page photo to look at (nothing compares them), in CSS pixels: not the phone's 2.6 device pixels, about 7 times fewer to encode. */
export async function screenshot(page: Page, name: string) {
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

/**
 * Two partners in a couple, each in their own browser: a repairing partner (Ada) makes the
 * invitation link, a hurt partner (Bo) accepts it. `label` keeps the e-mail addresses apart.
 */
export async function formCouple(browser: Browser, label: string) {
	const a = await (await browser.newContext()).newPage();
	const b = await (await browser.newContext()).newPage();
	await signUp(a, { name: 'Ada', email: uniqueEmail(`${label}-a`), role: 'repairing' });
	await signUp(b, { name: 'Bo', email: uniqueEmail(`${label}-b`), role: 'hurt' });
	await a.goto('/together');
	await a.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
	const link = await a.getByLabel('Je uitnodigingslink (alleen nu zichtbaar)').inputValue();
	await b.goto(link);
	await b.getByRole('button', { name: 'Uitnodiging aanvaarden' }).click();
	await expect(b).toHaveURL(/\/together$/);
	return { a, b };
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
