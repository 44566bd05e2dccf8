import { getEnv } from '../env';

/**
 * In production the cookie carries the `__Host-` prefix: browsers then accept it only when it is
 * Secure, for Path=/ and without a Domain, so no sibling subdomain or plain-http page can plant or
 * overwrite it. Locally (`npm start` at home, opened over http from a second device) a Secure
 * cookie would be dropped, so there it is the plain name without Secure.
 */
export function sessionCookieName(production = getEnv().production) {
	return production ? '__Host-herstelpad_session' : 'herstelpad_session';
}

export function sessionCookieOptions(expires: Date, production = getEnv().production) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: production,
		expires
	};
}
