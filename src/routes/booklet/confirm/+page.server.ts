import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actionFailure, parseForm } from '$lib/server/http';
import { bookletLink, confirmBooklet } from '$lib/server/booklet/signups';
import { bookletTokenSchema } from '$lib/schemas/booklet';
import { errorText } from '$lib/i18n';
import { fail } from '@sveltejs/kit';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/**
 * The link from the e-mail. Opening it changes nothing (mail scanners open links too); the person
 * confirms with the button, and then gets the download.
 */
export const load: PageServerLoad = async ({ url }) => {
	const parsed = bookletTokenSchema.safeParse({ token: url.searchParams.get('token') ?? '' });
	if (!parsed.success) return { state: 'invalid' as const, token: null };
	const link = await bookletLink(getDb(), parsed.data.token);
	if (!link.valid) return { state: 'invalid' as const, token: null };
	return { state: link.confirmed ? ('confirmed' as const) : ('pending' as const), token: parsed.data.token };
};

export const actions: Actions = {
	confirm: async ({ request }) => {
		const parsed = parseForm(bookletTokenSchema, await request.formData());
		if (!parsed.ok) return fail(400, { message: errorText('booklet_link_invalid') });
		try {
			await confirmBooklet(getDb(), parsed.data.token);
		} catch (err) {
			return actionFailure(err);
		}
		return { confirmed: true };
	}
};
