import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { changePassword, signOutElsewhere } from '$lib/server/auth/accounts';
import { countSessions } from '$lib/server/auth/sessions';
import { clearSessionCookie } from '$lib/server/auth/web';
import { listConsentEvents } from '$lib/server/consent/consent';
import { listSecurityEvents } from '$lib/server/security/events';
import { chooseRole, deleteAccount } from '$lib/server/users/users';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { changePasswordSchema, confirmPasswordSchema, roleSchema } from '$lib/schemas/auth';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	return {
		role: user.role,
		email: user.email,
		sessions: await countSessions(db, user.id),
		events: (await listSecurityEvents(db, user.id)).map((e) => ({ kind: e.kind, at: e.createdAt.toISOString() })),
		consent: (await listConsentEvents(db, user.id)).map((e) => ({ kind: e.kind, textVersion: e.textVersion, at: e.createdAt.toISOString() }))
	};
};

export const actions: Actions = {
	role: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(roleSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		await chooseRole(getDb(), user.id, parsed.data.role);
		return { saved: 'role' as const };
	},
	password: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(changePasswordSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await changePassword(getDb(), { userId: user.id, ...parsed.data, currentSessionId: event.locals.sessionId! });
		} catch (err) {
			return actionFailure(err);
		}
		return { saved: 'password' as const };
	},
	elsewhere: async (event) => {
		const user = requireUser(event);
		await signOutElsewhere(getDb(), user.id, event.locals.sessionId!);
		return { saved: 'elsewhere' as const };
	},
	delete: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(confirmPasswordSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await deleteAccount(getDb(), { userId: user.id, password: parsed.data.password, locale: event.locals.locale });
		} catch (err) {
			return actionFailure(err);
		}
		clearSessionCookie(event.cookies);
		redirect(303, localizeHref('/?deleted=1'));
	}
};
