import fc from 'fast-check';
import { type APIRequestContext, type APIResponse } from '@playwright/test';
import { test, expect, apiContext } from './fixtures';
import { HttpUser } from './http-user';
import { discoverTargets, pathOf, type Target } from './fuzz-targets';

/**
 * No 500 on any input: every form action and endpoint (found by reading src/routes), sent random
 * fields, encodings, sizes and broken bodies, signed out, solo and in a couple, with and without
 * the same-origin headers the CSRF check needs. Runs on PGlite and, in CI, on PostgreSQL.
 * A failure prints the fast-check seed; rerun it with FUZZ_SEED=<seed>.
 */
test.describe.configure({ mode: 'serial' });

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const DISCOVERED = discoverTargets();
const PAGES = DISCOVERED.filter((t) => t.kind === 'page');
// Actions and endpoints take bodies; pages are only read, with random query strings.
const TARGETS = DISCOVERED.filter((t) => t.kind !== 'page');
// Today's count; fewer means the discovery stopped seeing some of them.
const ACTIONS_TODAY = 35;
const ENDPOINTS_TODAY = 2;
const PAGES_TODAY = 25;
// adapter-node's default BODY_SIZE_LIMIT (the E2E server does not set one).
const BODY_LIMIT = 512 * 1024;

/** What must never reach a person: stack frames, file paths, SQL, driver names. */
const LEAKS = [
	/\n\s+at [^\n]*:\d+:\d+/,
	/node_modules/,
	/\/src\/(lib|routes)\//,
	/build\/server/,
	/file:\/\//,
	/\b(SELECT|UPDATE|DELETE)\b[^<]{0,200}\b(FROM|SET|WHERE)\b/,
	/\bINSERT INTO\b/,
	/duplicate key|violates|syntax error at|relation "/,
	/drizzle|PGlite|pg-pool/i,
	/TypeError|ReferenceError|SvelteKitError/
];

interface Who {
	label: 'signed out' | 'solo' | 'couple';
	api: APIRequestContext;
	/** Real values for route params, so the fuzz reaches past the 404s. */
	params: Record<string, string>;
}

let people: Promise<Who[]> | undefined;

/** One signed-out visitor, one person on their own and one in a couple, each with real items. */
function setUp(baseURL: string) {
	people ??= (async () => {
		const solo = await HttpUser.signUp(baseURL, 'fuzz-solo', 'repairing');
		const a = await HttpUser.signUp(baseURL, 'fuzz-a', 'repairing');
		const b = await HttpUser.signUp(baseURL, 'fuzz-b', 'hurt');
		await b.accept(await a.inviteLink());
		const token = (await solo.inviteLink()).split('/').pop()!;
		const programHtml = await (await solo.get('/program')).text();
		const step = /href="\/program\/([a-z0-9-]+)"/.exec(programHtml)?.[1];
		expect(step, 'a step on /program').toBeTruthy();
		const withItems = async (user: HttpUser, label: Who['label']): Promise<Who> => {
			const draft = await user.createAndGetId('/coach?/save', { body: 'Het spijt me dat ik je pijn heb gedaan.', lang: 'nl' }, /\/coach\/drafts\/([\w-]+)/);
			const reflection = await user.createAndGetId('/reflections/new?/create', { prompt: 'my-part', body: 'Eerlijk.' }, /\/reflections\/([\w-]+)/);
			const commitment = await user.createAndGetId('/deeds?/create', { title: 'Elke dag een berichtje', rhythm: 'daily' }, /\/deeds\/commitments\/([\w-]+)/);
			return { label, api: user.api, params: { id: draft, reflection, commitment, step: step!, token, ruleId: 'blame', slug: 'why-it-happens', author: 'redactie' } };
		};
		const anonymous = await apiContext(baseURL);
		return [
			{ label: 'signed out', api: anonymous, params: { id: randomId(), reflection: randomId(), commitment: randomId(), step: step!, token, ruleId: 'blame', slug: 'why-it-happens', author: 'redactie' } },
			await withItems(solo, 'solo'),
			await withItems(a, 'couple')
		] satisfies Who[];
	})();
	return people;
}

const randomId = () => crypto.randomUUID();

