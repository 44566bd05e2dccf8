import type { Database } from '../db';
import type { Mailer } from '../mail/mailer';
import { passwordResetMail } from '../mail/templates';
import { newToken } from '../security/tokens';
import { requestPasswordReset, RESET_TOKEN_MINUTES } from './accounts';

type Locale = 'nl' | 'en';

export interface PasswordResetMailDeps {
	mailer: Mailer;
	/** The absolute link for a token, built from configuration (see `publicUrl` in env.ts), never from the request. */
	linkTo: (token: string, locale: Locale) => string;
}

/**
 * "Forgot password": answers first and sends after. Delivery over SMTP takes a noticeable time,
 * and waiting for it told a known address (slow) from an unknown one (fast). Both paths render the
 * mail; only a known address gets it. The returned `delivery` never rejects (the mailer has logged
 * a failure, kind and type only); it exists for tests and for a later job queue.
 */
export async function mailPasswordReset(
	db: Database,
	input: { email: string; address: string; locale: Locale },
	deps: PasswordResetMailDeps,
	now = new Date()
): Promise<{ delivery: Promise<void> }> {
	const reset = await requestPasswordReset(db, { email: input.email, address: input.address }, now);
	const locale = reset?.locale ?? input.locale;
	const mail = passwordResetMail(locale, {
		name: reset?.displayName ?? '',
		link: deps.linkTo(reset?.token ?? newToken(), locale),
		minutes: RESET_TOKEN_MINUTES
	});
	if (!reset) return { delivery: Promise.resolve() };
	// Detached on purpose: the person is answered before the SMTP server is even reached.
	const delivery = deps.mailer.send(input.email, mail, 'password-reset').catch(() => undefined);
	return { delivery };
}
