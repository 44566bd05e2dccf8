import { describe, expect, it } from 'vitest';
import { allGuideFiles, getGuide, listGuides } from './guides';
import { TRACKS, type Track } from './steps';
import { getContentPage, listContentPageFiles } from '../content/pages';

describe('guide texts', () => {
	const tracks = Object.keys(TRACKS) as Track[];

	it('has a guide in both languages for every step, and no stray files', () => {
		const expected = tracks.flatMap((track) => TRACKS[track].flatMap((slug) => ['nl', 'en'].map((l) => `${track}/${slug}/${l}`)));
		for (const key of expected) {
			const [track, slug, locale] = key.split('/') as [Track, string, 'nl' | 'en'];
			expect(getGuide(track, slug, locale), key).toBeDefined();
		}
		expect(allGuideFiles()).toHaveLength(expected.length);
	});

	it('keeps every guide between 300 and 700 words, with a title and a summary', () => {
		for (const track of tracks) {
			for (const locale of ['nl', 'en'] as const) {
				for (const guide of listGuides(track, locale)) {
					const label = `${track}/${guide.slug}.${locale}`;
					expect(guide.words, label).toBeGreaterThanOrEqual(300);
					expect(guide.words, label).toBeLessThanOrEqual(700);
					expect(guide.title.length, label).toBeGreaterThan(2);
					expect(guide.summary.length, label).toBeGreaterThan(10);
				}
			}
		}
	});

	it('numbers the steps in track order', () => {
		for (const track of tracks) {
			expect(listGuides(track, 'nl').map((g) => g.number)).toEqual(TRACKS[track].map((_, i) => i + 1));
		}
	});

	it('renders Markdown to HTML without letting raw HTML through', () => {
		const guide = getGuide('repairing', 'confess', 'en')!;
		expect(guide.html).toContain('<h2');
		expect(guide.html).not.toMatch(/<script|<iframe|<img/);
	});

	it('has the site pages in both languages', () => {
		for (const name of ['privacy', 'help', 'quick-exit']) {
			for (const locale of ['nl', 'en'] as const) {
				expect(getContentPage(name, locale)?.title, `${name}.${locale}`).toBeTruthy();
			}
		}
		expect(listContentPageFiles()).toHaveLength(6);
	});

	it('lists the help lines from the research notes on the help page', () => {
		for (const locale of ['nl', 'en'] as const) {
			const html = getContentPage('help', locale)!.html;
			for (const number of ['112', '0800-2000', '0800-0113', '1712', '1813', '0800 30 030']) expect(html, number).toContain(number);
		}
	});
});