function paramsFor(target: Target, who: Who, chosen: Record<string, string> = {}) {
	const values: Record<string, string> = { ...who.params, ...chosen };
	// Both uuid routes take `[id]`; a reflection route gets the reflection's id.
	if (target.route.startsWith('/reflections/') && !chosen.id) values.id = who.params.reflection;
	if (target.route.startsWith('/deeds/commitments/') && !chosen.id) values.id = who.params.commitment;
	return values;
}

function methodOf(target: Target) {
	return target.kind === 'action' ? 'POST' : target.name;
}

async function send(api: APIRequestContext, method: string, path: string, headers: Record<string, string>, body?: Buffer) {
	// Some answers come before the body is read (413 over the limit, SvelteKit's 415), after which
	// Node closes the connection; a fresh connection per request keeps the next one off that socket.
	return api.fetch(path, { method, headers: { ...headers, connection: 'close' }, data: body, maxRedirects: 0, timeout: 30_000 });
}

async function expectHandled(res: APIResponse, what: string) {
	const status = res.status();
	const text = status === 303 ? '' : await res.text();
	expect(status, `${what} answered ${status}: ${text.slice(0, 300)}`).toBeLessThan(500);
	for (const leak of LEAKS) expect(text, `${what} leaks ${leak}`).not.toMatch(leak);
	return { status, text };
}

const sameOrigin = (baseURL: string) => ({ origin: baseURL });

test('the discovery finds every form action and endpoint', () => {
	const actions = TARGETS.filter((t) => t.kind === 'action');
	const endpoints = TARGETS.filter((t) => t.kind === 'endpoint');
	expect(actions.length).toBeGreaterThanOrEqual(ACTIONS_TODAY);
	expect(endpoints.length).toBeGreaterThanOrEqual(ENDPOINTS_TODAY);
	expect(PAGES.length).toBeGreaterThanOrEqual(PAGES_TODAY);
	expect(TARGETS.map((t) => pathOf(t, { id: 'ID', step: 'STEP', token: 'TOKEN' }))).toEqual(
		expect.arrayContaining(['/coach/drafts/ID?/send', '/reflections/new?/create', '/invite/TOKEN?/accept', '/program/STEP?/done', '/api/v1/apology/analyze', '/settings/export'])
	);
});

test('sending a draft without a partner says why and keeps the draft on screen', async ({ baseURL }) => {
	const [, solo] = await setUp(baseURL!);
	const draft = await new HttpUser(solo.api, baseURL!, '').createAndGetId(
		'/coach?/save',
		{ body: 'Ik had eerlijk moeten zijn. Het spijt me.', lang: 'nl' },
		/\/coach\/drafts\/([\w-]+)/
	);
	for (const path of [`/coach/drafts/${draft}?/send`, `/en/coach/drafts/${draft}?/send`]) {
		const res = await solo.api.post(path, { form: { version: '1' }, headers: { ...sameOrigin(baseURL!), accept: 'text/html' }, maxRedirects: 0 });
		const { status, text } = await expectHandled(res, path);
		expect(status, path).toBeGreaterThanOrEqual(400);
		expect(text, path).toContain(path.startsWith('/en') ? 'you need to be connected with your partner' : 'met je partner verbonden zijn');
		expect(text, path).toContain('Ik had eerlijk moeten zijn. Het spijt me.');
	}
});

