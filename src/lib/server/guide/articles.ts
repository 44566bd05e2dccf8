import { marked } from 'marked';
import { countWords } from '../program/guides';

/**
 * The guide: an article series in Markdown, `content/guide/<slug>.<lang>.md`, with front matter
 * (title, summary, author, series, order, date, sources, related). Authors are an editorial team
 * of our own, `content/guide/authors/<slug>.<lang>.md` (name, role; the body is the biography).
 * Everything is read and rendered once, when the server starts, and checked then: a missing field,
 * an unknown author or an article in one language only stops the start instead of a page failing.
 */

export type Locale = 'nl' | 'en';
export const LOCALES: Locale[] = ['nl', 'en'];

/** Average silent reading speed for non-fiction; rounded up, at least one minute. */
export const WORDS_PER_MINUTE = 200;

export interface Article {
	slug: string;
	locale: Locale;
	title: string;
	summary: string;
	author: string;
	series: string;
	order: number;
	/** ISO date, yyyy-mm-dd. */
	date: string;
	sources: string[];
	related: string[];
	html: string;
	words: number;
	readingMinutes: number;
}

export interface Author {
	slug: string;
	locale: Locale;
	name: string;
	role: string;
	html: string;
}

const articleFiles = import.meta.glob('/content/guide/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const authorFiles = import.meta.glob('/content/guide/authors/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Front matter of `key: value` lines; a key with an empty value takes the `  - item` lines below it as a list. */
export function parseFrontMatter(source: string): { meta: Record<string, string | string[]>; body: string } {
	const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
	if (!match) throw new Error('no front matter');
	const meta: Record<string, string | string[]> = {};
	let list: string[] | undefined;
	for (const line of match[1].split('\n')) {
		const item = /^\s+-\s+(.*)$/.exec(line);
		if (item && list) {
			list.push(item[1].trim());
			continue;
		}
		const at = line.indexOf(':');
		if (at <= 0) continue;
		const key = line.slice(0, at).trim();
		const value = line.slice(at + 1).trim();
		if (value) {
			meta[key] = value;
			list = undefined;
		} else {
			list = [];
			meta[key] = list;
		}
	}
	return { meta, body: match[2].trim() };
}

function text(meta: Record<string, string | string[]>, key: string, file: string): string {
	const value = meta[key];
	if (typeof value !== 'string' || !value) throw new Error(`${file}: front matter needs ${key}`);
	return value;
}

function list(meta: Record<string, string | string[]>, key: string): string[] {
	const value = meta[key];
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

/** Our own Markdown from the repository; still rendered without raw HTML. */
const render = (markdown: string) => marked.parse(markdown.replace(/</g, '&lt;'), { async: false });

export const readingMinutes = (words: number) => Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));

interface Library {
	articles: Article[];
	authors: Author[];
}

function build(): Library {
	const authors: Author[] = [];
	for (const [path, source] of Object.entries(authorFiles)) {
		const found = /\/content\/guide\/authors\/([a-z0-9-]+)\.(nl|en)\.md$/.exec(path);
		if (!found) throw new Error(`unexpected author file ${path}`);
		const { meta, body } = parseFrontMatter(source);
		authors.push({ slug: found[1], locale: found[2] as Locale, name: text(meta, 'name', path), role: text(meta, 'role', path), html: render(body) });
	}
	const articles: Article[] = [];
	for (const [path, source] of Object.entries(articleFiles)) {
		const found = /\/content\/guide\/([a-z0-9-]+)\.(nl|en)\.md$/.exec(path);
		if (!found) throw new Error(`unexpected guide file ${path}`);
		const { meta, body } = parseFrontMatter(source);
		const words = countWords(body);
		const date = text(meta, 'date', path);
		if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${path}: date must be yyyy-mm-dd`);
		const order = Number(text(meta, 'order', path));
		if (!Number.isInteger(order)) throw new Error(`${path}: order must be a whole number`);
		articles.push({
			slug: found[1],
			locale: found[2] as Locale,
			title: text(meta, 'title', path),
			summary: text(meta, 'summary', path),
			author: text(meta, 'author', path),
			series: text(meta, 'series', path),
			order,
			date,
			sources: list(meta, 'sources'),
			related: list(meta, 'related'),
			html: render(body),
			words,
			readingMinutes: readingMinutes(words)
		});
	}
	articles.sort((a, b) => a.series.localeCompare(b.series) || a.order - b.order || a.slug.localeCompare(b.slug));
	for (const article of articles) {
		if (!authors.some((a) => a.slug === article.author && a.locale === article.locale)) {
			throw new Error(`${article.slug}.${article.locale}: unknown author ${article.author}`);
		}
		for (const locale of LOCALES) {
			if (!articles.some((a) => a.slug === article.slug && a.locale === locale)) throw new Error(`${article.slug}: no ${locale} version`);
		}
		for (const slug of article.related) {
			if (!articles.some((a) => a.slug === slug)) throw new Error(`${article.slug}: related article ${slug} does not exist`);
		}
	}
	return { articles, authors };
}

let library: Library | undefined;
const get = () => (library ??= build());

export function listArticles(locale: Locale): Article[] {
	return get().articles.filter((a) => a.locale === locale);
}

export function getArticle(slug: string, locale: Locale): Article | undefined {
	return get().articles.find((a) => a.slug === slug && a.locale === locale);
}

export function articleExists(slug: string): boolean {
	return get().articles.some((a) => a.slug === slug);
}

/** The article before and after this one in its series. */
export function neighbours(article: Article): { previous: Article | null; next: Article | null } {
	const series = listArticles(article.locale).filter((a) => a.series === article.series);
	const at = series.findIndex((a) => a.slug === article.slug);
	return { previous: series[at - 1] ?? null, next: series[at + 1] ?? null };
}

/**
 * Related reading: the article's own `related` list first, then the rest of its series, never the
 * article itself or its previous and next (those have their own links); at most three.
 */
export function relatedArticles(article: Article, max = 3): Article[] {
	const { previous, next } = neighbours(article);
	const skip = new Set([article.slug, previous?.slug, next?.slug]);
	const own = article.related.map((slug) => getArticle(slug, article.locale)).filter((a): a is Article => !!a);
	const rest = listArticles(article.locale).filter((a) => a.series === article.series);
	const picked: Article[] = [];
	for (const candidate of [...own, ...rest]) {
		if (picked.length >= max) break;
		if (skip.has(candidate.slug) || picked.includes(candidate)) continue;
		picked.push(candidate);
	}
	return picked;
}

export function getAuthor(slug: string, locale: Locale): Author | undefined {
	return get().authors.find((a) => a.slug === slug && a.locale === locale);
}

export function listAuthors(locale: Locale): Author[] {
	return get().authors.filter((a) => a.locale === locale);
}

export function articlesBy(author: string, locale: Locale): Article[] {
	return listArticles(locale).filter((a) => a.author === author);
}

/** Every article file, for the tests. */
export function allArticles(): Article[] {
	return get().articles;
}
