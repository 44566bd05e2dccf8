import { marked } from 'marked';
import { TRACKS, type Track } from './steps';

type Locale = 'nl' | 'en';

export interface Guide {
	track: Track;
	slug: string;
	number: number;
	title: string;
	summary: string;
	html: string;
	words: number;
}

const files = import.meta.glob('/content/program/*/*.md', { query: '?raw', import: 'default', eager: true }) as Record<
	string,
	string
>;

export function parseFrontmatter(source: string) {
	const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
	if (!match) throw new Error('guide without frontmatter');
	const meta: Record<string, string> = {};
	for (const line of match[1].split('\n')) {
		const at = line.indexOf(':');
		if (at > 0) meta[line.slice(0, at).trim()] = line.slice(at + 1).trim();
	}
	return { meta, body: match[2].trim() };
}

export function countWords(markdown: string) {
	return markdown
		.replace(/^#+\s.*$/gm, (heading) => heading.replace(/^#+/, ''))
		.split(/\s+/)
		.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function build(): Map<string, Guide> {
	const guides = new Map<string, Guide>();
	for (const [path, source] of Object.entries(files)) {
		const m = /\/content\/program\/(repairing|hurt)\/(\d\d)-([a-z-]+)\.(nl|en)\.md$/.exec(path);
		if (!m) throw new Error(`unexpected guide file ${path}`);
		const [, track, number, slug, locale] = m;
		const { meta, body } = parseFrontmatter(source);
		guides.set(`${track}/${slug}/${locale}`, {
			track: track as Track,
			slug,
			number: Number(number),
			title: meta.title,
			summary: meta.summary,
			// Our own Markdown, reviewed in the repository; still rendered without raw HTML.
			html: marked.parse(body.replace(/</g, '&lt;'), { async: false }),
			words: countWords(body)
		});
	}
	return guides;
}

let cache: Map<string, Guide> | undefined;

export function getGuide(track: Track, slug: string, locale: Locale): Guide | undefined {
	cache ??= build();
	return cache.get(`${track}/${slug}/${locale}`);
}

export function listGuides(track: Track, locale: Locale): Guide[] {
	return TRACKS[track].map((slug) => getGuide(track, slug, locale)).filter((g): g is Guide => !!g);
}

export function allGuideFiles() {
	return Object.keys(files);
}
