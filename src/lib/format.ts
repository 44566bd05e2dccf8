import { APP_TIME_ZONE } from './time-zone';

/**
 * Date and number formatters, made once per locale and options and then reused. Creating one
 * (which `toLocaleString` and `toLocaleDateString` do on every call) costs a few hundred
 * microseconds; a chart with a year of weeks called it hundreds of times per page, which made
 * /trust and /triggers the costliest pages to render (docs/benchmarks.md).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The BCP 47 tag the interface formats with: Dutch as in the Netherlands and Flanders, British English. */
export function localeTag(locale: string): string {
	return locale === 'en' ? 'en-GB' : 'nl-NL';
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(localeTag(locale), options);
		dateFormats.set(key, format);
	}
	return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(localeTag(locale), options);
		numberFormats.set(key, format);
	}
	return format;
}

/**
 * A moment as the readable exports write it: day and time to the second, in the app's time zone.
 * The same fields `toLocaleString` gives without options, from a formatter made once.
 */
export const EXPORT_DATE_TIME: Intl.DateTimeFormatOptions = {
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric',
	timeZone: APP_TIME_ZONE
};

/** A calendar day 'YYYY-MM-DD' as the Date at its start in UTC, to format with timeZone 'UTC'. */
export function utcDay(day: string): Date {
	return new Date(`${day.slice(0, 10)}T00:00:00Z`);
}
