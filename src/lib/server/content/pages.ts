import { marked } from 'marked';
import { parseFrontmatter } from '../program/guides';

type Locale = 'nl' | 'en';

const files = import.meta.glob('/content/pages/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface ContentPage {
	title: string;
	summary: string;
	html: string;
}

export function getContentPage(name: string, locale: Locale): ContentPage | undefined {
	const source = files[`/content/pages/${name}.${locale}.md`];
	if (!source) return undefined;
	const { meta, body } = parseFrontmatter(source);
	return { title: meta.title, summary: meta.summary, html: marked.parse(body.replace(/</g, '&lt;'), { async: false }) };
}

export function listContentPageFiles() {
	return Object.keys(files);
}
