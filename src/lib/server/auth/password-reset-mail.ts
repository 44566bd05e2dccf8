import type { Database } from '../db';
import type { Mailer } from '../mail/mailer';
import { passwordResetMail } from '../mail/templates';
import { enqueue } from '../jobs';
import { checkPasswordResetRequest, issuePasswordResetToken, RESET_TOKEN_MINUTES } from './accounts';

type Locale = 'nl' | 'en';

export interface PasswordResetMailDeps {
	mailer: Mailer;
	/** The absolute link for a token, built from configuration (see `publicUrl` in env.ts), never from the request. */
	linkTo: (token: string, locale: Locale) => string;
}

/**
 * "Forgot password", the request: the limits, one lookup and one queued job, whether or not the
 * address has an account, so neither the answer nor its timing tells them apart (the mail server
 * is reached later, by the job). The job carries the account's id only (null for no account):
 * no address and no token lie in the job table.
 */
export async function requestPasswordResetMail(db: Database, input: { email: string; address: string; locale: Locale }, now = new Date()) {
	const userId = await checkPasswordResetRequest(db, input, now);
	await enqueue('mail.password-reset', { userId, locale: input.locale });
}

/**
 * "Forgot password", the job (src/lib/server/jobs/handlers.ts): a new single-use token, the mail
 * built here in the account's language, sent to the account's address. Nothing for no account.
 * A failed delivery rejects, so the queue tries again (each try makes its own token; unused ones expire).
 */
export async function sendPasswordResetMail(db: Database, data: { userId: string | null; locale: Locale }, deps: PasswordResetMailDeps, now = new Date()) {
	if (!data.userId) return;
	const reset = await issuePasswordResetToken(db, data.userId, now);
	if (!reset) return;
	const locale = reset.locale ?? data.locale;
	const mail = passwordResetMail(locale, { name: reset.displayName, link: deps.linkTo(reset.token, locale), minutes: RESET_TOKEN_MINUTES });
	await deps.mailer.send(reset.email, mail, 'password-reset');
}