/** Bodies no browser sends; each must be refused with 400 before any action runs. */
const BROKEN: { label: string; type: string; body: Buffer; endpointToo: boolean }[] = [
	{ label: 'truncated multipart', type: 'multipart/form-data; boundary=XyZ', body: Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="body"\r\n\r\nhalf a'), endpointToo: true },
	{ label: 'multipart, wrong boundary', type: 'multipart/form-data; boundary=AbC', body: Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ--\r\n'), endpointToo: true },
	{ label: 'multipart without boundary', type: 'multipart/form-data', body: Buffer.from('body=1'), endpointToo: true },
	{ label: 'bad percent-encoding', type: 'application/x-www-form-urlencoded', body: Buffer.from('body=%E0%A4%A&version=%zz'), endpointToo: true },
	{ label: 'latin-1 charset', type: 'application/x-www-form-urlencoded; charset=iso-8859-1', body: Buffer.from('body=caf%E9'), endpointToo: true },
	{ label: 'text/plain', type: 'text/plain', body: Buffer.from('body=1\r\nversion=1\r\n'), endpointToo: false }
];

test('an unreadable body is a 400 with a message in the reader’s language, for every action and endpoint', async ({ baseURL }) => {
	test.setTimeout(180_000);
	const everyone = await setUp(baseURL!);
	// Each target once per person, the broken body rotating so that every target gets a broken
	// multipart and two other kinds: about a hundred requests instead of six hundred.
	for (const [w, who] of everyone.entries()) {
		// Actions first: they are where today's 500s were.
		for (const [t, target] of [...TARGETS.filter((x) => x.kind === 'action'), ...TARGETS.filter((x) => x.kind === 'endpoint')].entries()) {
			const broken = BROKEN[(t + 2 * w) % BROKEN.length];
			const enhance = (t + w) % 2 === 0;
			const headers = {
				...sameOrigin(baseURL!),
				'content-type': broken.type,
				...(enhance ? { accept: 'application/json', 'x-sveltekit-action': 'true' } : { accept: 'text/html' })
			};
			const path = pathOf(target, paramsFor(target, who));
			const what = `${who.label}: ${broken.label} to ${methodOf(target)} ${path}`;
			const { status, text } = await expectHandled(await send(who.api, methodOf(target), path, headers, broken.body), what);
			// An endpoint decides itself what to do with text/plain (the analyser answers 415).
			if (target.kind === 'endpoint' && (!broken.endpointToo || methodOf(target) !== 'POST')) continue;
			expect(status, what).toBe(400);
			expect(text, what).toMatch(/niet leesbaar aan|geen geldige JSON/);
		}
	}
	const [, solo] = everyone;
	const english = await send(solo.api, 'POST', '/en/reflections/new?/create', { ...sameOrigin(baseURL!), 'content-type': BROKEN[0].type, accept: 'text/html' }, BROKEN[0].body);
	expect(english.status()).toBe(400);
	expect(await english.text()).toContain('did not arrive in a form we can read');
	const enhanced = await send(solo.api, 'POST', '/reflections/new?/create', { ...sameOrigin(baseURL!), 'content-type': BROKEN[0].type, accept: 'application/json', 'x-sveltekit-action': 'true' }, BROKEN[0].body);
	expect(await enhanced.json()).toEqual({ type: 'error', error: { message: expect.stringContaining('niet leesbaar aan') } });
	const tooLarge = await send(solo.api, 'POST', '/reflections/new?/create', { ...sameOrigin(baseURL!), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, Buffer.from(`prompt=my-part&body=${'a'.repeat(BODY_LIMIT)}`));
	expect(tooLarge.status()).toBe(413);
	expect(await tooLarge.text()).toContain('te veel in één keer');
});

// ---- Random requests ----

const KNOWN_NAMES = ['body', 'lang', 'version', 'id', 'email', 'password', 'current', 'next', 'role', 'status', 'note', 'prompt', 'token', 'format', 'displayName', 'adult', 'consent', 'confirm', 'text'];
const KNOWN_VALUES = ['', '1', '0', '-1', '1.5', '1e309', '99999999999999999999', 'NaN', 'on', 'true', 'nl', 'en', 'de', 'auto', 'json', 'html', 'space', 'ready-to-talk', 'my-part', 'hurt', 'repairing', '\u0000', '\r\n', '%00', '../../etc/passwd', '<script>x</script>', "' OR 1=1 --", '{{x}}', '\uFEFF', '\uD800', 'a@b', 'x@example.org'];

/** A value is a string or, to keep failure reports short, a length to fill in when sending. */
type Value = string | { repeat: number };
const value: fc.Arbitrary<Value> = fc.oneof(
	{ weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 4, arbitrary: fc.constantFrom(...KNOWN_VALUES) },
	{ weight: 2, arbitrary: fc.uuid() },
	{ weight: 1, arbitrary: fc.constantFrom(500, 501, 20_000, 20_001, 100_000, BODY_LIMIT - 200, BODY_LIMIT + 1).map((repeat) => ({ repeat })) }
);
const name = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KNOWN_NAMES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) });
const fields = fc.array(fc.tuple(name, value), { maxLength: 6 });

