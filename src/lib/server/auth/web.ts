import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './sessions';
import { sessionCookieOptions } from './cookies';

export function setSessionCookie(cookies: Cookies, session: { token: string; expiresAt: Date }) {
	cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(session.expiresAt));
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
