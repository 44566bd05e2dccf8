import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actionFailure, parseForm } from '$lib/server/http';
import { isUnsubscribeToken, unsubscribeByToken } from '$lib/server/notifications/outbox';
import { notificationTokenSchema } from '$lib/schemas/notifications';
import { errorText } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** The visible link in a notification e-mail: works signed out; opening it changes nothing, the button does. */
export const load: PageServerLoad = async ({ url }) => {
	const parsed = notificationTokenSchema.safeParse({ token: url.searchParams.get('token') ?? '' });
	const valid = parsed.success && (await isUnsubscribeToken(getDb(), parsed.data.token));
	return { token: valid && parsed.success ? parsed.data.token : null };
};

export const actions: Actions = {
	unsubscribe: async ({ request }) => {
		const parsed = parseForm(notificationTokenSchema, await request.formData());
		if (!parsed.ok) return fail(404, { message: errorText('notification_link_invalid') });
		try {
			await unsubscribeByToken(getDb(), parsed.data.token);
		} catch (err) {
			return actionFailure(err);
		}
		return { unsubscribed: true };
	}
};
