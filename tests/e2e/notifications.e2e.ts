import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Page } from '@playwright/test';
import { test, expect, apiContext, expectAccessible, formCouple, isPageScript, signUp, signUpInto, uniqueEmail } from './fixtures';
import { browserKeys, decryptPush, startPushService } from '../setup/push-service';
import { decodeQuotedPrintable } from '../setup/eml';

/**
 * Notifications (issue 13, item 3), against the production build on its own port, with what the
 * shared server cannot have: NODE_ENV=test with a clock read from a file (TEST_CLOCK_FILE) and the
 * notifications' tick every two seconds besides its minute's schedule (TEST_TICK_SECONDS), its
 * own SMTP server, and a Web Push service on loopback run by this test (PUSH_SERVICE_ORIGINS).
 * Chromium cannot reach a real push service here, so the page's PushManager.subscribe is
 * replaced by one that hands out a subscription to that loopback service, with keys this test
 * made: what arrives is decrypted here (RFC 8291) and must hold only the neutral text.
 */
// Its own port: E2E_PORT is the journeys' server, E2E_PORT + 1 the PostgreSQL project's (playwright.config.ts).
const PORT = Number(process.env.E2E_PORT ?? 4173) + 2;
const BASE = `http://127.0.0.1:${PORT}`;
const repo = process.cwd();

let server: ChildProcess | undefined;
let output = '';
let dir: string;
let clockFile: string;
let push: Awaited<ReturnType<typeof startPushService>>;
const inbox: { to: string; raw: string }[] = [];
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, session, callback) {
		let raw = '';
		stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
		stream.on('end', () => {
			inbox.push({ to: session.envelope.rcptTo[0]?.address ?? '', raw });
			callback();
		});
	}
});
const setClock = (iso: string) => writeFileSync(clockFile, iso);

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE, serviceWorkers: 'allow' });