type Encoding = 'urlencoded' | 'multipart' | 'multipart-truncated' | 'multipart-wrong-boundary' | 'text' | 'json' | 'binary' | 'charset' | 'raw-urlencoded' | 'empty' | 'no-type' | 'odd-type';
const encoding = fc.constantFrom<Encoding>('urlencoded', 'urlencoded', 'multipart', 'multipart', 'multipart-truncated', 'multipart-wrong-boundary', 'text', 'json', 'binary', 'charset', 'raw-urlencoded', 'empty', 'no-type', 'odd-type');

const shape = fc.record({
	target: fc.integer({ min: 0, max: TARGETS.length + PAGES.length - 1 }),
	// A page read as SvelteKit's client reads it.
	data: fc.boolean(),
	// Cookies a person cannot be trusted with: a made-up session, a language that does not exist.
	cookie: fc.option(fc.record({ session: value, lang: fc.oneof(fc.constantFrom('nl', 'en', 'de', ''), fc.string({ unit: 'binary', maxLength: 10 })) }), { freq: 5 }),
	who: fc.integer({ min: 0, max: 2 }),
	id: fc.oneof(fc.constant(undefined), fc.uuid(), fc.string({ unit: 'binary', maxLength: 20 })),
	locale: fc.constantFrom<'' | '/en'>('', '', '/en'),
	csrf: fc.constantFrom('origin', 'origin', 'origin', 'sec-fetch', 'none', 'cross-site'),
	accept: fc.constantFrom('text/html', 'application/json', '*/*', 'enhance', 'none'),
	fields,
	encoding,
	cut: fc.double({ min: 0, max: 1, noNaN: true }),
	raw: fc.string({ unit: 'binary', maxLength: 60 }),
	oddType: fc.constantFrom('application/octet-stream', 'image/png', 'application/json; charset=utf-16', 'multipart/mixed; boundary=x', 'application/x-sveltekit-formdata', 'text/plain; charset=utf-8', '*/*', ';;', 'application/x-www-form-urlencoded;;charset', 'MULTIPART/FORM-DATA; BOUNDARY=x'),
	charset: fc.constantFrom('utf-16', 'iso-8859-1', 'UTF-8', '"utf-8"', 'bogus', ''),
	seed: fc.integer({ min: 0, max: 2 ** 30 }),
	// Loads run again after an action to render the page, and read the query string.
	query: fc.array(fc.tuple(fc.constantFrom('version', 'next', 'prompt', 'saved', 'left', 'deleted', 'token', 'email'), value), { maxLength: 2 }),
	// Mostly the method the target takes, sometimes one it does not.
	method: fc.constantFrom(undefined, undefined, undefined, undefined, undefined, 'PUT', 'PATCH', 'DELETE', 'GET')
});

