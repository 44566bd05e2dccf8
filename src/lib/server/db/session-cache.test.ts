import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle } from '.';
import { sessionCacheOf, SessionCache } from './session-cache';
import { signUp, changePassword, signOut, signOutElsewhere } from '../auth/accounts';
import { createSession, endOwnSession, validateSession } from '../auth/sessions';
import { hashToken } from '../security/tokens';
import { chooseRole, deleteAccount } from '../users/users';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { leaveCouple } from '../couple/membership';

/**
 * The cache of validated sessions exists only on the embedded database (one process owns it), so
 * these tests open a PGlite database whatever TEST_DATABASE_URL says. On PostgreSQL openDatabase
 * attaches none and every request looks its session up.
 */
const password = 'a quiet morning walk';
let counter = 0;

describe('session cache on the embedded database', () => {
	let handle: DatabaseHandle;
	let db: Database;
	let cache: SessionCache;
	beforeAll(async () => {
		handle = await openDatabase({ kind: 'pglite' }); // a new database from scratch, as the app opens one
		db = handle.db;
		cache = sessionCacheOf(db)!;
		// Starting PGlite takes a second on a quiet machine, over a minute on a crowded one.
	}, 300_000);
	afterAll(() => handle.close());

	const person = async (name = 'Sam') => {
		const signedUp = await signUp(db, { email: `cache${counter++}@example.org`, password, displayName: name, locale: 'nl' });
		return { userId: signedUp.userId, token: signedUp.session.token };
	};
	const lookups = () => cache.counts.lookups;

	it('answers a session validated moments ago without asking the database again', async () => {
		const { token } = await person();
		// One moment for all calls: on a crowded machine the first look-up alone can outlast the 5 s.
		const now = new Date();
		await validateSession(db, token, now);
		const before = lookups();
		for (let i = 0; i < 5; i++) expect(await validateSession(db, token, now)).not.toBeNull();
		expect(lookups()).toBe(before);
	});

	it('looks a session up once for requests that arrive together', async () => {
		const { token, userId } = await person();
		const before = lookups();
		const now = new Date();
		const all = await Promise.all(Array.from({ length: 100 }, () => validateSession(db, token, now)));
		expect(lookups() - before).toBe(1);
		expect(all.every((s) => s?.user.id === userId)).toBe(true);
		// Each request gets its own copy: one request changing its user cannot change another's.
		expect(new Set(all.map((s) => s!.user)).size).toBe(100);
	});

	it('forgets a session at once when it is signed out, ended from the list, or ended elsewhere', async () => {
		const { userId, token } = await person();
		const ended = await validateSession(db, token);
		await signOut(db, userId, ended!.sessionId);
		expect(await validateSession(db, token)).toBeNull();

		const phone = await createSession(db, userId);
		const laptop = await createSession(db, userId);
		const here = await createSession(db, userId);
		await validateSession(db, phone.token);
		await validateSession(db, laptop.token);
		await validateSession(db, here.token);
		expect(await endOwnSession(db, userId, hashToken(phone.token))).toBe(true);
		expect(await validateSession(db, phone.token)).toBeNull();
		await signOutElsewhere(db, userId, hashToken(here.token));
		expect(await validateSession(db, laptop.token)).toBeNull();
		expect(await validateSession(db, here.token)).not.toBeNull();
	});

	it('forgets the other sessions when the password changes, and all of them when the account is deleted', async () => {
		const { userId, token } = await person();
		const other = await createSession(db, userId);
		const current = await validateSession(db, token);
		await validateSession(db, other.token);
		await changePassword(db, { userId, currentPassword: password, newPassword: 'a new quiet evening walk', currentSessionId: current!.sessionId });
		expect(await validateSession(db, other.token)).toBeNull();
		expect(await validateSession(db, token)).not.toBeNull();

		await deleteAccount(db, { userId, password: 'a new quiet evening walk', locale: 'nl' });
		expect(await validateSession(db, token)).toBeNull();
	});

	it('shows a new role and a joined or left couple on the next request', async () => {
		const a = await person('Ann');
		const b = await person('Bo');
		expect((await validateSession(db, a.token))!.user.role).toBeNull();
		await chooseRole(db, a.userId, 'hurt');
		expect((await validateSession(db, a.token))!.user.role).toBe('hurt');

		expect((await validateSession(db, b.token))!.user.coupleId).toBeNull();
		const invitation = await createInvitation(db, a.userId);
		await acceptInvitation(db, b.userId, invitation.token);
		const joined = (await validateSession(db, b.token))!.user.coupleId;
		expect(joined).not.toBeNull();
		expect((await validateSession(db, a.token))!.user.coupleId).toBe(joined);

		// Leaving ends the couple for both; the partner's cached session must not keep it.
		await leaveCouple(db, a.userId);
		expect((await validateSession(db, a.token))!.user.coupleId).toBeNull();
		expect((await validateSession(db, b.token))!.user.coupleId).toBeNull();
	});

	it('does not keep what a look-up read while a sign-out was under way', async () => {
		const { userId, token } = await person();
		const session = (await validateSession(db, token))!;
		cache.clear();
		// The look-up starts first, the sign-out is issued before the look-up's answer is stored.
		const reading = validateSession(db, token);
		const signingOut = signOut(db, userId, session.sessionId);
		await Promise.all([reading, signingOut]);
		expect(await validateSession(db, token)).toBeNull();
	});

	it('never answers from the cache past the session’s end or after a few seconds', async () => {
		const { token } = await person();
		const now = new Date();
		const valid = (await validateSession(db, token, now))!;
		const before = lookups();
		expect(await validateSession(db, token, new Date(now.getTime() + cache.ttlMs + 1))).not.toBeNull();
		expect(lookups()).toBe(before + 1);
		expect(await validateSession(db, token, new Date(valid.expiresAt.getTime() + 1))).toBeNull();
	});

	it('keeps at most its bound of sessions', () => {
		const small = new SessionCache(5_000, 3);
		const now = new Date();
		return Promise.all(
			Array.from({ length: 10 }, (_, i) => small.get(`k${i}`, now, null, async () => ({ expiresAt: new Date(now.getTime() + 60_000) })))
		).then(() => expect(small.size).toBe(3));
	});
});
