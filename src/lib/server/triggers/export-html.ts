import { m } from '$lib/paraglide/messages.js';
import type { UserExport } from '../privacy/export';
import { dateFormat, EXPORT_DATE_TIME } from '$lib/format';

type Locale = 'nl' | 'en';
type MessageFn = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;
const say = (key: string, locale: Locale, inputs: Record<string, unknown> = {}) => {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return fn ? fn(inputs, { locale }) : key;
};
const esc = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const para = (s: string | null) => (s ? `<p>${esc(s).replace(/\n/g, '<br>')}</p>` : '');

/** The trigger kit's part of the readable export page, in the person's language. */
export function renderTriggersExportHtml(data: UserExport['triggers'], locale: Locale): string {
	if (!data.log.length && !data.answersGiven.length && !data.preparedResponse && !data.discoveredOn) return '';
	const t = (k: string, inputs?: Record<string, unknown>) => esc(say(k, locale, inputs));
	const when = (s: string | null) => (s ? dateFormat(locale, EXPORT_DATE_TIME).format(new Date(s)) : '');
	const entries = data.log
		.map(
			(e) =>
				`<article><p class="meta">${when(e.occurredAt)} · ${e.strength ? t('trigger_strength_value', { value: e.strength }) : t('trigger_entry_no_strength')} · ${e.shared ? t('trigger_export_shared') : t('trigger_entry_private')}${e.signalled ? ` · ${t('trigger_export_signalled')}${e.signalled.answer ? `, ${t(`trigger_answer_${e.signalled.answer}`)}` : ''}` : ''}</p>${para(e.cause)}${e.helped ? `<p>${t('trigger_helped_label')}:</p>${para(e.helped)}` : ''}</article>`
		)
		.join('');
	return [
		`<h2>${t('trigger_export_heading')}</h2>`,
		entries,
		data.answersGiven.length
			? `<h3>${t('trigger_export_answers_heading')}</h3><ul>${data.answersGiven.map((a) => `<li>${when(a.at)} · ${t(`trigger_answer_${a.answer}`)}</li>`).join('')}</ul>`
			: '',
		data.preparedResponse ? `<h3>${t('trigger_prepare_heading')}</h3>${para(data.preparedResponse)}` : '',
		data.discoveredOn ? `<h3>${t('trigger_discovery_heading')}</h3><p>${esc(data.discoveredOn)}</p>` : ''
	].join('\n');
}
