import { marked } from 'marked';
import { parseFrontmatter } from '../program/guides';

/**
 * "Part carefully": a short track of our own guide texts (content/parting/NN-slug.<lang>.md),
 * opened from the decision page. Rendered like the programme's guides: our own Markdown, raw HTML
 * escaped.
 */
const files = import.meta.glob('/content/parting/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const PARTING_TOPICS = ['looking-after-yourself', 'telling-others', 'children', 'practical-steps'] as const;

export interface PartingGuide {
	slug: string;
	title: string;
	summary: string;
	html: string;
}

export function listPartingGuides(locale: 'nl' | 'en'): PartingGuide[] {
	const guides: PartingGuide[] = [];
	for (const slug of PARTING_TOPICS) {
		const path = Object.keys(files).find((p) => new RegExp(`/\\d\\d-${slug}\\.${locale}\\.md$`).test(p));
		if (!path) continue;
		const { meta, body } = parseFrontmatter(files[path]);
		guides.push({ slug, title: meta.title, summary: meta.summary, html: marked.parse(body.replace(/</g, '&lt;'), { async: false }) });
	}
	return guides;
}
