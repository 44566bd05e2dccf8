import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/admin/require-admin';
import { confirmedSignupsCsv } from '$lib/server/booklet/signups';

/** The confirmed addresses as CSV (docs/booklet.md), for administrators only. */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireAdmin(event);
	const csv = await confirmedSignupsCsv(getDb(), actor);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="booklet-confirmed.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
