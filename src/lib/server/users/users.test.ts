import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { consentEvents, sessions, stepProgress, users } from '../db/schema';
import { signIn, signUp } from '../auth/accounts';
import { markStepDone } from '../program/progress';
import { chooseRole, createAdmin, deleteAccount } from './users';

describe(`users (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	beforeAll(() => {
		db = database();
	});

	it('chooses and changes the role', async () => {
		const { userId } = await signUp(db, { email: 'r@example.org', password: 'long enough pass', displayName: 'R', locale: 'nl' });
		await chooseRole(db, userId, 'hurt');
		await chooseRole(db, userId, 'repairing');
		const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
		expect(row.role).toBe('repairing');
	});

	it('deletes an account and all its rows only with the right password', async () => {
		const keep = await signUp(db, { email: 'keep@example.org', password: 'long enough pass', displayName: 'Keep', locale: 'nl' });
		const { userId } = await signUp(db, { email: 'gone@example.org', password: 'long enough pass', displayName: 'Gone', locale: 'en' });
		await markStepDone(db, userId, 'hurt', 'feelings');
		await expect(deleteAccount(db, { userId, password: 'not the password', locale: 'en' })).rejects.toThrow('wrong_password');
		expect(await db.select().from(users).where(eq(users.id, userId))).toHaveLength(1);

		await deleteAccount(db, { userId, password: 'long enough pass', locale: 'en' });
		for (const [table, column] of [
			[users, users.id],
			[sessions, sessions.userId],
			[consentEvents, consentEvents.userId],
			[stepProgress, stepProgress.userId]
		] as const) {
			expect(await db.select().from(table).where(eq(column, userId))).toHaveLength(0);
		}
		await expect(signIn(db, { email: 'gone@example.org', password: 'long enough pass', address: '10.0.0.1' })).rejects.toThrow('invalid_credentials');
		expect(await db.select().from(users).where(eq(users.id, keep.userId))).toHaveLength(1);
	});

	it('creates an admin, or promotes an existing account', async () => {
		expect(await createAdmin(db, 'admin@example.org')).toEqual({ created: true });
		expect(await createAdmin(db, 'r@example.org')).toEqual({ created: false });
		const admins = await db.select({ email: users.email }).from(users).where(eq(users.isAdmin, true));
		expect(admins.map((a) => a.email).sort()).toEqual(['admin@example.org', 'r@example.org']);
	});
});
