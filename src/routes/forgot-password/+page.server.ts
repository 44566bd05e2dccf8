import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { mailPasswordReset } from '$lib/server/auth/password-reset-mail';
import { publicUrl } from '$lib/server/env';
import { getMailer } from '$lib/server/mail';
import { actionFailure, invalid, parseForm } from '$lib/server/http';
import { forgotPasswordSchema } from '$lib/schemas/auth';
import { localizeHref } from '$lib/paraglide/runtime.js';

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	request: async ({ request, locals }) => {
		const form = await request.formData();
		const values = { email: String(form.get('email') ?? '') };
		const parsed = parseForm(forgotPasswordSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			// Not awaiting the delivery is the point: the answer must not wait for the mail server.
			await mailPasswordReset(
				getDb(),
				{ email: parsed.data.email, address: locals.address, locale: locals.locale },
				{ mailer: getMailer(), linkTo: (token, locale) => publicUrl(localizeHref(`/reset-password?token=${token}`, { locale })) }
			);
		} catch (err) {
			return actionFailure(err, values);
		}
		// The same answer whether or not the address has an account.
		return { sent: true };
	}
};
