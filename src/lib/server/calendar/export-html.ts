import { m } from '$lib/paraglide/messages.js';
import { dateFormat } from '$lib/format';
import { APP_TIME_ZONE } from '../../time-zone';
import type { UserExport } from '../privacy/export';

type Locale = 'nl' | 'en';
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The calendar feed's line on the readable export page: on since when, never its address. */
export function renderCalendarExportHtml(data: UserExport['calendarFeed'], locale: Locale): string {
	if (!data) return '';
	const date = dateFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: APP_TIME_ZONE }).format(new Date(data.createdAt));
	return `<h2>${esc(m.calendar_title({}, { locale }))}</h2><p>${esc(m.calendar_on_since({ date }, { locale }))}</p>`;
}