test.beforeAll(async () => {
	test.setTimeout(240_000);
	dir = mkdtempSync(join(tmpdir(), 'herstelpad-notify-'));
	clockFile = join(dir, 'clock');
	// A Wednesday, 11:00 in Amsterdam.
	setClock('2026-01-14T10:00:00.000Z');
	await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
	push = await startPushService();
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		NODE_ENV: 'test',
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: BASE,
		DATA_DIR: join(dir, 'data'),
		LOG_LEVEL: 'error',
		SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
		SIGNUP_LIMIT_PER_HOUR: '1000',
		TEST_CLOCK_FILE: clockFile,
		// The notifications' tick every 2 s besides the minute's schedule (NODE_ENV=test only), so
		// the journey waits seconds, not minutes, for what the tick does.
		TEST_TICK_SECONDS: '2',
		PUSH_SERVICE_ORIGINS: push.origin,
		DATABASE_URL: ''
	};
	// Only this test's server may answer: were the port taken, another server would seem ready.
	await new Promise<void>((resolve, reject) => {
		const probe = createNetServer().once('error', () => reject(new Error(`port ${PORT} is taken; the journey needs it for its own server`)));
		probe.listen(PORT, '127.0.0.1', () => probe.close(() => resolve()));
	});
	server = spawn(process.execPath, [join(repo, 'scripts', 'server.js')], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
	server.stdout!.on('data', (chunk) => (output += chunk));
	server.stderr!.on('data', (chunk) => (output += chunk));
	for (let i = 0; i < 900; i++) {
		if (server.exitCode !== null) throw new Error(`the server stopped:\n${output}`);
		try {
			if ((await fetch(`${BASE}/`)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`the server did not answer on ${BASE}:\n${output}`);
});

test.afterAll(async () => {
	if (server && server.exitCode === null) {
		const stopped = new Promise((resolve) => server!.once('exit', resolve));
		server.kill('SIGTERM');
		await stopped;
	}
	await push?.close();
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
	rmSync(dir, { recursive: true, force: true });
});

/** The person's own export: what the outbox holds for them (kinds, times, states; no content). */
async function notices(page: Page) {
	const response = await page.request.post('/settings/export', { form: { format: 'json' }, headers: { origin: BASE } });
	expect(response.status()).toBe(200);
	return ((await response.json()) as { notifications: { notices: { kind: string; status: string; dueAt: string; sentAt: string | null }[] } }).notifications.notices;
}

/** Every script a page fetches, by path. */
function scriptsOf(page: Page) {
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
	});
	return scripts;
}

async function choose(page: Page, kind: RegExp, channel: 'Pushmelding' | 'E-mail') {
	await page.getByRole('group', { name: kind }).getByRole('checkbox', { name: channel }).check();
}

test('opting in to push in the browser: a new letter arrives as an encrypted, neutral Web Push', async ({ browser }) => {
	test.setTimeout(120_000);
	const { a, b } = await formCouple(browser, 'notify');
	const keys = browserKeys();
	await b.context().grantPermissions(['notifications'], { origin: BASE });
	// The browser's push subscription, to the test's loopback push service, with the test's keys.
	await b.addInitScript(
		({ endpoint, p256dh, auth }) => {
			const subscription = {
				endpoint,
				expirationTime: null,
				options: { userVisibleOnly: true },
				getKey: () => null,
				toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }),
				unsubscribe: async () => true
			};
			PushManager.prototype.subscribe = async function () {
				(window as unknown as { __asked: boolean }).__asked = true;
				return subscription as unknown as PushSubscription;
			};
		},
		{ endpoint: `${push.origin}/push/bo`, p256dh: keys.p256dh, auth: keys.authSecret }
	);

	await b.goto('/settings');
	const scripts = scriptsOf(b);
	await b.getByRole('link', { name: /^Meldingen/ }).click();
	await expect(b.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
	// No app script (decision 021): the page script alone turns push on.
	await expect.poll(() => scripts.some(isPageScript)).toBe(true);
	expect(scripts.filter((path) => path.startsWith('/_app/') && !isPageScript(path))).toEqual([]);
	// Everything is off until chosen; opening the page asks the browser nothing.
	for (const box of await b.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
	expect(await b.evaluate(() => (window as unknown as { __asked?: boolean }).__asked ?? false)).toBe(false);
	await expectAccessible(b);

	await choose(b, /brief of het eerlijke verhaal/, 'Pushmelding');
	await b.getByRole('button', { name: 'Keuzes bewaren' }).click();
	await expect(b.getByText('Je keuzes zijn bewaard.')).toBeVisible();
	await b.getByRole('button', { name: 'Pushmeldingen aanzetten op dit toestel' }).click();
	await expect(b.getByText('Pushmeldingen staan aan op dit toestel.')).toBeVisible();
	await expect(b.getByText('Toestellen waarop pushmeldingen aanstaan: 1')).toBeVisible();

	await a.goto('/together/letters');
	await a.getByLabel('Je brief').fill('ADA-LETTER-CANARY: wat ik je wil zeggen.');
	await a.getByRole('button', { name: 'Brief versturen' }).click();
	await expect(a.getByRole('status').filter({ hasText: 'Je brief ligt in de brievenbus van je partner.' })).toBeVisible();

	// Sent by the tick, a job (every two seconds here; every minute in production).
	await expect.poll(() => push.received.length, { timeout: 30_000, intervals: [250] }).toBe(1);
	const [request] = push.received;
	expect(request.path).toBe('/push/bo');
	expect(request.headers['content-encoding']).toBe('aes128gcm');
	expect(request.body.toString('latin1')).not.toMatch(/Herstelpad|ADA|Ada|brief/);
	const message = JSON.parse(decryptPush(request.body, keys)) as Record<string, string>;
	expect(message).toEqual({ title: 'Herstelpad', body: 'Je hebt een nieuw bericht in Herstelpad.', url: '/together/letterbox' });
	await a.context().close();
	await b.context().close();
});

test('push that does not come on says why, in the reader’s language; without JavaScript the choices still save and there is no push button', async ({ page, browser }) => {
	test.setTimeout(90_000);
	await signUpInto(page, { name: 'Ivo', email: uniqueEmail('notify-refused'), role: 'repairing', lang: 'en' });
	// The browser's answers, chosen by the test: first no permission, then a push service that fails.
	await page.addInitScript(() => {
		const w = window as unknown as { __permission?: NotificationPermission; __asked?: number };
		Notification.requestPermission = async () => ((w.__asked = (w.__asked ?? 0) + 1), w.__permission ?? 'denied');
		PushManager.prototype.subscribe = async () => {
			throw new DOMException('unreachable', 'AbortError');
		};
	});
	const scripts = scriptsOf(page);
	await page.goto('/en/settings/notifications');
	await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
	expect(scripts.filter((path) => path.startsWith('/_app/') && !isPageScript(path))).toEqual([]);
	const turnOn = page.getByRole('button', { name: 'Turn on push notifications on this device' });
	await expect(turnOn).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { __asked?: number }).__asked ?? 0)).toBe(0);

	await turnOn.click();
	await expect(page.getByRole('alert')).toHaveText('Your browser does not allow notifications. You can change that in your browser’s settings.');
	expect(await page.evaluate(() => (window as unknown as { __asked?: number }).__asked)).toBe(1);
	await expect(turnOn).toBeEnabled();

	await page.evaluate(() => ((window as unknown as { __permission: NotificationPermission }).__permission = 'granted'));
	await turnOn.click();
	// One answer at a time: the new one replaces the old.
	await expect(page.getByRole('alert')).toHaveText('That did not work. Please try again later.');
	await expect(page.getByText('Devices with push notifications on: 0')).toBeVisible();
	await expectAccessible(page);

	const noScript = await browser.newContext({ baseURL: BASE, javaScriptEnabled: false, storageState: await page.context().storageState() });
	const plain = await noScript.newPage();
	await plain.goto('/en/settings/notifications');
	await expect(plain.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
	await expect(plain.getByRole('button', { name: 'Turn on push notifications on this device' })).toBeHidden();
	const letterByMail = plain.getByRole('group', { name: /A letter or account/ }).getByRole('checkbox', { name: 'E-mail' });
	await letterByMail.check();
	await plain.getByRole('button', { name: 'Save choices' }).click();
	await expect(plain.getByText('Your choices are saved.')).toBeVisible();
	await expect(letterByMail).toBeChecked();
	await noScript.close();
});

