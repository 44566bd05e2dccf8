import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { signOut } from '$lib/server/auth/accounts';
import { clearSessionCookie } from '$lib/server/auth/web';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	signout: async ({ locals, cookies }) => {
		if (locals.user && locals.sessionId) await signOut(getDb(), locals.user.id, locals.sessionId);
		clearSessionCookie(cookies);
		redirect(303, localizeHref('/'));
	}
};
