import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { sessions } from '../db/schema';
import { signUp } from './accounts';
import { createSession, endOwnSession, listSessions, purgeExpiredSessions, SESSION_MAX_DAYS, validateSession } from './sessions';
import { hashToken } from '../security/tokens';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { leaveCouple } from '../couple/membership';
import { chooseRole } from '../users/users';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const password = 'a quiet morning walk';
let counter = 0;

describe(`sessions: lifetime, last use, device, list (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	beforeAll(() => {
		db = database();
	});

	const person = async () => (await signUp(db, { email: `s${counter++}@example.org`, password, displayName: 'Sam', locale: 'nl' })).userId;
	const rowOf = async (token: string) => (await db.select().from(sessions).where(eq(sessions.id, hashToken(token))))[0];

	it('brings the partner along (none when solo), as they are at this request', async () => {
		const ann = await person();
		const bo = (await signUp(db, { email: `s${counter++}@example.org`, password, displayName: 'Bo', locale: 'en' })).userId;
		const { token } = await createSession(db, ann);
		const user = async () => (await validateSession(db, token))!.user;
		expect((await user()).partner).toBeNull();

		await acceptInvitation(db, bo, (await createInvitation(db, ann)).token);
		const paired = await user();
		expect(paired.partner).toEqual({ id: bo, displayName: 'Bo', role: null });
		expect(paired.coupleId).not.toBeNull();
		// A change on the partner's side shows on the next request (PGlite's session cache forgets it too).
		await chooseRole(db, bo, 'hurt');
		expect((await user()).partner).toEqual({ id: bo, displayName: 'Bo', role: 'hurt' });

		await leaveCouple(db, bo);
		expect(await user()).toMatchObject({ coupleId: null, partner: null });
	});

	it('ends a session 90 days after sign-in, however often it is used', async () => {
		const userId = await person();
		const start = new Date('2026-01-01T10:00:00Z');
		const { token } = await createSession(db, userId, start);
		// Used every ten days: the sliding expiry alone would keep it alive for ever.
		for (let day = 10; day < SESSION_MAX_DAYS; day += 10) {
			const valid = await validateSession(db, token, new Date(start.getTime() + day * DAY));
			expect(valid, `day ${day}`).not.toBeNull();
			expect(valid!.expiresAt.getTime()).toBeLessThanOrEqual(start.getTime() + SESSION_MAX_DAYS * DAY);
		}
		expect(await validateSession(db, token, new Date(start.getTime() + SESSION_MAX_DAYS * DAY + MINUTE))).toBeNull();
		await purgeExpiredSessions(db, new Date(start.getTime() + SESSION_MAX_DAYS * DAY + MINUTE));
		expect(await rowOf(token)).toBeUndefined();
	});

	it('records the last use at most about once an hour, not on every request', async () => {
		const userId = await person();
		const start = new Date('2026-02-01T10:00:00Z');
		const { token } = await createSession(db, userId, start);
		await validateSession(db, token, new Date(start.getTime() + 10 * MINUTE));
		await validateSession(db, token, new Date(start.getTime() + 50 * MINUTE));
		expect((await rowOf(token)).lastUsedAt.toISOString()).toBe(start.toISOString());
		const later = new Date(start.getTime() + 61 * MINUTE);
		await validateSession(db, token, later);
		expect((await rowOf(token)).lastUsedAt.toISOString()).toBe(later.toISOString());
	});

	it('keeps the device seen at first use and never overwrites it', async () => {
		const userId = await person();
		const { token } = await createSession(db, userId);
		expect((await rowOf(token)).device).toBeNull();
		await validateSession(db, token, new Date(), 'Android · Firefox');
		await validateSession(db, token, new Date(Date.now() + 2 * 60 * MINUTE), 'Windows · Edge');
		expect((await rowOf(token)).device).toBe('Android · Firefox');
	});

	it('lists one person’s sessions with this one marked, and ends only their own', async () => {
		const me = await person();
		const other = await person();
		const here = await createSession(db, me);
		const phone = await createSession(db, me);
		const theirs = await createSession(db, other);
		const hereId = hashToken(here.token);
		const list = await listSessions(db, me, hereId);
		// Sign-up made a session too.
		expect(list).toHaveLength(3);
		expect(list.filter((s) => s.current).map((s) => s.id)).toEqual([hereId]);
		expect(list.map((s) => s.id)).not.toContain(hashToken(theirs.token));
		expect(Object.keys(list[0]).sort()).toEqual(['createdAt', 'current', 'device', 'id', 'lastUsedAt']);

		expect(await endOwnSession(db, me, hashToken(theirs.token))).toBe(false);
		expect(await validateSession(db, theirs.token)).not.toBeNull();
		expect(await endOwnSession(db, me, hashToken(phone.token))).toBe(true);
		expect(await validateSession(db, phone.token)).toBeNull();
		expect(await validateSession(db, here.token)).not.toBeNull();
	});
});
