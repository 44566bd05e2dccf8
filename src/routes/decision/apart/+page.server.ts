import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http';
import { listPartingGuides } from '$lib/server/decision/parting';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	return { guides: listPartingGuides(event.locals.locale === 'en' ? 'en' : 'nl') };
};
