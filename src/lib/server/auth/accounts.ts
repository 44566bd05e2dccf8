import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { getEnv } from '../env';
import { passwordResetTokens, users } from '../db/schema';
import { DomainError, isUniqueViolation } from '../errors';
import { recordConsent } from '../consent/consent';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-strength';
import { createSession, endOtherSessions, endSession } from './sessions';
import { clearLimit, clearLimitsStartingWith, hitLimit, refundHit, type Limit } from '../security/rate-limit';
import { hashToken, newId, newToken } from '../security/tokens';
import { recordSecurityEvent } from '../security/events';
import { revokeCalendarFeed } from '../calendar/feed';
import { removePushSubscriptions } from '../notifications/push';
import { actAs } from '../access/refusals';

type Locale = 'nl' | 'en';

/** Every new password (sign-up, reset, change) passes here: the service, not only the form, refuses weak ones. */
async function refuseWeakPassword(password: string, owner: { email: string; name: string }) {
	const problem = await passwordProblem(password, owner);
	if (problem) throw new DomainError(problem);
}

/**
 * Sign-in throttling. The account limit is keyed by account *and* address, so someone guessing
 * from elsewhere cannot lock the real owner out; the address limit catches one address trying
 * many accounts. See docs/decisions/003-authentication.md.
 */
export const SIGN_IN_LIMITS = {
	accountAndAddress: { max: 5, windowSeconds: 15 * 60 } satisfies Limit,
	address: { max: 30, windowSeconds: 15 * 60 } satisfies Limit
};
export const RESET_LIMITS = {
	account: { max: 3, windowSeconds: 60 * 60 } satisfies Limit,
	address: { max: 10, windowSeconds: 60 * 60 } satisfies Limit
};
export const RESET_TOKEN_MINUTES = 60;
/** Account creation per address and hour: `SIGNUP_LIMIT_PER_HOUR`, 50 unless configured. */
export const signUpLimit = (): Limit => ({ max: getEnv().SIGNUP_LIMIT_PER_HOUR, windowSeconds: 60 * 60 });

export interface SignUpInput {
	email: string;
	password: string;
	displayName: string;
	locale: Locale;
	/** The client's address, for throttling; omitted by tools that create accounts directly. */
	address?: string;
}

export async function signUp(db: Database, input: SignUpInput, now = new Date()) {
	if (input.address) {
		const limit = await hitLimit(db, `signup:address:${input.address}`, signUpLimit(), now);
		if (!limit.allowed) throw new DomainError('too_many_attempts', { retryAfterSeconds: limit.retryAfterSeconds });
	}
	await refuseWeakPassword(input.password, { email: input.email, name: input.displayName });
	const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
	if (existing.length > 0) throw new DomainError('email_taken');
	const id = newId();
	const passwordHash = await hashPassword(input.password);
	try {
		await db.transaction(async (tx) => {
			await tx.insert(users).values({
				id,
				email: input.email,
				passwordHash,
				displayName: input.displayName,
				locale: input.locale,
				adultConfirmedAt: now
			});
			await recordConsent(tx as unknown as Database, id, 'given', input.locale);
		});
	} catch (err) {
		// The same address signing up twice at the same moment: the unique index decides.
		if (isUniqueViolation(err)) throw new DomainError('email_taken');
		throw err;
	}
	const session = await createSession(db, id, now);
	return { userId: id, session };
}

/** Account-and-address key: resetting the password lifts every one of them for that account. */
const signInAccountPrefix = (email: string) => `signin:account:${email}:`;

export async function signIn(db: Database, input: { email: string; password: string; address: string }) {
	const accountKey = `${signInAccountPrefix(input.email)}${input.address}`;
	const addressKey = `signin:address:${input.address}`;
	// Count first, in one statement each, and only then check: a read before and a write after the
	// slow Argon2 check let parallel requests all through.
	const account = await hitLimit(db, accountKey, SIGN_IN_LIMITS.accountAndAddress);
	const address = await hitLimit(db, addressKey, SIGN_IN_LIMITS.address);
	for (const state of [account, address]) {
		if (!state.allowed) throw new DomainError('too_many_attempts', { retryAfterSeconds: state.retryAfterSeconds });
	}
	const [user] = await db
		.select({ id: users.id, passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.email, input.email));
	const ok = user ? await verifyPassword(user.passwordHash, input.password) : await burnPasswordCheck(input.password);
	if (!ok || !user) {
		if (user) await recordSecurityEvent(db, user.id, 'sign-in-failed');
		throw new DomainError('invalid_credentials');
	}
	await clearLimit(db, accountKey);
	await refundHit(db, addressKey);
	const session = await createSession(db, user.id);
	await recordSecurityEvent(db, user.id, 'sign-in');
	return { userId: user.id, session };
}

/**
 * Always answers the same way, whether or not the address has an account, and does the same kinds
 * of work either way (a lookup, a token and its hash, one write), so neither the answer nor its
 * timing tells them apart. Returns the token only so the caller can e-mail it; null means nothing
 * is to be sent.
 */
export async function requestPasswordReset(db: Database, input: { email: string; address: string }, now = new Date()) {
	const userId = await checkPasswordResetRequest(db, input, now);
	const token = newToken();
	if (!userId) {
		// A write that matches nothing stands in for the insert in issuePasswordResetToken.
		await db.delete(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, hashToken(token)));
		return null;
	}
	const issued = await issuePasswordResetToken(db, userId, now, token);
	return issued && { token: issued.token, locale: issued.locale, displayName: issued.displayName };
}

