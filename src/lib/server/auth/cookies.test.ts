import { describe, expect, it } from 'vitest';
import { sessionCookieName, sessionCookieOptions } from './cookies';

describe('session cookie', () => {
	it('in production: __Host- prefix, Secure, Path=/, no Domain', () => {
		expect(sessionCookieName(true)).toBe('__Host-herstelpad_session');
		const options = sessionCookieOptions(new Date(), true);
		expect(options).toMatchObject({ secure: true, path: '/', httpOnly: true, sameSite: 'lax' });
		expect(options).not.toHaveProperty('domain');
	});

	it('locally (npm start, also over http from a second device): plain name, not Secure', () => {
		expect(sessionCookieName(false)).toBe('herstelpad_session');
		expect(sessionCookieOptions(new Date(), false).secure).toBe(false);
	});
});
