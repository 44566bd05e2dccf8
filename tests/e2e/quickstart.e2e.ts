import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, signUp, signIn, signOutButton, uniqueEmail } from './fixtures';

/**
 * The README's quick start, followed literally: `npm start` (= `node scripts/start.js`) without
 * ORIGIN, NODE_ENV, DATA_DIR or PORT, then http://localhost:3000 in Chromium with JavaScript on.
 * The suite's own server sets ORIGIN, so it never saw that every form post was refused here.
 *
 * The working directory is a fresh temporary folder: start.js finds the app beside itself, and the
 * default DATA_DIR (`./data`) then lands in that folder, not in the repository; it is removed at
 * the end. `npm test` builds before the journeys, so start.js finds the build fresh and only starts.
 */
const PORT = 3000;
const repo = process.cwd();
let server: ChildProcess | undefined;
let cwd: string;
let output = '';

test.describe.configure({ mode: 'serial' });
test.use({
	baseURL: `http://localhost:${PORT}`,
	// A second device at home: a name on the local network, reached over plain http.
	launchOptions: {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP home.lan 127.0.0.1']
	}
});

test.beforeAll(async () => {
	test.setTimeout(180_000);
	cwd = mkdtempSync(join(tmpdir(), 'herstelpad-quickstart-'));
	const env = { ...process.env };
	for (const name of ['ORIGIN', 'NODE_ENV', 'DATA_DIR', 'PORT', 'HOST', 'DATABASE_URL', 'BODY_SIZE_LIMIT', 'SMTP_URL']) delete env[name];
	server = spawn(process.execPath, [join(repo, 'scripts', 'start.js')], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	server.stdout!.on('data', (chunk) => (output += chunk));
	server.stderr!.on('data', (chunk) => (output += chunk));
	for (let i = 0; i < 600; i++) {
		if (server.exitCode !== null) throw new Error(`npm start stopped:\n${output}`);
		try {
			if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`npm start did not answer on port ${PORT}:\n${output}`);
});

test.afterAll(async () => {
	if (server && server.exitCode === null) {
		const stopped = new Promise((resolve) => server!.once('exit', resolve));
		server.kill('SIGTERM');
		await stopped;
	}
	rmSync(cwd, { recursive: true, force: true });
});

test('as the README says: sign up, save a reflection, create an invitation link, sign out', async ({ page }) => {
	expect(output).not.toMatch(/building the app/);
	const email = uniqueEmail('quickstart');
	await signUp(page, { name: 'Robin', email, role: 'repairing' });

	await page.goto('/reflections/new?prompt=my-part');
	await page.getByLabel('Je antwoord').fill('Wat ik vandaag opschrijf.');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();

	await page.goto('/dashboard');
	await page.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
	await expect(page.getByLabel('Je uitnodigingslink (alleen nu zichtbaar)')).toHaveValue(/^http:\/\/localhost:3000\/invite\/[\w-]+$/);

	await (await signOutButton(page)).click();
	await expect(page).toHaveURL(/localhost:3000\/$/);
	await page.goto('/dashboard');
	await expect(page).toHaveURL(/\/signin\?next=/);

	// Local use is not production: no HSTS that would pin this address to https.
	const home = await page.request.get('/');
	expect(home.headers()['strict-transport-security']).toBeUndefined();
	// The data folder is where the person started it, here the temporary folder.
	expect(output).toContain(`embedded database in ./data`);
});

test('a second device at home over plain http can sign in (no Secure cookie on http)', async ({ browser }) => {
	const email = uniqueEmail('homelan');
	const laptop = await browser.newContext({ baseURL: `http://localhost:${PORT}` });
	await signUp(await laptop.newPage(), { name: 'Kai', email, role: 'hurt' });
	await laptop.close();

	const phone = await browser.newContext({ baseURL: `http://home.lan:${PORT}` });
	const page = await phone.newPage();
	await signIn(page, email);
	await expect(page).toHaveURL(/^http:\/\/home\.lan:3000\/dashboard$/);
	await page.goto('/settings');
	await expect(page).toHaveURL(/\/settings$/);
	expect(await page.evaluate(() => window.isSecureContext)).toBe(false);

	// Over plain http Chromium sends no Sec-Fetch-Site, so the Origin is all the CSRF check has:
	// a page on another name posting a real form here must still be refused. Its page is served by
	// the test (our own pages' CSP would not let a form post elsewhere at all).
	await page.route(`http://other.lan:${PORT}/attack`, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<form method="post" action="http://home.lan:${PORT}/en/signin?/signin"><input name="email" value="x@example.org"><input name="password" value="whatever it is"><button>Go</button></form>`
		})
	);
	await page.goto(`http://other.lan:${PORT}/attack`);
	await page.getByRole('button', { name: 'Go' }).click();
	await expect(page).toHaveURL(/^http:\/\/home\.lan:3000\/en\/signin/);
	await expect(page.getByText('Forms from another website are refused.')).toBeVisible();
	await phone.close();
});
