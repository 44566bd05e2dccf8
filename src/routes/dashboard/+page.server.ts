import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { dismissCoupleNotice } from '$lib/server/couple/notices';
import { newFormKey } from '$lib/server/forms/once';
import { requireUser } from '$lib/server/http';
import { localizeHref } from '$lib/i18n';
import { loadHome } from './home.server';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const role = user.role;
	if (!role) redirect(303, localizeHref('/onboarding/role'));
	return { ...(await loadHome(getDb(), { ...user, role }, event.locals.locale)), formKey: newFormKey() };
};

export const actions: Actions = {
	dismissNotice: async (event) => {
		const user = requireUser(event);
		await dismissCoupleNotice(getDb(), user.id);
		return { dismissed: true };
	}
};
