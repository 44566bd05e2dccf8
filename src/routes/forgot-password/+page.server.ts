import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requestPasswordReset, RESET_TOKEN_MINUTES } from '$lib/server/auth/accounts';
import { getMailer } from '$lib/server/mail';
import { passwordResetMail } from '$lib/server/mail/templates';
import { actionFailure, invalid, parseForm } from '$lib/server/http';
import { forgotPasswordSchema } from '$lib/schemas/auth';
import { localizeHref } from '$lib/paraglide/runtime.js';

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	request: async ({ request, locals, url }) => {
		const form = await request.formData();
		const values = { email: String(form.get('email') ?? '') };
		const parsed = parseForm(forgotPasswordSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			const reset = await requestPasswordReset(getDb(), { email: parsed.data.email, address: locals.address });
			if (reset) {
				const link = new URL(localizeHref(`/reset-password?token=${reset.token}`, { locale: reset.locale }), url.origin).href;
				// A failed delivery must not answer differently from an unknown address; the mailer has logged it.
				await getMailer()
					.send(parsed.data.email, passwordResetMail(reset.locale, { name: reset.displayName, link, minutes: RESET_TOKEN_MINUTES }), 'password-reset')
					.catch(() => undefined);
			}
		} catch (err) {
			return actionFailure(err, values);
		}
		// The same answer whether or not the address has an account.
		return { sent: true };
	}
};
