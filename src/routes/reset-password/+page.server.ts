import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { isResetTokenUsable, resetPassword } from '$lib/server/auth/accounts';
import { actionFailure, invalid, parseForm } from '$lib/server/http';
import { resetPasswordSchema } from '$lib/schemas/auth';
import { clearSessionCookie } from '$lib/server/auth/web';
import { errorText, localizeHref } from '$lib/i18n';
import { DomainError } from '$lib/server/errors';
import { isPasswordProblem } from '$lib/server/auth/password-strength';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('token') ?? '';
	const usable = token.length >= 20 && token.length <= 200 && (await isResetTokenUsable(getDb(), token));
	return { token: usable ? token : null };
};

export const actions: Actions = {
	reset: async ({ request, cookies }) => {
		const parsed = parseForm(resetPasswordSchema, await request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await resetPassword(getDb(), parsed.data);
		} catch (err) {
			if (err instanceof DomainError && isPasswordProblem(err.code)) return invalid({ password: errorText(err.code) });
			return actionFailure(err);
		}
		clearSessionCookie(cookies);
		redirect(303, localizeHref('/signin?reset=1'));
	}
};
