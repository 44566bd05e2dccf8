import { marked } from 'marked';
import { parseFrontmatter } from '../program/guides';

type Locale = 'nl' | 'en';

const files = import.meta.glob('/content/pages/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface ContentPage {
	title: string;
	summary: string;
	html: string;
}

// The pages ship with the app and never change while it runs: each is rendered once.
const rendered = new Map<string, ContentPage>();

export function getContentPage(name: string, locale: Locale): ContentPage | undefined {
	const file = `/content/pages/${name}.${locale}.md`;
	const source = files[file];
	if (!source) return undefined;
	let page = rendered.get(file);
	if (!page) {
		const { meta, body } = parseFrontmatter(source);
		page = { title: meta.title, summary: meta.summary, html: marked.parse(body.replace(/</g, '&lt;'), { async: false }) };
		rendered.set(file, page);
	}
	return { ...page };
}

export function listContentPageFiles() {
	return Object.keys(files);
}
