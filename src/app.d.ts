import type { SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			locale: 'nl' | 'en';
			address: string;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
