import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { programOverview } from '$lib/server/program/overview';
import { requireUser } from '$lib/server/http';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	return { role: user.role, ...(await programOverview(getDb(), user.id, user.role, event.locals.locale)) };
};
