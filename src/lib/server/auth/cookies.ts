import { getEnv } from '../env';

export function sessionCookieOptions(expires: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: getEnv().production,
		expires
	};
}
