import { z } from 'zod';

/** Schemas for notification settings, push subscriptions and the unsubscribe link (issue 13, item 3). */

const zones = new Set(Intl.supportedValuesOf('timeZone'));
const time = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, { error: 'notifications_time_invalid' });

export const notificationSettingsSchema = z
	.object({
		quietStart: time.optional().transform((v) => v || null),
		quietEnd: time.optional().transform((v) => v || null),
		timeZone: z.string({ error: 'hour_time_zone' }).refine((zone) => zones.has(zone), { error: 'hour_time_zone' }),
		weeklyMax: z.coerce.number({ error: 'notifications_weekly_max' }).int({ error: 'notifications_weekly_max' }).min(1, { error: 'notifications_weekly_max' }).max(14, { error: 'notifications_weekly_max' })
	})
	.refine((v) => (v.quietStart === null) === (v.quietEnd === null), { path: ['quietEnd'], error: 'notifications_quiet_both' });

const base64url = (min: number, max: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}={0,2}$`), { error: 'push_endpoint_refused' });

export const pushSubscriptionSchema = z.object({
	endpoint: z.string({ error: 'push_endpoint_refused' }).max(1000, { error: 'push_endpoint_refused' }).url({ error: 'push_endpoint_refused' }),
	p256dh: base64url(80, 100),
	auth: base64url(16, 32)
});

export const notificationTokenSchema = z.object({
	token: z.string({ error: 'notification_link_invalid' }).regex(/^[\w-]{20,100}$/, { error: 'notification_link_invalid' })
});
