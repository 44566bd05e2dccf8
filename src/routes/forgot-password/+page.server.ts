import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requestPasswordResetMail } from '$lib/server/auth/password-reset-mail';
import { actionFailure, invalid, parseForm } from '$lib/server/http';
import { forgotPasswordSchema } from '$lib/schemas/auth';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	request: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { email: String(form.get('email') ?? '') };
		const parsed = parseForm(forgotPasswordSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			// Queued whether or not the address has an account; a job sends the mail (never waited for here).
			await requestPasswordResetMail(getDb(), { email: parsed.data.email, address: locals.address, locale: locals.locale });
		} catch (err) {
			return actionFailure(err, values);
		}
		// The same answer whether or not the address has an account.
		return { sent: true };
	}
};
