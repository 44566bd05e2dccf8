import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { articlesBy, getAuthor } from '$lib/server/guide/articles';
import { articleCard } from '$lib/server/guide/view';
import { m } from '$lib/i18n';

export const load: PageServerLoad = ({ params, locals }) => {
	const author = getAuthor(params.author, locals.locale);
	if (!author) error(404, m.error_not_found());
	return { author: { slug: author.slug, name: author.name, role: author.role, html: author.html }, articles: articlesBy(author.slug, locals.locale).map(articleCard) };
};
