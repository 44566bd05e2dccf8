import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actionFailure, parseForm } from '$lib/server/http';
import { bookletLink, unsubscribeBooklet } from '$lib/server/booklet/signups';
import { bookletTokenSchema } from '$lib/schemas/booklet';
import { errorText } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** Unsubscribing deletes the address; opening the link alone changes nothing. */
export const load: PageServerLoad = async ({ url }) => {
	const parsed = bookletTokenSchema.safeParse({ token: url.searchParams.get('token') ?? '' });
	const valid = parsed.success && (await bookletLink(getDb(), parsed.data.token)).valid;
	return { token: valid && parsed.success ? parsed.data.token : null };
};

export const actions: Actions = {
	unsubscribe: async ({ request }) => {
		const parsed = parseForm(bookletTokenSchema, await request.formData());
		if (!parsed.ok) return fail(400, { message: errorText('booklet_link_invalid') });
		try {
			await unsubscribeBooklet(getDb(), parsed.data.token);
		} catch (err) {
			return actionFailure(err);
		}
		return { unsubscribed: true };
	}
};