// Byte-wise, so lone surrogates (which encodeURIComponent refuses) still make a URL.
const percentEncode = (s: string) => [...Buffer.from(s)].map((b) => (/[\w.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');
const fill = (v: Value) => (typeof v === 'string' ? v : 'a'.repeat(v.repeat));
const quoteName = (n: string) => n.replace(/"/g, '%22');

function multipart(pairs: [string, string][], boundary: string) {
	const parts = pairs.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quoteName(k)}"\r\n\r\n${v}\r\n`);
	return Buffer.from(`${parts.join('')}--${boundary}--\r\n`);
}

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

function build(input: Shape): { type?: string; body?: Buffer } {
	const pairs = input.fields.map(([k, v]) => [k, fill(v)] as [string, string]);
	const urlencoded = Buffer.from(new URLSearchParams(pairs).toString());
	const boundary = `----fuzz${input.seed}`;
	switch (input.encoding) {
		case 'urlencoded':
			return { type: 'application/x-www-form-urlencoded', body: urlencoded };
		case 'multipart':
			return { type: `multipart/form-data; boundary=${boundary}`, body: multipart(pairs, boundary) };
		case 'multipart-truncated': {
			const whole = multipart(pairs, boundary);
			return { type: `multipart/form-data; boundary=${boundary}`, body: whole.subarray(0, Math.floor(whole.length * input.cut)) };
		}
		case 'multipart-wrong-boundary':
			return { type: `multipart/form-data; boundary=other${input.seed}`, body: multipart(pairs, boundary) };
		case 'text':
			return { type: 'text/plain', body: Buffer.from(pairs.map(([k, v]) => `${k}=${v}`).join('\r\n')) };
		case 'json':
			return { type: 'application/json', body: Buffer.from(JSON.stringify(Object.fromEntries(pairs))) };
		case 'binary':
			return { type: 'application/x-www-form-urlencoded', body: randomBytesFrom(input.seed, Math.floor(input.cut * 2000)) };
		case 'charset':
			return { type: `application/x-www-form-urlencoded; charset=${input.charset}`, body: urlencoded };
		case 'raw-urlencoded':
			return { type: 'application/x-www-form-urlencoded', body: Buffer.from(input.raw) };
		case 'empty':
			return { type: 'multipart/form-data; boundary=x', body: Buffer.alloc(0) };
		case 'no-type':
			return { body: urlencoded };
		case 'odd-type':
			return { type: input.oddType, body: urlencoded };
	}
}

// Deterministic bytes from the run's own seed, so a reported seed reproduces the same body.
function randomBytesFrom(seed: number, length: number) {
	const out = Buffer.alloc(length);
	let x = seed || 1;
	for (let i = 0; i < length; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		out[i] = x & 0xff;
	}
	return out;
}

function headersFor(input: Shape, baseURL: string, signedOut: boolean, type?: string) {
	const headers: Record<string, string> = {};
	if (type) headers['content-type'] = type;
	if (input.csrf === 'origin') headers.origin = baseURL;
	if (input.csrf === 'sec-fetch') Object.assign(headers, { origin: 'null', 'sec-fetch-site': 'same-origin' });
	if (input.csrf === 'cross-site') Object.assign(headers, { origin: 'https://elders.example', 'sec-fetch-site': 'cross-site' });
	// Only signed out: the server clears a bad session cookie, which would sign the others out.
	if (input.cookie && signedOut) headers.cookie = `herstelpad_session=${percentEncode(fill(input.cookie.session).slice(0, 4000))}; herstelpad_lang=${percentEncode(input.cookie.lang)}`;
	if (input.accept === 'enhance') Object.assign(headers, { accept: 'application/json', 'x-sveltekit-action': 'true' });
	else if (input.accept !== 'none') headers.accept = input.accept;
	return headers;
}

test('random fields, encodings and sizes never cause a 500 or show internals', async ({ baseURL }) => {
	test.setTimeout(240_000);
	const everyone = await setUp(baseURL!);
	await fc.assert(
		fc.asyncProperty(shape, async (input) => {
			const target = [...TARGETS, ...PAGES][input.target];
			const who = everyone[input.who];
			// Signing out or leaving would take the session or couple away from the runs after this one.
			if (who.label !== 'signed out' && target.name === 'signout') return;
			if (who.label === 'couple' && target.name === 'leave') return;
			const page = pathOf(target, paramsFor(target, who, input.id === undefined ? {} : { id: input.id, step: input.id, ruleId: input.id, token: input.id }), input.locale);
			const base = target.kind === 'page' && input.data ? `${page.replace(/\/$/, '')}/__data.json` : page;
			const query = input.query.map(([k, v]) => `${k}=${percentEncode(fill(v).slice(0, 2000))}`).join('&');
			const path = query ? `${base}${base.includes('?') ? '&' : '?'}${query}` : base;
			const { type, body } = build(input);
			const method = input.method ?? methodOf(target);
			const what = `${who.label}: ${method} ${path} (${type ?? 'no type'}, ${body?.length ?? 0} bytes, seed ${SEED})`;
			if (process.env.FUZZ_DEBUG) console.log(what);
			await expectHandled(await send(who.api, method, path, headersFor(input, baseURL!, who.label === 'signed out', type), method === 'GET' || method === 'HEAD' ? undefined : body), what);
		}),
		{ seed: SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 300), endOnFailure: true }
	);
});
