/**
 * Cross-site request forgery check for form posts. SvelteKit's own check compares the Origin
 * header with the site; ours also copes with browsers that withhold it. Our pages send
 * `Referrer-Policy: same-origin`, so a plain form post from our own page carries its real Origin
 * (under `no-referrer` it would be `Origin: null`, and over plain http, a second device at home,
 * Chromium sends no Sec-Fetch-Site either: nothing would tell our form from another site's). So:
 * the Origin must match, or, when it is withheld, the browser's own Sec-Fetch-Site header (which a
 * page cannot set) must say the request comes from this same origin.
 *
 * Which origin is "ours": with ORIGIN configured, exactly that one (`url.origin` is built from it).
 * Without it (the quick start, `npm start` at home), adapter-node guesses `https://<Host header>`,
 * so a browser at `http://localhost:3000` or `http://home.lan:3000` would never match. There we
 * compare the Origin's host and port with the Host the browser sent: a page on another site cannot
 * make a browser send our Host with its own Origin, so cross-site posts stay refused.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The one path a form post may reach from anywhere: RFC 8058 one-click unsubscribe, which a mail
 * program POSTs on its own. Its token is the proof, and it can only turn e-mails off.
 */
export const ONE_CLICK_UNSUBSCRIBE_PATH = '/notifications/unsubscribe/one-click';

export interface CsrfOptions {
	/** True when ORIGIN is set: then only that exact origin counts. */
	originConfigured: boolean;
}

export function isForbiddenCrossSiteForm(request: Request, url: URL, options: CsrfOptions = { originConfigured: true }): boolean {
	if (!UNSAFE_METHODS.includes(request.method)) return false;
	if (url.pathname === ONE_CLICK_UNSUBSCRIBE_PATH && request.method === 'POST') return false;
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return false;
	const origin = request.headers.get('origin');
	if (origin === url.origin) return false;
	const withheld = origin === null || origin === 'null';
	if (withheld) return request.headers.get('sec-fetch-site') !== 'same-origin';
	if (options.originConfigured) return true;
	return !sameHost(origin, url.host);
}

function sameHost(origin: string, host: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(origin);
	} catch {
		return false;
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
	// An origin is scheme://host[:port] and nothing more; anything else is not a browser's Origin.
	if (parsed.origin !== origin) return false;
	return parsed.host === host.toLowerCase();
}
