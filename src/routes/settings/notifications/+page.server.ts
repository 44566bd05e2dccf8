import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { notificationSettingsSchema, pushSubscriptionSchema } from '$lib/schemas/notifications';
import { CHANNELS, NOTIFICATION_KINDS, WEEKLY_MAX_LIMIT, type Choices } from '$lib/server/notifications/kinds';
import { getPreferences, savePreferences } from '$lib/server/notifications/preferences';
import { countPushSubscriptions, removePushSubscriptions, savePushSubscription, vapidPublicKey } from '$lib/server/notifications/push';
import { timeZones } from '$lib/server/hour/questions';

// Plain HTML and forms; the page script adds the rest, turning push on too (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const preferences = await getPreferences(db, user.id);
	return {
		kinds: [...NOTIFICATION_KINDS],
		channels: [...CHANNELS],
		choices: preferences.choices,
		quietStart: preferences.quietStart,
		quietEnd: preferences.quietEnd,
		timeZone: preferences.timeZone,
		weeklyMax: preferences.weeklyMax,
		weeklyMaxLimit: WEEKLY_MAX_LIMIT,
		devices: await countPushSubscriptions(db, user.id),
		vapidPublicKey: await vapidPublicKey(db),
		timeZones: timeZones()
	};
};

/** The boxes ticked on the form: only listed kinds and channels are read. */
function choicesFrom(form: FormData): Choices {
	const choices: Choices = {};
	for (const kind of NOTIFICATION_KINDS) {
		for (const channel of CHANNELS) {
			if (form.get(`${kind}-${channel}`) === 'on') choices[kind] = { ...choices[kind], [channel]: true };
		}
	}
	return choices;
}

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values: Record<string, string> = {
			quietStart: String(form.get('quietStart') ?? ''),
			quietEnd: String(form.get('quietEnd') ?? ''),
			timeZone: String(form.get('timeZone') ?? ''),
			weeklyMax: String(form.get('weeklyMax') ?? '')
		};
		const choices = choicesFrom(form);
		for (const kind of NOTIFICATION_KINDS) for (const channel of CHANNELS) if (choices[kind]?.[channel]) values[`${kind}-${channel}`] = 'on';
		const parsed = parseForm(notificationSettingsSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		await savePreferences(getDb(), user.id, { choices, ...parsed.data });
		return { saved: true };
	},
	subscribe: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(pushSubscriptionSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await savePushSubscription(getDb(), user.id, parsed.data);
		} catch (err) {
			return actionFailure(err);
		}
		return { subscribed: true };
	},
	unsubscribeDevices: async (event) => {
		const user = requireUser(event);
		await removePushSubscriptions(getDb(), user.id);
		return { devicesRemoved: true };
	}
};
