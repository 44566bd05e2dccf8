import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { signUp } from '$lib/server/auth/accounts';
import { setSessionCookie } from '$lib/server/auth/web';
import { actionFailure, invalid, parseForm, requireAnonymous, safeNext } from '$lib/server/http';
import { signUpSchema } from '$lib/schemas/auth';
import { errorText, localizeHref } from '$lib/i18n';
import { DomainError } from '$lib/server/errors';
import { isPasswordProblem } from '$lib/server/auth/password-strength';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = (event) => {
	requireAnonymous(event);
	return {};
};

export const actions: Actions = {
	signup: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const values = { displayName: String(form.get('displayName') ?? ''), email: String(form.get('email') ?? '') };
		const parsed = parseForm(signUpSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			const { session } = await signUp(getDb(), { ...parsed.data, locale: locals.locale, address: locals.address });
			setSessionCookie(cookies, session);
		} catch (err) {
			if (err instanceof DomainError && isPasswordProblem(err.code)) return invalid({ password: errorText(err.code) }, values);
			return actionFailure(err, values);
		}
		const next = url.searchParams.get('next');
		redirect(303, next ? safeNext(next) : localizeHref('/onboarding/role'));
	}
};
