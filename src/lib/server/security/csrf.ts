/**
 * Cross-site request forgery check for form posts. SvelteKit's own check compares the Origin
 * header with the site, but with `Referrer-Policy: no-referrer` Chromium sends `Origin: null` on
 * plain form submissions, which would break every form for people without JavaScript. So: the
 * Origin must match, or, when it is withheld, the browser's own Sec-Fetch-Site header (which a page
 * cannot set) must say the request comes from this same origin.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

export function isForbiddenCrossSiteForm(request: Request, url: URL): boolean {
	if (!UNSAFE_METHODS.includes(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return false;
	const origin = request.headers.get('origin');
	if (origin === url.origin) return false;
	const withheld = origin === null || origin === 'null';
	return !(withheld && request.headers.get('sec-fetch-site') === 'same-origin');
}