test('an e-mail reminder for the weekly hour comes at its time under the test clock, after the quiet hours', async ({ page, browser }) => {
	test.setTimeout(150_000);
	const email = uniqueEmail('notify-hour');
	await signUp(page, { name: 'Cas', email, role: 'repairing' });
	await page.goto('/hour');
	await page.getByLabel('Dag', { exact: true }).selectOption({ label: 'woensdag' });
	await page.getByLabel('Tijd', { exact: true }).fill('23:00');
	await page.getByLabel(/^Tijdzone/).selectOption('Europe/Amsterdam');
	await page.getByRole('button', { name: 'Moment bewaren' }).click();
	await expect(page.getByText('Bewaard.')).toBeVisible();

	await page.goto('/settings/notifications');
	await choose(page, /wekelijkse uur/, 'E-mail');
	await page.getByLabel('Vanaf').fill('22:00');
	await page.getByLabel('Tot').fill('07:00');
	await page.getByRole('button', { name: 'Keuzes bewaren' }).click();
	await expect(page.getByText('Je keuzes zijn bewaard.')).toBeVisible();
	await expectAccessible(page);

	// 23:00 on Wednesday in Amsterdam: the hour begins, in the quiet hours. The reminder is made and
	// waits for 07:00; nothing is sent.
	setClock('2026-01-14T22:00:30.000Z');
	await expect
		.poll(async () => (await notices(page)).map((n) => `${n.kind} ${n.status} ${n.dueAt}`), { timeout: 30_000, intervals: [1_000] })
		.toEqual(['hour pending 2026-01-15T06:00:00.000Z']);
	expect(inbox.filter((m) => m.to === email)).toEqual([]);

	// 07:00: it arrives, over SMTP, with nothing in it that says what it is about.
	setClock('2026-01-15T06:00:10.000Z');
	await expect.poll(() => inbox.filter((m) => m.to === email).length, { timeout: 30_000, intervals: [250] }).toBe(1);
	const raw = inbox.find((m) => m.to === email)!.raw;
	const headers = raw.replace(/\r?\n[ \t]+/g, ' ');
	// A reminder's own text: something is waiting, not "a new message".
	expect(headers).toMatch(/^Subject: Er staat iets voor je klaar in Herstelpad\r?$/m);
	expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
	const oneClick = /^List-Unsubscribe: <([^>]+)>/m.exec(headers)![1];
	const body = decodeQuotedPrintable(raw);
	// What a reader sees: the subject and the parts' text, without headers, boundaries and links.
	const visible = body
		.slice(body.search(/\r?\n\r?\n/))
		.replace(/^(--|[\w-]+: ).*$/gm, '')
		.replace(/https?:\/\/\S+/g, '');
	expect(`${/^Subject: (.*)$/m.exec(headers)![1]}\n${visible}`).not.toMatch(/\bCas\b|\buur\b|\bhour\b|\bbrief\b/i);
	expect(visible).toContain('Er staat iets voor je klaar, zoals je vroeg.');
	expect(visible).not.toMatch(/nieuw/i);
	expect((await notices(page))[0]).toMatchObject({ status: 'sent', sentAt: '2026-01-15T06:00:10.000Z' });

	// The visible link works signed out, with a button (opening it alone changes nothing).
	const link = /(http:\/\/127\.0\.0\.1:\d+\/notifications\/unsubscribe\?token=[\w-]+)/.exec(body)![1];
	const stranger = await (await browser.newContext()).newPage();
	await stranger.goto('/notifications/unsubscribe?token=not-a-real-token-at-all-000');
	await expect(stranger.getByRole('alert')).toContainText('Deze link werkt niet');
	await stranger.goto(link);
	await expectAccessible(stranger);
	await stranger.getByRole('button', { name: 'E-mailmeldingen uitzetten' }).click();
	await expect(stranger.getByRole('status')).toContainText('je krijgt geen e-mailmeldingen meer');
	await stranger.context().close();
	await page.goto('/settings/notifications');
	await expect(page.getByRole('group', { name: /wekelijkse uur/ }).getByRole('checkbox', { name: 'E-mail' })).not.toBeChecked();

	// RFC 8058: a mail program's own POST, signed out and from no page; a wrong token is a 404.
	const mailProgram = await apiContext();
	const wrong = await mailProgram.post(oneClick.replace(/token=[\w-]+/, 'token=wrong-token-wrong-token-wrong'), { form: { 'List-Unsubscribe': 'One-Click' } });
	expect(wrong.status()).toBe(404);
	const right = await mailProgram.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' } });
	expect(right.status()).toBe(200);
	await mailProgram.dispose();
});
