import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/admin/require-admin';
import { actionFailure, invalid, parseForm } from '$lib/server/http';
import { bookletCounts, deleteBookletSignup } from '$lib/server/booklet/signups';
import { forgotPasswordSchema } from '$lib/schemas/auth';

/** Booklet sign-ups: counts only on the page; addresses leave only as the CSV of confirmed ones. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireAdmin(event);
	return { counts: await bookletCounts(getDb(), actor) };
};

export const actions: Actions = {
	delete: async (event) => {
		const { actor } = requireAdmin(event);
		const form = await event.request.formData();
		const values = { email: String(form.get('email') ?? '').slice(0, 300) };
		// The same schema as every e-mail field: trimmed and lower-cased, as sign-ups are stored.
		const parsed = parseForm(forgotPasswordSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			return { deleted: await deleteBookletSignup(getDb(), actor, parsed.data.email) };
		} catch (err) {
			return actionFailure(err, values);
		}
	}
};
