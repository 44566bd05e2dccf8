import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { DomainError } from '../errors';
import { signUp } from '../auth/accounts';
import { createInvitation, INVITATION_CREATE_LIMIT } from './invitations';

describe(`invitation creation throttle (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	beforeAll(() => {
		db = database();
	});

	it('lets one person make a handful of invitation links an hour, then refuses with a time to wait', async () => {
		const { userId } = await signUp(db, { email: 'inviter@example.org', password: 'a quiet morning walk', displayName: 'Ivo', locale: 'nl' });
		const { userId: other } = await signUp(db, { email: 'other@example.org', password: 'a quiet morning walk', displayName: 'Oda', locale: 'nl' });
		for (let i = 0; i < INVITATION_CREATE_LIMIT.max; i++) await createInvitation(db, userId);
		const refused = await createInvitation(db, userId).catch((err: unknown) => err);
		expect(refused).toBeInstanceOf(DomainError);
		expect((refused as DomainError).code).toBe('too_many_attempts');
		expect((refused as DomainError).retryAfterSeconds).toBeGreaterThan(0);
		// Per person: someone else is not affected, and an hour later it works again.
		await expect(createInvitation(db, other)).resolves.toHaveProperty('token');
		await expect(createInvitation(db, userId, new Date(Date.now() + 61 * 60 * 1000))).resolves.toHaveProperty('token');
	});
});
