/**
 * What a person can be told about, and how. Every kind is off until the person turns it on
 * (per channel) on /settings/notifications.
 */
export const NOTIFICATION_KINDS = ['letter', 'answer', 'check-in', 'hour', 'trigger'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Kinds made by the clock (createDueReminders) rather than by something someone did: they carry
 * the reminder's text, which does not announce anything new.
 */
export const REMINDER_KINDS: readonly NotificationKind[] = ['hour', 'check-in'];

export const CHANNELS = ['push', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Choices = Partial<Record<NotificationKind, { push?: boolean; email?: boolean }>>;

/** The default and the bounds of the weekly maximum a person can choose. */
export const WEEKLY_MAX_DEFAULT = 3;
export const WEEKLY_MAX_LIMIT = 14;

/**
 * Where a push notice opens. Only the service worker reads it (the payload is encrypted); it is
 * never shown. E-mails always link to the dashboard, as their body may be read by others.
 */
export const OPEN_PATH: Record<NotificationKind, string> = {
	letter: '/together/letterbox',
	answer: '/dashboard',
	'check-in': '/deeds',
	hour: '/hour',
	trigger: '/dashboard'
};

export function isKind(value: string): value is NotificationKind {
	return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
