import type { RequestHandler } from './$types';
import { listArticles } from '$lib/server/guide/articles';
import { absoluteUrl } from '$lib/server/guide/public-pages';
import { rssFeed } from '$lib/server/guide/feeds';
import { m } from '$lib/i18n';

/** One RSS feed per language: /guide/feed.xml (Dutch), /en/guide/feed.xml (English). */
export const GET: RequestHandler = ({ locals }) => {
	const locale = locals.locale;
	const xml = rssFeed({
		title: m.guide_feed_title(),
		description: m.guide_intro(),
		locale,
		link: absoluteUrl('/guide', locale),
		self: absoluteUrl('/guide/feed.xml', locale),
		items: listArticles(locale)
			.toSorted((a, b) => b.date.localeCompare(a.date) || a.order - b.order)
			.map((a) => ({ title: a.title, summary: a.summary, link: absoluteUrl(`/guide/${a.slug}`, locale), date: a.date, author: a.author }))
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
