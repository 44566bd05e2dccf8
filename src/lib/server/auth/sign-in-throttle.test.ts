import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { useSecondProcess } from '../../../../tests/setup/second-process';
import { DomainError } from '../errors';
import { CONFIRM_PASSWORD_LIMIT, confirmPassword, SIGN_IN_LIMITS, signIn, signUp } from './accounts';

/**
 * An attempt that reached the password check answers `invalid_credentials` (or `ok`); one refused
 * before it answers `too_many_attempts`. Counting the first kind counts the checks, with no hook
 * into the code under test.
 */
const checked = (codes: string[]) => codes.filter((code) => code !== 'too_many_attempts').length;

const password = 'a quiet morning walk';

async function outcome(promise: Promise<unknown>) {
	try {
		await promise;
		return 'ok';
	} catch (err) {
		if (err instanceof DomainError) return err.code;
		throw err;
	}
}

const tally = (codes: string[]) => codes.reduce<Record<string, number>>((acc, code) => ({ ...acc, [code]: (acc[code] ?? 0) + 1 }), {});

describe(`sign-in throttling under parallel attempts (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const secondProcess = useSecondProcess(database);
	let otherDb: Database;

	beforeAll(async () => {
		db = database();
		otherDb = secondProcess();
		await signUp(db, { email: 'target@example.org', password, displayName: 'Target', locale: 'en' });
	});

	it('lets at most 5 of 100 parallel wrong passwords reach the password check; the rest get 429', async () => {
		const codes = await Promise.all(
			Array.from({ length: 100 }, (_, i) => outcome(signIn(db, { email: 'target@example.org', password: `wrong guess ${i}`, address: '203.0.113.1' })))
		);
		expect(checked(codes)).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountAndAddress.max);
		expect(tally(codes)).toEqual({ invalid_credentials: checked(codes), too_many_attempts: 100 - checked(codes) });
	});

	it('does not let the right password through after 39 parallel wrong ones', async () => {
		const codes = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				outcome(signIn(db, { email: 'target@example.org', password: i === 34 ? password : `wrong guess ${i}`, address: '203.0.113.2' }))
			)
		);
		// Whichever attempts came first, at most 5 were checked; the right one may be among them only if it was.
		expect(checked(codes)).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountAndAddress.max);
		expect(codes.filter((code) => code === 'ok').length).toBeLessThanOrEqual(1);
	});

	it('keeps two app processes on one database within the same limit', async () => {
		const codes = await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				outcome(signIn(i % 2 ? otherDb : db, { email: 'target@example.org', password: `wrong guess ${i}`, address: '203.0.113.3' }))
			)
		);
		expect(checked(codes)).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountAndAddress.max);
		expect(codes.filter((code) => code === 'too_many_attempts').length).toBeGreaterThanOrEqual(100 - SIGN_IN_LIMITS.accountAndAddress.max);
	});

	it('limits one address spraying many accounts in parallel to 30 checks', async () => {
		const codes = await Promise.all(
			Array.from({ length: 60 }, (_, i) => outcome(signIn(i % 2 ? otherDb : db, { email: `spray${i}@example.org`, password: 'not the password', address: '203.0.113.4' })))
		);
		expect(checked(codes)).toBeLessThanOrEqual(SIGN_IN_LIMITS.address.max);
		expect(codes.filter((code) => code === 'too_many_attempts').length).toBeGreaterThanOrEqual(60 - SIGN_IN_LIMITS.address.max);
	});

	it('does not count successful sign-ins against a shared address', async () => {
		// A household or office behind one address signs in many times a day.
		for (let i = 0; i < SIGN_IN_LIMITS.address.max + 2; i++) {
			expect(await outcome(signIn(db, { email: 'target@example.org', password, address: '198.51.100.200' }))).toBe('ok');
		}
		expect(await outcome(signIn(db, { email: 'target@example.org', password: 'one typo here', address: '198.51.100.200' }))).toBe('invalid_credentials');
	});

	it('limits password confirmation (change password, delete account) per person, counted before the check', async () => {
		const { userId } = await signUp(db, { email: 'borrowed@example.org', password, displayName: 'Bo', locale: 'nl' });
		const codes = await Promise.all(Array.from({ length: 40 }, (_, i) => outcome(confirmPassword(i % 2 ? otherDb : db, userId, `guess ${i}`))));
		expect(checked(codes)).toBeLessThanOrEqual(CONFIRM_PASSWORD_LIMIT.max);
		expect(codes.filter((code) => code === 'too_many_attempts').length).toBeGreaterThanOrEqual(40 - CONFIRM_PASSWORD_LIMIT.max);
	});
});
