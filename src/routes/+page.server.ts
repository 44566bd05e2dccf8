import type { PageServerLoad } from './$types';
import { listArticles } from '$lib/server/guide/articles';
import { articleCard } from '$lib/server/guide/view';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = ({ url, locals }) => ({
	deleted: url.searchParams.get('deleted') === '1',
	articles: listArticles(locals.locale).slice(0, 3).map(articleCard)
});
