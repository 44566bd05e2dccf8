import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { consentEvents, passwordResetTokens, users } from '../db/schema';
import { DomainError } from '../errors';
import {
	changePassword,
	isResetTokenUsable,
	requestPasswordReset,
	resetPassword,
	SIGN_IN_LIMITS,
	signUpLimit,
	signIn,
	signOut,
	signOutElsewhere,
	signUp
} from './accounts';
import { listSecurityEvents } from '../security/events';
import { countSessions, purgeExpiredSessions, validateSession } from './sessions';
import { hitLimit, purgeStaleLimits } from '../security/rate-limit';
import { hashToken } from '../security/tokens';

const password = 'a quiet morning walk';

async function codeOf(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (err) {
		if (err instanceof DomainError) return err.code;
		throw err;
	}
	return 'ok';
}

describe(`accounts (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	beforeAll(() => {
		db = database();
	});

	it('signs up with an Argon2id hash, a consent event and a working session', async () => {
		const { userId, session } = await signUp(db, { email: 'sam@example.org', password, displayName: 'Sam', locale: 'nl' });
		const [user] = await db.select().from(users).where(eq(users.id, userId));
		expect(user.passwordHash).toMatch(/^\$argon2id\$/);
		expect(user.passwordHash).not.toContain(password);
		const events = await db.select().from(consentEvents).where(eq(consentEvents.userId, userId));
		expect(events.map((e) => [e.kind, e.locale])).toEqual([['given', 'nl']]);
		const valid = await validateSession(db, session.token);
		expect(valid?.user.email).toBe('sam@example.org');
	});

	it('throttles account creation from one address', async () => {
		const address = '198.51.100.99';
		for (let i = 0; i < signUpLimit().max; i++) {
			await signUp(db, { email: `bulk${i}@example.org`, password, displayName: 'Bulk', locale: 'en', address });
		}
		expect(await codeOf(signUp(db, { email: 'one-more@example.org', password, displayName: 'More', locale: 'en', address }))).toBe('too_many_attempts');
		expect(await codeOf(signUp(db, { email: 'elsewhere@example.org', password, displayName: 'Else', locale: 'en', address: '198.51.100.100' }))).toBe('ok');
	});

	it('refuses a second account for the same e-mail address', async () => {
		expect(await codeOf(signUp(db, { email: 'sam@example.org', password, displayName: 'Other', locale: 'en' }))).toBe('email_taken');
	});

	it('answers an unknown e-mail exactly like a wrong password', async () => {
		expect(await codeOf(signIn(db, { email: 'nobody@example.org', password, address: '10.0.0.1' }))).toBe('invalid_credentials');
		expect(await codeOf(signIn(db, { email: 'sam@example.org', password: 'wrong password!', address: '10.0.0.1' }))).toBe(
			'invalid_credentials'
		);
		expect(await codeOf(signIn(db, { email: 'sam@example.org', password, address: '10.0.0.1' }))).toBe('ok');
	});

	it('throttles one address guessing one account, but not the owner elsewhere', async () => {
		await signUp(db, { email: 'kim@example.org', password, displayName: 'Kim', locale: 'en' });
		for (let i = 0; i < SIGN_IN_LIMITS.accountAndAddress.max; i++) {
			expect(await codeOf(signIn(db, { email: 'kim@example.org', password: `guess number ${i}`, address: '203.0.113.9' }))).toBe(
				'invalid_credentials'
			);
		}
		// Even the right password is refused from the guessing address for now…
		expect(await codeOf(signIn(db, { email: 'kim@example.org', password, address: '203.0.113.9' }))).toBe('too_many_attempts');
		// …while the owner, from their own address, gets in.
		expect(await codeOf(signIn(db, { email: 'kim@example.org', password, address: '198.51.100.20' }))).toBe('ok');
	});

	it('throttles one address trying many accounts', async () => {
		const address = '192.0.2.77';
		let last = '';
		for (let i = 0; i <= SIGN_IN_LIMITS.address.max; i++) {
			last = await codeOf(signIn(db, { email: `spray${i}@example.org`, password: 'not the password', address }));
		}
		expect(last).toBe('too_many_attempts');
		const err = await signIn(db, { email: 'sam@example.org', password, address }).catch((e) => e);
		expect(err).toBeInstanceOf(DomainError);
		expect(err.retryAfterSeconds).toBeGreaterThan(0);
	});

	it('resets a password with a single-use token and ends every session', async () => {
		const { session } = await signUp(db, { email: 'noor@example.org', password, displayName: 'Noor', locale: 'nl' });
		const reset = await requestPasswordReset(db, { email: 'noor@example.org', address: '10.1.1.1' });
		expect(reset).not.toBeNull();
		expect(reset!.locale).toBe('nl');
		// Only the hash is stored.
		const stored = await db.select().from(passwordResetTokens);
		expect(stored.some((row) => row.tokenHash === reset!.token)).toBe(false);
		expect(stored.some((row) => row.tokenHash === hashToken(reset!.token))).toBe(true);

		expect(await isResetTokenUsable(db, reset!.token)).toBe(true);
		await resetPassword(db, { token: reset!.token, password: 'a brand new phrase' });
		expect(await validateSession(db, session.token)).toBeNull();
		expect(await codeOf(resetPassword(db, { token: reset!.token, password: 'yet another phrase' }))).toBe('reset_token_invalid');
		expect(await codeOf(signIn(db, { email: 'noor@example.org', password: 'a brand new phrase', address: '10.1.1.1' }))).toBe('ok');
	});

	it('lifts the lock-out for that account once the password is reset, from every address', async () => {
		await signUp(db, { email: 'locked_out@example.org', password, displayName: 'Lee', locale: 'nl' });
		for (const address of ['10.7.7.1', '10.7.7.2']) {
			for (let i = 0; i < SIGN_IN_LIMITS.accountAndAddress.max; i++) {
				await codeOf(signIn(db, { email: 'locked_out@example.org', password: `forgotten ${i}`, address }));
			}
			expect(await codeOf(signIn(db, { email: 'locked_out@example.org', password, address }))).toBe('too_many_attempts');
		}
		// Someone else's lock with a look-alike address stays (the prefix is not a LIKE pattern).
		await signUp(db, { email: 'lockedXout@example.org', password, displayName: 'Other', locale: 'nl' });
		for (let i = 0; i <= SIGN_IN_LIMITS.accountAndAddress.max; i++) {
			await codeOf(signIn(db, { email: 'lockedXout@example.org', password: `guess ${i}`, address: '10.7.7.1' }));
		}
		const reset = await requestPasswordReset(db, { email: 'locked_out@example.org', address: '10.7.7.1' });
		await resetPassword(db, { token: reset!.token, password: 'a fresh start at last' });
		for (const address of ['10.7.7.1', '10.7.7.2']) {
			expect(await codeOf(signIn(db, { email: 'locked_out@example.org', password: 'a fresh start at last', address }))).toBe('ok');
		}
		expect(await codeOf(signIn(db, { email: 'lockedXout@example.org', password, address: '10.7.7.1' }))).toBe('too_many_attempts');
	});

	it('refuses common, guessable and personal passwords everywhere a password is chosen, saying why', async () => {
		const weak = (password: string, email = 'weak@example.org', displayName = 'Wendy Vos') =>
			codeOf(signUp(db, { email, password, displayName, locale: 'nl' }));
		expect(await weak('1234567890')).toBe('password_common');
		expect(await weak('password12')).toBe('password_common');
		expect(await weak('Wachtwoord2024')).toBe('password_guessable');
		expect(await weak('wendy loves the sea')).toBe('password_personal');
		expect(await weak('my address is weak.one@example.org', 'weak.one@example.org')).toBe('password_personal');
		expect(await db.select().from(users).where(eq(users.email, 'weak@example.org'))).toHaveLength(0);

		const { userId, session } = await signUp(db, { email: 'strong@example.org', password, displayName: 'Strong', locale: 'en' });
		const current = await validateSession(db, session.token);
		expect(await codeOf(changePassword(db, { userId, currentPassword: password, newPassword: 'qwertyuiop', currentSessionId: current!.sessionId }))).toBe(
			'password_common'
		);
		const reset = await requestPasswordReset(db, { email: 'strong@example.org', address: '10.8.8.8' });
		expect(await codeOf(resetPassword(db, { token: reset!.token, password: 'strong1234' }))).toBe('password_personal');
		// A refused password does not spend the link.
		expect(await isResetTokenUsable(db, reset!.token)).toBe(true);
		expect(await codeOf(signIn(db, { email: 'strong@example.org', password, address: '10.8.8.8' }))).toBe('ok');
	});

	it('rejects an expired reset token', async () => {
		const past = new Date(Date.now() - 2 * 60 * 60 * 1000);
		const reset = await requestPasswordReset(db, { email: 'sam@example.org', address: '10.2.2.2' }, past);
		expect(await isResetTokenUsable(db, reset!.token)).toBe(false);
		expect(await codeOf(resetPassword(db, { token: reset!.token, password: 'too late for this' }))).toBe('reset_token_invalid');
	});

	it('gives nothing away for an unknown address and limits reset mails per account', async () => {
		expect(await requestPasswordReset(db, { email: 'ghost@example.org', address: '10.3.3.3' })).toBeNull();
		const results = [];
		for (let i = 0; i < 4; i++) results.push(await requestPasswordReset(db, { email: 'kim@example.org', address: `10.4.4.${i}` }));
		expect(results.slice(0, 3).every(Boolean)).toBe(true);
		expect(results[3]).toBeNull();
	});

	it('changes the password and ends the other sessions only', async () => {
		const { userId, session } = await signUp(db, { email: 'ali@example.org', password, displayName: 'Ali', locale: 'en' });
		const other = await signIn(db, { email: 'ali@example.org', password, address: '10.5.5.5' });
		expect(await countSessions(db, userId)).toBe(2);
		const current = await validateSession(db, session.token);
		expect(await codeOf(changePassword(db, { userId, currentPassword: 'not my password', newPassword: 'whatever it is', currentSessionId: current!.sessionId }))).toBe(
			'wrong_password'
		);
		await changePassword(db, { userId, currentPassword: password, newPassword: 'a completely new one', currentSessionId: current!.sessionId });
		expect(await validateSession(db, session.token)).not.toBeNull();
		expect(await validateSession(db, other.session.token)).toBeNull();
	});

	it('signs out here, or everywhere else, and records it', async () => {
		const { userId, session } = await signUp(db, { email: 'eli@example.org', password, displayName: 'Eli', locale: 'nl' });
		const phone = await signIn(db, { email: 'eli@example.org', password, address: '10.6.6.6' });
		const laptop = await signIn(db, { email: 'eli@example.org', password, address: '10.6.6.7' });
		const here = await validateSession(db, session.token);
		await signOutElsewhere(db, userId, here!.sessionId);
		expect(await validateSession(db, phone.session.token)).toBeNull();
		expect(await validateSession(db, laptop.session.token)).toBeNull();
		expect(await validateSession(db, session.token)).not.toBeNull();
		await signOut(db, userId, here!.sessionId);
		expect(await validateSession(db, session.token)).toBeNull();
		expect((await listSecurityEvents(db, userId)).map((e) => e.kind)).toEqual(['sign-out', 'sign-out', 'sign-in', 'sign-in']);
	});

	it('expires sessions and extends active ones', async () => {
		const { session } = await signUp(db, { email: 'lou@example.org', password, displayName: 'Lou', locale: 'en' });
		const later = new Date(Date.now() + 20 * 24 * 60 * 60 * 1000);
		expect((await validateSession(db, session.token))!.extended).toBe(false);
		const extended = await validateSession(db, session.token, later);
		expect(extended!.extended).toBe(true);
		expect(extended!.expiresAt.getTime()).toBeGreaterThan(session.expiresAt.getTime());
		const muchLater = new Date(extended!.expiresAt.getTime() + 1000);
		expect(await validateSession(db, session.token, muchLater)).toBeNull();
	});

	it('purges expired sessions and stale rate-limit windows', async () => {
		const { userId } = await signUp(db, { email: 'old@example.org', password, displayName: 'Old', locale: 'en' });
		expect(await countSessions(db, userId)).toBe(1);
		await purgeExpiredSessions(db, new Date(Date.now() + 31 * 24 * 60 * 60 * 1000));
		expect(await countSessions(db, userId, new Date(0))).toBe(0);

		const limit = { max: 1, windowSeconds: 60 };
		const past = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
		await hitLimit(db, 'test:stale', limit, past);
		expect((await hitLimit(db, 'test:stale', limit, past)).allowed).toBe(false);
		await purgeStaleLimits(db);
		expect((await hitLimit(db, 'test:stale', limit, past)).allowed).toBe(true);
	});

	it('never writes e-mail addresses or passwords to the log', async () => {
		const log = vi.spyOn(console, 'log');
		const errors = vi.spyOn(console, 'error');
		await signUp(db, { email: 'private@example.org', password: 'secret words here', displayName: 'Private', locale: 'nl' });
		await codeOf(signIn(db, { email: 'private@example.org', password: 'wrong words here', address: '10.9.9.9' }));
		const written = [...log.mock.calls, ...errors.mock.calls].flat().join('\n');
		expect(written).not.toContain('private@example.org');
		expect(written).not.toContain('secret words');
		log.mockRestore();
		errors.mockRestore();
	});
});
