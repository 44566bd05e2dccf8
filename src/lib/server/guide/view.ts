import { dateFormat } from '$lib/format';
import { APP_TIME_ZONE } from '$lib/time-zone';
import type { Article, Author, Locale } from './articles';

/** What a page may show of an article in a list: listed fields only, never the whole object. */
export const articleCard = (a: Article) => ({ slug: a.slug, title: a.title, summary: a.summary, readingMinutes: a.readingMinutes, order: a.order, series: a.series });

export const authorCard = (a: Author) => ({ slug: a.slug, name: a.name, role: a.role });

/** "30 november 2026" / "30 November 2026", rendered on the server. */
export function longDate(value: Date | string, locale: Locale): string {
	const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
	// A formatter is costly to make (about 50 µs) and an article page dates every comment.
	return dateFormat(locale, { dateStyle: 'long', timeZone: APP_TIME_ZONE }).format(date);
}
