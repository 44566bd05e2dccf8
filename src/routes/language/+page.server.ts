import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { setLocale } from '$lib/server/users/users';
import { sameOriginPath } from '$lib/server/http';
import { localizeHref } from '$lib/i18n';

/** Nothing to show: the switch is a POST from the language menu. */
export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

/**
 * Switching language while signed in records it, so e-mails arrive in the language the person
 * reads; reading a page in another language (a plain GET) never changes it.
 */
export const actions: Actions = {
	switch: async ({ request, locals }) => {
		const form = await request.formData();
		const next = sameOriginPath(String(form.get('next') ?? '/')) ?? '/';
		const locale = form.get('locale');
		// Only the menu posts here; anything else changes nothing and returns to the page.
		if (locale !== 'nl' && locale !== 'en') redirect(303, localizeHref(next));
		if (locals.user && locals.user.locale !== locale) await setLocale(getDb(), locals.user.id, locale);
		redirect(303, sameOriginPath(localizeHref(next, { locale })) ?? localizeHref('/', { locale }));
	}
};
