import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { signIn } from '$lib/server/auth/accounts';
import { setSessionCookie } from '$lib/server/auth/web';
import { DomainError } from '$lib/server/errors';
import { actionFailure, invalid, parseForm, requireAnonymous, safeNext } from '$lib/server/http';
import { signInSchema } from '$lib/schemas/auth';
import { m } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = (event) => {
	requireAnonymous(event);
	return { reset: event.url.searchParams.get('reset') === '1' };
};

export const actions: Actions = {
	signin: async ({ request, cookies, locals, url, setHeaders }) => {
		const form = await request.formData();
		const values = { email: String(form.get('email') ?? '') };
		const parsed = parseForm(signInSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			const { session } = await signIn(getDb(), { ...parsed.data, address: locals.address });
			setSessionCookie(cookies, session);
		} catch (err) {
			if (err instanceof DomainError && err.code === 'too_many_attempts') {
				const minutes = Math.ceil((err.retryAfterSeconds ?? 60) / 60);
				setHeaders({ 'Retry-After': String(err.retryAfterSeconds ?? 60) });
				return fail(429, { message: m.error_too_many_attempts_minutes({ minutes }), values });
			}
			return actionFailure(err, values);
		}
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
