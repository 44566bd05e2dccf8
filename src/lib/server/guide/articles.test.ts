import { describe, expect, it } from 'vitest';
import { allArticles, getArticle, listArticles, listAuthors, neighbours, parseFrontMatter, readingMinutes, relatedArticles } from './articles';
import { rssFeed, sitemap, xml } from './feeds';
import { isIndexable } from './public-pages';

// First authors of the studies in our research notes (../shared/research/readiness-factors.md and
// recovery-evidence.md, outside this repository): the guide cites nothing else.
const RESEARCHED = ['Atkins', 'Marín', 'Gordon', 'Fife', 'Gunderson', 'Grøntvedt', 'Ng', 'Pichon', 'Snyder', 'Lewicki', 'Makinen', 'Doherty'];

describe('the guide', () => {
	it('has the five required articles in Dutch and English', () => {
		for (const slug of ['why-it-happens', 'eight-practices', 'hurt-partner', 'forgiveness', 'why-trust-matters']) {
			expect(getArticle(slug, 'nl'), `${slug}.nl`).toBeDefined();
			expect(getArticle(slug, 'en'), `${slug}.en`).toBeDefined();
		}
		expect(listArticles('nl').map((a) => a.slug)).toEqual(listArticles('en').map((a) => a.slug));
	});

	it('keeps every article between 800 and 1,500 words', () => {
		for (const article of allArticles()) {
			expect(article.words, `${article.slug}.${article.locale}`).toBeGreaterThanOrEqual(800);
			expect(article.words, `${article.slug}.${article.locale}`).toBeLessThanOrEqual(1500);
		}
	});

	it('has complete front matter, and cites only studies from our research notes, each one named in the text', () => {
		for (const a of allArticles()) {
			const where = `${a.slug}.${a.locale}`;
			for (const field of [a.title, a.summary, a.author, a.series]) expect(field, where).not.toBe('');
			expect(a.date, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			for (const source of a.sources) {
				// "Atkins, Eldridge, Baucom & Christensen (2005). …": the first author and (if known) the year.
				const [, first, inBrackets] = /^([\p{L}-]+)[^(]*\(([^)]*)\)/u.exec(source) ?? [];
				expect(first, `${where}: ${source}`).toBeDefined();
				expect(RESEARCHED, `${where}: ${source} is not in our research notes`).toContain(first);
				const year = /^\d{4}$/.test(inBrackets) ? inBrackets : '';
				expect(a.html, `${where}: ${first} ${year} is listed but not cited`).toMatch(new RegExp(`${first}[^)]*${year}`));
			}
		}
	});

	it('has an author of our own for every article, in both languages, and no real person’s name', () => {
		expect(listAuthors('nl').map((a) => a.name)).toEqual(['Redactie Herstelpad']);
		expect(listAuthors('en').map((a) => a.name)).toEqual(['Herstelpad editorial team']);
	});

	it('links each article to its neighbours in the series and to related ones, never itself', () => {
		const series = listArticles('en');
		for (const [i, article] of series.entries()) {
			const { previous, next } = neighbours(article);
			expect(previous?.slug ?? null).toBe(series[i - 1]?.slug ?? null);
			expect(next?.slug ?? null).toBe(series[i + 1]?.slug ?? null);
			const related = relatedArticles(article);
			expect(related.length).toBeGreaterThan(0);
			expect(related.map((r) => r.slug)).not.toContain(article.slug);
		}
	});

	it('counts reading time at 200 words a minute, rounded up', () => {
		expect(readingMinutes(1)).toBe(1);
		expect(readingMinutes(200)).toBe(1);
		expect(readingMinutes(201)).toBe(2);
		expect(readingMinutes(1500)).toBe(8);
	});

	it('reads lists in front matter', () => {
		const { meta, body } = parseFrontMatter('---\ntitle: A: b\nsources:\n  - One (2001)\n  - Two (2002)\norder: 2\n---\nText');
		expect(meta).toEqual({ title: 'A: b', sources: ['One (2001)', 'Two (2002)'], order: '2' });
		expect(body).toBe('Text');
	});

	it('renders Markdown without raw HTML', () => {
		for (const a of allArticles()) expect(a.html).not.toMatch(/<(script|iframe|img|style)/i);
	});
});

describe('feeds and the sitemap', () => {
	it('escapes everything it writes', () => {
		expect(xml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
		const feed = rssFeed({ title: 'T & <b>', description: 'D', locale: 'en', link: 'https://h.example/en/guide', self: 'https://h.example/en/guide/feed.xml', items: [{ title: '"Q" & A', summary: '<i>s</i>', link: 'https://h.example/en/guide/a?x=1&y=2', date: '2026-11-30', author: 'redactie' }] });
		expect(feed).toContain('<title>T &amp; &lt;b&gt;</title>');
		expect(feed).toContain('<link>https://h.example/en/guide/a?x=1&amp;y=2</link>');
		expect(feed).toContain('<pubDate>Mon, 30 Nov 2026 12:00:00 GMT</pubDate>');
		expect(feed).not.toContain('<i>');
	});

	it('lists each page in both languages with alternates', () => {
		const map = sitemap([{ urls: { nl: 'https://h.example/guide', en: 'https://h.example/en/guide' }, lastmod: '2026-11-30' }]);
		expect(map.match(/<url>/g)).toHaveLength(2);
		expect(map).toContain('<loc>https://h.example/en/guide</loc><lastmod>2026-11-30</lastmod>');
		expect(map).toContain('hreflang="nl" href="https://h.example/guide"');
	});

	it('lets only public pages seen signed out be indexed', () => {
		expect(isIndexable('/guide/[slug]', false, 200)).toBe(true);
		expect(isIndexable('/', false, 200)).toBe(true);
		expect(isIndexable('/guide/[slug]', true, 200)).toBe(false);
		expect(isIndexable('/guide/[slug]', false, 404)).toBe(false);
		for (const route of ['/dashboard', '/settings', '/admin', '/signin', '/together/letterbox', null]) expect(isIndexable(route, false, 200)).toBe(false);
	});
});
