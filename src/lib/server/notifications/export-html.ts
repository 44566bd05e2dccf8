import { m } from '$lib/paraglide/messages.js';
import type { UserExport } from '../privacy/export';

type Locale = 'nl' | 'en';
type MessageFn = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;
const say = (key: string, locale: Locale, inputs: Record<string, unknown> = {}) => {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return fn ? fn(inputs, { locale }) : key;
};
const esc = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The notifications' part of the readable export page: what the person chose, and how many went out. */
export function renderNotificationsExportHtml(data: UserExport['notifications'], locale: Locale): string {
	const t = (k: string, inputs?: Record<string, unknown>) => esc(say(k, locale, inputs));
	const chosen = Object.entries(data.preferences.choices).map(([kind, channels]) => {
		const on = Object.entries(channels ?? {})
			.filter(([, value]) => value)
			.map(([channel]) => t(`notifications_channel_${channel}`));
		return `<li>${t(`notifications_kind_${kind.replace('-', '_')}`)}: ${on.join(', ')}</li>`;
	});
	const p = data.preferences;
	return [
		`<h2>${t('notifications_title')}</h2>`,
		chosen.length ? `<ul>${chosen.join('')}</ul>` : `<p>${t('notifications_export_none')}</p>`,
		p.quietStart && p.quietEnd ? `<p>${t('notifications_export_quiet', { start: p.quietStart, end: p.quietEnd, zone: p.timeZone })}</p>` : '',
		`<p>${t('notifications_export_max', { max: p.weeklyMax })}</p>`,
		`<p>${t('notifications_push_devices', { count: data.pushDevices.length })}</p>`,
		`<p>${t('notifications_export_sent', { count: data.notices.filter((n) => n.status === 'sent').length })}</p>`
	].join('\n');
}
