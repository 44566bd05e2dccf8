import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getContentPage } from '$lib/server/content/pages';
import { errorText } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = ({ locals }) => {
	const page = getContentPage('help', locals.locale);
	if (!page) error(404, errorText('not_found'));
	return { page };
};
