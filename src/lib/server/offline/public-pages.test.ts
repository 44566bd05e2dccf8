import { describe, expect, it } from 'vitest';
import { isStorable, offlineList } from './public-pages';
import { listArticles } from '../guide/articles';

describe('the offline allow-list', () => {
	const { pages, precache } = offlineList();

	it('holds the guide, the help lines and the offline page in both languages, and precaches them', () => {
		const slug = listArticles('nl')[0].slug;
		for (const path of ['/guide', '/en/guide', `/guide/${slug}`, `/en/guide/${slug}`, '/offline', '/en/offline', '/help', '/en/help']) {
			expect(pages).toContain(path);
			expect(precache).toContain(path);
		}
		expect(precache.every((path) => pages.includes(path))).toBe(true);
	});

	it('holds no page that can show anything personal', () => {
		const personal = /^(\/en)?\/(dashboard|settings|signin|signup|signout|onboarding|coach|talk|together|trust|deeds|reflections|decision|invite|admin|booklet|self-test|reset-password|forgot-password)(\/|$)/;
		expect(pages.filter((path) => personal.test(path))).toEqual([]);
		expect(pages.some((path) => path.includes('?') || path.includes('__data'))).toBe(false);
	});

	it('lets only signed-out, successful public answers be stored', () => {
		expect(isStorable('/guide/[slug]', false, 200)).toBe(true);
		expect(isStorable('/offline', false, 200)).toBe(true);
		expect(isStorable('/guide/[slug]', true, 200)).toBe(false);
		expect(isStorable('/guide/[slug]', false, 404)).toBe(false);
		expect(isStorable('/dashboard', false, 200)).toBe(false);
		expect(isStorable('/self-test', false, 200)).toBe(false);
		expect(isStorable(null, false, 200)).toBe(false);
	});
});
