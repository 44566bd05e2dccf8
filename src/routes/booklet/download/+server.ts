import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { mayDownload } from '$lib/server/booklet/signups';
import { bookletPdf } from '$lib/server/booklet/pdf';
import { BOOKLET } from '$lib/server/booklet/text';
import { bookletTokenSchema } from '$lib/schemas/booklet';
import { errorText } from '$lib/i18n';

/** The PDF, in the language of the address (`/en/booklet/download` is English), for a confirmed link only. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = bookletTokenSchema.safeParse({ token: url.searchParams.get('token') ?? '' });
	if (!parsed.success || !(await mayDownload(getDb(), parsed.data.token))) error(404, errorText('booklet_link_invalid'));
	const pdf = await bookletPdf(locals.locale);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${BOOKLET[locals.locale].fileName}"`,
			'content-length': String(pdf.length),
			'cache-control': 'private, no-store'
		}
	});
};
