/**
 * How a refused form post is answered, so the person sees why and keeps what they typed.
 * `use:enhance` expects a JSON ActionResult whose `data` is devalue-encoded; a plain-text 403
 * cannot be read there and ended as a generic error page with the text gone. Without JavaScript
 * the browser shows our small HTML page, and its back button returns to the filled-in form.
 */
const SECRET_FIELD = /pass|token|secret|code/i;
const MAX_FIELD = 20_000;

/** True for a request made by SvelteKit's `use:enhance` (or `deserialize`-based fetches). */
export function isEnhancedAction(request: Request): boolean {
	return request.headers.get('x-sveltekit-action') === 'true';
}

/** The posted string fields that are safe to send back: never passwords or tokens, never files. */
export async function echoableValues(request: Request): Promise<Record<string, string>> {
	const type = (request.headers.get('content-type') ?? '').toLowerCase();
	if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return {};
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return {};
	}
	const values: Record<string, string> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string' || SECRET_FIELD.test(key) || key in values) continue;
		values[key] = value.slice(0, MAX_FIELD);
	}
	return values;
}

type Plain = string | { [key: string]: Plain };

/**
 * devalue's format for plain objects of strings (what SvelteKit's `deserialize` parses): a flat
 * array whose first entry is the root and whose objects point at other entries by index.
 */
export function devalueStringify(root: Plain): string {
	const table: unknown[] = [];
	const add = (value: Plain): number => {
		const index = table.length;
		table.push(null);
		if (typeof value === 'string') {
			table[index] = value;
		} else {
			const entry: Record<string, number> = {};
			table[index] = entry;
			for (const [key, child] of Object.entries(value)) entry[key] = add(child);
		}
		return index;
	};
	add(root);
	return JSON.stringify(table);
}

/** `refused`, not `message`: the layout shows it once (FormRefusal.svelte), whatever the page shows. */
export function enhancedRefusal(status: number, message: string, values: Record<string, string>): Response {
	const body = JSON.stringify({ type: 'failure', status, data: devalueStringify({ refused: message, values }) });
	return new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

const escape = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Refusal pages are answered before SvelteKit renders anything, so they get no CSP from
 * svelte.config.js: their own, the strictest, since they have no script, style or image.
 */
export const REFUSAL_CSP = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function pageRefusal(status: number, input: { lang: string; title: string; message: string; back: string; home: string; homeHref: string }): Response {
	const html = `<!doctype html>
<html lang="${escape(input.lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(input.title)} · Herstelpad</title></head>
<body>
<main>
<h1>${escape(input.title)}</h1>
<p>${escape(input.message)}</p>
<p>${escape(input.back)}</p>
<p><a href="${escape(input.homeHref)}">${escape(input.home)}</a></p>
</main>
</body>
</html>
`;
	return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': REFUSAL_CSP } });
}
