import { m } from '$lib/paraglide/messages.js';
import type { UserExport } from '../privacy/export';
import { questionById } from './questions';
import { dateFormat, utcDay } from '$lib/format';

type Locale = 'nl' | 'en';
type MessageFn = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;
const say = (key: string, locale: Locale, inputs: Record<string, unknown> = {}) => {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return fn ? fn(inputs, { locale }) : key;
};
const esc = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const para = (s: string | null) => (s ? `<p>${esc(s).replace(/\n/g, '<br>')}</p>` : '');

/** The weekly hour's part of the readable export page: the person's own answers and notes. */
export function renderHourExportHtml(data: UserExport['hour'], locale: Locale): string {
	const weeks = data.weeks.filter((w) => !w.skipped);
	if (!weeks.length && !data.notes.length) return '';
	const t = (k: string, inputs?: Record<string, unknown>) => esc(say(k, locale, inputs));
	const day = (iso: string) => dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(utcDay(iso));
	const question = (id: string) => {
		const q = questionById(id);
		return q ? q[locale] : id;
	};
	return [
		`<h2>${t('hour_title')}</h2>`,
		...weeks.map((w) => `<article><h3>${t('hour_week_heading', { date: day(w.week) })}</h3>${w.answers.map((a) => `<p class="meta">${esc(question(a.question))}</p>${para(a.text)}`).join('')}</article>`),
		data.notes.length ? `<h3>${t('hour_notes_heading')}</h3>${data.notes.map((n) => `<article><p class="meta">${day(n.createdAt)} · ${n.shared ? t('hour_note_mine_shared') : t('hour_note_mine_private')}</p>${para(n.text)}</article>`).join('')}` : ''
	].join('\n');
}
