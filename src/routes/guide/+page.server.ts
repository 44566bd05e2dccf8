import type { PageServerLoad } from './$types';
import { listArticles, listAuthors } from '$lib/server/guide/articles';
import { articleCard, authorCard } from '$lib/server/guide/view';
import { listGuides } from '$lib/server/program/guides';

/** The guide's front page: the article series, the program's step texts, the editorial team. */
export const load: PageServerLoad = ({ locals }) => {
	const articles = listArticles(locals.locale).map(articleCard);
	const series = [...new Set(articles.map((a) => a.series))].map((name) => ({ name, articles: articles.filter((a) => a.series === name) }));
	const steps = (track: 'repairing' | 'hurt') => listGuides(track, locals.locale).map((g) => ({ slug: g.slug, number: g.number, title: g.title }));
	return { series, tracks: { repairing: steps('repairing'), hurt: steps('hurt') }, authors: listAuthors(locals.locale).map(authorCard) };
};
