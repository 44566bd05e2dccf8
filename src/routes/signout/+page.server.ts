import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { signOut } from '$lib/server/auth/accounts';
import { SIGN_OUT_HEADERS, clearSessionCookie } from '$lib/server/auth/web';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	signout: async ({ locals, cookies, setHeaders }) => {
		if (locals.user && locals.sessionId) await signOut(getDb(), locals.user.id, locals.sessionId);
		clearSessionCookie(cookies);
		setHeaders(SIGN_OUT_HEADERS);
		redirect(303, localizeHref('/'));
	}
};
