import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actionFailure, invalid, parseForm } from '$lib/server/http';
import { signUpForBooklet } from '$lib/server/booklet/signups';
import { BOOKLET } from '$lib/server/booklet/text';
import { bookletSignUpSchema } from '$lib/schemas/booklet';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** The booklet page: what is in it, and the sign-up (no account needed). */
export const load: PageServerLoad = ({ locals }) => ({
	pitfalls: BOOKLET[locals.locale].pitfalls.map((p) => p.title)
});

export const actions: Actions = {
	request: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { email: String(form.get('email') ?? '').slice(0, 300), updates: form.get('updates') === 'on' ? 'on' : '' };
		const parsed = parseForm(bookletSignUpSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		// A robot that filled in the hidden field gets the same answer, and nothing happens.
		if (parsed.data.website) return { sent: true };
		try {
			// Queued for a new, a known or an over-its-limit address alike; a job sends the mail (never waited for here).
			await signUpForBooklet(getDb(), { email: parsed.data.email, locale: locals.locale, wantsUpdates: parsed.data.updates === 'on', address: locals.address });
		} catch (err) {
			return actionFailure(err, values);
		}
		// The same answer for a new, a known and a confirmed address.
		return { sent: true };
	}
};
