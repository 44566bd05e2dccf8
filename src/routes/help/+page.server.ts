import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getContentPage } from '$lib/server/content/pages';

export const load: PageServerLoad = ({ locals }) => {
	const page = getContentPage('help', locals.locale);
	if (!page) error(404, 'Not found');
	return { page };
};
