import { LOCALES, type Locale } from './articles';

/** XML text and attribute escaping; everything in a feed or sitemap passes through it. */
export const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** RFC 822 date, as RSS 2.0 wants it; articles carry a day, published at noon UTC. */
const rssDate = (day: string) => new Date(`${day}T12:00:00Z`).toUTCString();

export interface FeedInput {
	title: string;
	description: string;
	locale: Locale;
	link: string;
	self: string;
	items: { title: string; summary: string; link: string; date: string; author: string }[];
}

export function rssFeed(feed: FeedInput): string {
	const items = feed.items
		.map(
			(i) =>
				`<item><title>${xml(i.title)}</title><link>${xml(i.link)}</link><guid isPermaLink="true">${xml(i.link)}</guid><pubDate>${rssDate(i.date)}</pubDate><dc:creator>${xml(i.author)}</dc:creator><description>${xml(i.summary)}</description></item>`
		)
		.join('\n');
	const newest = feed.items.map((i) => i.date).sort().at(-1);
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xml(feed.title)}</title>
<link>${xml(feed.link)}</link>
<atom:link href="${xml(feed.self)}" rel="self" type="application/rss+xml"/>
<description>${xml(feed.description)}</description>
<language>${feed.locale === 'nl' ? 'nl' : 'en'}</language>
${newest ? `<lastBuildDate>${rssDate(newest)}</lastBuildDate>\n` : ''}${items}
</channel>
</rss>
`;
}

/** A sitemap with each page in both languages, linked to each other (hreflang). */
export function sitemap(pages: { urls: Record<Locale, string>; lastmod?: string }[]): string {
	const entries = pages.flatMap((page) =>
		LOCALES.map((locale) => {
			const alternates = LOCALES.map((other) => `<xhtml:link rel="alternate" hreflang="${other}" href="${xml(page.urls[other])}"/>`).join('');
			return `<url><loc>${xml(page.urls[locale])}</loc>${page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : ''}${alternates}</url>`;
		})
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('\n')}
</urlset>
`;
}
