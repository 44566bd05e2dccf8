import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import { errorText, getLocale, localizeHref, m } from '$lib/i18n';
import { isEnhancedAction, REFUSAL_CSP } from './refusal';

/**
 * One gate for request bodies: a body that cannot be read as what its Content-Type says (broken
 * multipart, bad percent-encoding, a charset other than UTF-8, invalid JSON) is answered with 400
 * and a message in the reader's language before any form action or endpoint runs. Without it,
 * `request.formData()` throws inside the action and the person sees a 500.
 */

export type BodyVerdict = { ok: true } | { ok: false; status: 400 | 413; code: 'body_unreadable' | 'body_too_large' | 'json_invalid' };

const OK: BodyVerdict = { ok: true };
const UNREADABLE: BodyVerdict = { ok: false, status: 400, code: 'body_unreadable' };
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Types a form action may be sent but cannot read with `request.formData()`.
const UNREADABLE_FOR_ACTIONS = new Set(['text/plain', 'application/x-sveltekit-formdata']);

function contentType(request: Request) {
	const [type = '', ...params] = (request.headers.get('content-type') ?? '').split(';');
	const charset = params.map((p) => p.trim().split('=')).find(([k]) => k.trim().toLowerCase() === 'charset')?.[1];
	return { type: type.trim().toLowerCase(), charset: charset?.trim().replace(/^"|"$/g, '').toLowerCase() };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict where the platform is lenient: `%zz` or bytes that are not UTF-8 are not a browser's form. */
function isReadableUrlencoded(bytes: Uint8Array) {
	try {
		for (const pair of utf8.decode(bytes).split('&')) decodeURIComponent(pair.replace(/\+/g, ' '));
		return true;
	} catch {
		return false;
	}
}

async function isReadableMultipart(bytes: Uint8Array<ArrayBuffer>, header: string) {
	try {
		await new Request('http://body.check/', { method: 'POST', headers: { 'content-type': header }, body: bytes }).formData();
		return true;
	} catch {
		return false;
	}
}

function isReadableJson(bytes: Uint8Array) {
	try {
		JSON.parse(utf8.decode(bytes));
		return true;
	} catch {
		return false;
	}
}

/**
 * Reads a copy of the body (the request itself stays unread for the action) and says whether it
 * is what its Content-Type promises. `forAction` is false for +server.ts endpoints, which decide
 * themselves what to do with types that are not forms.
 */
export async function checkBody(request: Request, forAction: boolean): Promise<BodyVerdict> {
	return (await inspectBody(request, forAction, { copy: true })).verdict;
}

/**
 * The gate's own reading: reads the body once and hands back a request holding the same bytes
 * for the action, instead of a clone (a clone tees the stream and reads it twice).
 */
export async function inspectBody(request: Request, forAction: boolean, { copy }: { copy: boolean }): Promise<{ verdict: BodyVerdict; request: Request }> {
	if (!BODY_METHODS.has(request.method)) return { verdict: OK, request };
	const { type, charset } = contentType(request);
	const isUrlencoded = type === 'application/x-www-form-urlencoded';
	const isMultipart = type === 'multipart/form-data';
	const isJson = type === 'application/json' || type.endsWith('+json');
	const unreadableType = forAction && UNREADABLE_FOR_ACTIONS.has(type);
	if (!unreadableType && !isUrlencoded && !isMultipart && !isJson) return { verdict: OK, request };
	// Read before refusing: a body left unread makes Node reset the connection, which a browser
	// shows as a network error instead of our message.
	let bytes: Uint8Array<ArrayBuffer>;
	try {
		// No body at all is still a body to the parser: empty multipart does not parse.
		bytes = request.body === null ? new Uint8Array(0) : new Uint8Array(await (copy ? request.clone() : request).arrayBuffer());
	} catch (err) {
		// The adapter errors the stream with status 413 beyond BODY_SIZE_LIMIT; keep that answer.
		if ((err as { status?: unknown } | null)?.status === 413) return { verdict: { ok: false, status: 413, code: 'body_too_large' }, request };
		return { verdict: UNREADABLE, request };
	}
	const rest = copy || request.body === null ? request : new Request(request, { body: bytes });
	const verdict = (v: BodyVerdict) => ({ verdict: v, request: rest });
	if (unreadableType || (charset && charset !== 'utf-8' && charset !== 'utf8')) return verdict(UNREADABLE);
	if (isUrlencoded) return verdict(isReadableUrlencoded(bytes) ? OK : UNREADABLE);
	if (isMultipart) return verdict((await isReadableMultipart(bytes, request.headers.get('content-type')!)) ? OK : UNREADABLE);
	return verdict(isReadableJson(bytes) ? OK : { ok: false, status: 400, code: 'json_invalid' });
}

// Route ids of +server.ts endpoints; only the file names are used, no module is loaded.
const ENDPOINTS = new Set(
	Object.keys(import.meta.glob('/src/routes/**/+server.ts')).map((file) => file.replace(/^\/src\/routes/, '').replace(/\/\+server\.ts$/, '') || '/')
);

export function isEndpoint(routeId: string | null) {
	return routeId !== null && ENDPOINTS.has(routeId);
}

/** Same choice SvelteKit makes between a JSON ActionResult and an HTML page. */
function prefersJson(accept: string) {
	const ranges = accept
		.split(',')
		.map((part, i) => {
			const [range, ...params] = part.trim().toLowerCase().split(';');
			const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
			return { range: range.trim(), q: Number.isFinite(q) ? q : 0, i };
		})
		.filter((r) => r.q > 0);
	const score = (type: string) => {
		const [major] = type.split('/');
		const match = ranges.filter((r) => r.range === type || r.range === `${major}/*` || r.range === '*/*');
		// Most specific match decides, as in content negotiation.
		const best = match.sort((a, b) => specificity(b.range) - specificity(a.range))[0];
		return best ? best.q : -1;
	};
	const jsonScore = score('application/json');
	return jsonScore >= 0 && jsonScore >= score('text/html');
}

const specificity = (range: string) => (range === '*/*' ? 0 : range.endsWith('/*') ? 1 : 2);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a plain form post came from: its address without the action (`?/create&prompt=x` is `?prompt=x`). */
export function formPageOf(url: URL) {
	const search = new URLSearchParams(url.search);
	for (const key of [...search.keys()]) if (key.startsWith('/')) search.delete(key);
	const rest = search.toString();
	return url.pathname + (rest ? `?${rest}` : '');
}

/** The refusal in the shape the caller reads: endpoint JSON, an ActionResult for use:enhance, or a page. */
export function refuseBody(event: RequestEvent, status: number, code: string): Response {
	const message = errorText(code);
	if (isEndpoint(event.route.id)) return json({ error: code, message }, { status });
	const headers = event.request.headers;
	if (isEnhancedAction(event.request) || prefersJson(headers.get('accept') ?? '*/*')) {
		return json({ type: 'error', error: { message } }, { status });
	}
	const page = `<!doctype html>
<html lang="${getLocale()}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(m.error_page_generic())} · Herstelpad</title></head>
<body><main><h1>${escapeHtml(m.error_page_generic())}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(formPageOf(event.url))}">${escapeHtml(m.error_body_back())}</a> · <a href="${escapeHtml(localizeHref('/'))}">${escapeHtml(m.error_page_home())}</a></p></main></body>
</html>`;
	return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': REFUSAL_CSP } });
}

export const handleBody: Handle = async ({ event, resolve }) => {
	// An unknown route is a 404 whatever its body; no need to read it.
	if (event.route.id === null) return resolve(event);
	const { verdict, request } = await inspectBody(event.request, !isEndpoint(event.route.id), { copy: false });
	if (!verdict.ok) return refuseBody(event, verdict.status, verdict.code);
	event.request = request;
	return resolve(event);
};
