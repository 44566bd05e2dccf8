import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { exportUserData } from '$lib/server/privacy/export';
import { renderExportHtml } from '$lib/server/privacy/export-html';
import { hitLimit, type Limit } from '$lib/server/security/rate-limit';
import { m } from '$lib/i18n';

/** An export gathers everything a person wrote; a few an hour is plenty, a loop of them is load. */
const EXPORT_LIMIT: Limit = { max: 10, windowSeconds: 60 * 60 };

/**
 * The download of one's own data. A POST from the settings form (so our CSRF check in
 * hooks.server.ts applies and no link prefetch can trigger it), answered with a file.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.user) error(401, m.error_not_found());
	// Anything but a form (a JSON body, say) is a bad request, not a crash.
	const form = await request.formData().catch(() => undefined);
	const format = String(form?.get('format') ?? '');
	if (format !== 'json' && format !== 'html') error(400, m.error_export_format());
	const limit = await hitLimit(getDb(), `export:${locals.user.id}`, EXPORT_LIMIT);
	if (!limit.allowed) error(429, m.error_too_many_attempts());
	const data = await exportUserData(getDb(), locals.user.id);
	const day = data.exportedAt.slice(0, 10);
	const body = format === 'json' ? JSON.stringify(data, null, 2) : renderExportHtml(data, locals.locale);
	return new Response(body, {
		headers: {
			'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
			'Content-Disposition': `attachment; filename="herstelpad-${day}.${format}"`,
			'Cache-Control': 'no-store'
		}
	});
};