/**
 * The request half of "forgot password" (the mail itself goes out from a job, see
 * password-reset-mail.ts): both limits and one lookup, whatever the address. Returns the account
 * to mail, or null when there is none or it has asked too often.
 */
export async function checkPasswordResetRequest(db: Database, input: { email: string; address: string }, now = new Date()): Promise<string | null> {
	const account = await hitLimit(db, `reset:account:${input.email}`, RESET_LIMITS.account, now);
	const address = await hitLimit(db, `reset:address:${input.address}`, RESET_LIMITS.address, now);
	if (!address.allowed) throw new DomainError('too_many_attempts', { retryAfterSeconds: address.retryAfterSeconds });
	const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
	return user && account.allowed ? user.id : null;
}

/** The sending half: a new single-use token for the account, and where and how to mail it. Null if the account is gone. */
export async function issuePasswordResetToken(db: Database, userId: string, now = new Date(), token = newToken()) {
	const [user] = await db
		.select({ id: users.id, email: users.email, locale: users.locale, displayName: users.displayName })
		.from(users)
		.where(eq(users.id, userId));
	if (!user) return null;
	await db.insert(passwordResetTokens).values({
		tokenHash: hashToken(token),
		userId: user.id,
		expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000)
	});
	return { token, email: user.email, locale: user.locale, displayName: user.displayName };
}

export async function isResetTokenUsable(db: Database, token: string, now = new Date()) {
	const rows = await db
		.select({ userId: passwordResetTokens.userId })
		.from(passwordResetTokens)
		.where(
			and(
				eq(passwordResetTokens.tokenHash, hashToken(token)),
				isNull(passwordResetTokens.usedAt),
				gt(passwordResetTokens.expiresAt, now)
			)
		);
	return rows.length === 1;
}

/** Single use: the token is spent in the same statement that checks it, so a race cannot reuse it. */
export async function resetPassword(db: Database, input: { token: string; password: string }, now = new Date()) {
	const tokenHash = hashToken(input.token);
	const usable = and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now));
	// A weak new password is refused before the token is spent, so the link still works for a better one.
	const [owner] = await db
		.select({ email: users.email, name: users.displayName })
		.from(passwordResetTokens)
		.innerJoin(users, eq(users.id, passwordResetTokens.userId))
		.where(usable);
	if (!owner) throw new DomainError('reset_token_invalid');
	await refuseWeakPassword(input.password, owner);
	const passwordHash = await hashPassword(input.password);
	const [spent] = await db.update(passwordResetTokens).set({ usedAt: now }).where(usable).returning({ userId: passwordResetTokens.userId });
	if (!spent) throw new DomainError('reset_token_invalid');
	await db.update(users).set({ passwordHash }).where(eq(users.id, spent.userId));
	// The lock-out message offers "choose a new password": having done so, the owner may sign in at once.
	await clearLimitsStartingWith(db, signInAccountPrefix(owner.email));
	await db.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, spent.userId));
	await endOtherSessions(db, spent.userId, null);
	await recordSecurityEvent(db, spent.userId, 'password-reset');
	// A device that once had the calendar address would go on reading it otherwise; a device with
	// push notifications on would go on showing that something happened.
	await revokeCalendarFeed(db, spent.userId);
	await actAs(db, spent.userId, () => removePushSubscriptions(db, spent.userId));
	return { userId: spent.userId };
}

export async function changePassword(
	db: Database,
	input: { userId: string; currentPassword: string; newPassword: string; currentSessionId: string }
) {
	await confirmPassword(db, input.userId, input.currentPassword);
	const [owner] = await db.select({ email: users.email, name: users.displayName }).from(users).where(eq(users.id, input.userId));
	await refuseWeakPassword(input.newPassword, owner);
	await db.update(users).set({ passwordHash: await hashPassword(input.newPassword) }).where(eq(users.id, input.userId));
	await endOtherSessions(db, input.userId, input.currentSessionId);
	await recordSecurityEvent(db, input.userId, 'password-changed');
}

/**
 * Someone holding an open session (a borrowed phone) could otherwise guess the password without
 * limit before changing it or deleting the account; and each guess costs an Argon2 check.
 */
export const CONFIRM_PASSWORD_LIMIT = { max: 5, windowSeconds: 15 * 60 } satisfies Limit;

export async function confirmPassword(db: Database, userId: string, password: string) {
	const key = `confirm-password:${userId}`;
	const limit = await hitLimit(db, key, CONFIRM_PASSWORD_LIMIT);
	if (!limit.allowed) throw new DomainError('too_many_attempts', { retryAfterSeconds: limit.retryAfterSeconds });
	const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
	if (!user || !(await verifyPassword(user.passwordHash, password))) throw new DomainError('wrong_password');
	await clearLimit(db, key);
}

export async function signOut(db: Database, userId: string, sessionId: string) {
	await endSession(db, sessionId);
	await recordSecurityEvent(db, userId, 'sign-out');
}

/** "Sign out everywhere else": for a lost phone or a shared computer. Turns the calendar feed off too. */
export async function signOutElsewhere(db: Database, userId: string, currentSessionId: string) {
	await endOtherSessions(db, userId, currentSessionId);
	await recordSecurityEvent(db, userId, 'sign-out');
	// The calendar address too: the lost phone may have it in its calendar app. And push: it would
	// go on showing that something happened (this device can turn it on again).
	await revokeCalendarFeed(db, userId);
	await actAs(db, userId, () => removePushSubscriptions(db, userId));
}
