import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { hitLimit } from '$lib/server/security/rate-limit';
import { analyzeOffThread } from '$lib/server/coach/analyze';
import { DomainError } from '$lib/server/errors';
import { errorText } from '$lib/i18n';
import { z } from 'zod';
import { MAX_APOLOGY_LENGTH } from '$lib/coach';

const LIMIT = { max: 60, windowSeconds: 60 };

const bodySchema = z.object({
	text: z
		.string({ error: 'apology_empty' })
		.refine((s) => s.trim().length > 0, { error: 'apology_empty' })
		.refine((s) => s.length <= MAX_APOLOGY_LENGTH, { error: 'apology_too_long' }),
	lang: z.enum(['nl', 'en'], { error: 'apology_lang_invalid' }).optional()
});

const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
	json({ error: code, message: errorText(code) }, { status, headers });

/**
 * The analyser over HTTP, for clients that are not forms. Stateless: the text is analysed in
 * memory (in a worker thread, so a burst cannot stall the server) and is never logged or stored.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	const limit = await hitLimit(getDb(), `analyze:address:${locals.address}`, LIMIT);
	if (!limit.allowed) return problem(429, 'too_many_attempts', { 'Retry-After': String(limit.retryAfterSeconds) });
	if (!(request.headers.get('content-type') ?? '').includes('application/json')) return problem(415, 'json_required');
	const raw = await request.text();
	if (raw.length > MAX_APOLOGY_LENGTH * 6 + 1000) return problem(400, 'apology_too_long');
	let payload: unknown;
	try {
		payload = JSON.parse(raw);
	} catch {
		return problem(400, 'json_invalid');
	}
	const parsed = bodySchema.safeParse(payload);
	if (!parsed.success) return problem(400, parsed.error.issues[0].message.match(/^[a-z_]+$/) ? parsed.error.issues[0].message : 'json_invalid');
	try {
		return json(await analyzeOffThread(parsed.data.text, { lang: parsed.data.lang, owner: `address:${locals.address}` }));
	} catch (err) {
		if (!(err instanceof DomainError)) throw err;
		const wait = err.retryAfterSeconds ?? (err.code === 'analysis_busy' ? 2 : undefined);
		return problem(err.status, err.code, wait ? { 'Retry-After': String(wait) } : {});
	}
};
