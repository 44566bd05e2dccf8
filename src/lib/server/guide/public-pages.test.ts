import { describe, expect, it } from 'vitest';
import { INDEXABLE_ROUTES, sitemapPaths } from './public-pages';

describe('the sitemap and the indexable pages', () => {
	it('lists every indexable page without a parameter, except the quick exit (it only leads away)', () => {
		const listed = new Set(sitemapPaths().map((p) => p.path));
		const plain = [...INDEXABLE_ROUTES].filter((id) => !id.includes('[') && id !== '/quick-exit');
		expect(plain.filter((id) => !listed.has(id))).toEqual([]);
		expect(listed).toContain('/self-test');
		expect(listed).toContain('/booklet');
	});

	it('lists only pages that may be indexed', () => {
		const pattern = (id: string) => new RegExp(`^${id.replace(/\[[^\]]+\]/g, '[^/]+')}$`);
		const allowed = [...INDEXABLE_ROUTES].map(pattern);
		expect(sitemapPaths().filter((p) => !allowed.some((re) => re.test(p.path)))).toEqual([]);
	});
});
