import { dateFormat } from '$lib/format';

/** "1 March 2025 – 30 June 2025", "around 14 July 2025": an entry's date or period in the reader's language. */
export function formatPeriod(e: { fromDate: string; toDate: string | null; approximate: boolean }, locale: string, around: (date: string) => string) {
	const format = dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
	const day = (d: string) => format.format(new Date(`${d}T12:00:00Z`));
	const text = e.toDate && e.toDate !== e.fromDate ? `${day(e.fromDate)} – ${day(e.toDate)}` : day(e.fromDate);
	return e.approximate ? around(text) : text;
}
