import type { Cookies } from '@sveltejs/kit';
import { getEnv } from '../env';
import { sessionCookieName, sessionCookieOptions } from './cookies';

export function readSessionCookie(cookies: Cookies) {
	return cookies.get(sessionCookieName());
}

export function setSessionCookie(cookies: Cookies, session: { token: string; expiresAt: Date }) {
	cookies.set(sessionCookieName(), session.token, sessionCookieOptions(session.expiresAt));
}

export function clearSessionCookie(cookies: Cookies) {
	// The same attributes as when it was set: a `__Host-` cookie is only replaced by a Secure one.
	cookies.delete(sessionCookieName(), { path: '/', httpOnly: true, sameSite: 'lax', secure: getEnv().production });
}

/**
 * Sent with sign-out: the browser drops what this site cached or stored, so nothing of the
 * session lingers on a shared device. Not "cookies": the session cookie is cleared by name, and
 * the language cookie should survive signing out.
 */
export const SIGN_OUT_HEADERS = { 'Clear-Site-Data': '"cache", "storage"' };
