import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { endSession } from '$lib/server/auth/sessions';
import { clearSessionCookie } from '$lib/server/auth/web';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionId) await endSession(getDb(), locals.sessionId);
		clearSessionCookie(cookies);
		redirect(303, localizeHref('/'));
	}
};
