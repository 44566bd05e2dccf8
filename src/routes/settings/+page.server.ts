import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { changePassword, signOutElsewhere } from '$lib/server/auth/accounts';
import { endOwnSession, listSessions } from '$lib/server/auth/sessions';
import { SIGN_OUT_HEADERS, clearSessionCookie } from '$lib/server/auth/web';
import { listConsentEvents } from '$lib/server/consent/consent';
import { listSecurityEvents } from '$lib/server/security/events';
import { chooseRole, deleteAccount } from '$lib/server/users/users';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { changePasswordSchema, confirmPasswordSchema, roleSchema } from '$lib/schemas/auth';
import { localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const sessionList = await listSessions(db, user.id, event.locals.sessionId);
	return {
		role: user.role,
		email: user.email,
		sessions: sessionList.length,
		// The session id is the SHA-256 of the cookie token: it identifies, it cannot sign anyone in.
		sessionList: sessionList.map((s) => ({
			id: s.id,
			device: s.device,
			current: s.current,
			createdAt: s.createdAt.toISOString(),
			lastUsedAt: s.lastUsedAt.toISOString()
		})),
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
	endSession: async (event) => {
		const user = requireUser(event);
		const id = String((await event.request.formData()).get('session') ?? '');
		// Another person's id, or one already ended, matches nothing: the same calm answer.
		if (/^[0-9a-f]{64}$/.test(id)) await endOwnSession(getDb(), user.id, id);
		if (id === event.locals.sessionId) {
			clearSessionCookie(event.cookies);
			event.setHeaders(SIGN_OUT_HEADERS);
			redirect(303, localizeHref('/'));
		}
		return { saved: 'session' as const };
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
		// Like signing out: nothing of this person may linger in this browser.
		event.setHeaders(SIGN_OUT_HEADERS);
		redirect(303, localizeHref('/?deleted=1'));
	}
};
