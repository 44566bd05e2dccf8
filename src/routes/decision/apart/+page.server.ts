import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/http';
import { listPartingGuides } from '$lib/server/decision/parting';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = (event) => {
	requireUser(event);
	return { guides: listPartingGuides(event.locals.locale === 'en' ? 'en' : 'nl') };
};
