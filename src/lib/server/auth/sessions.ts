import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { coupleMembers, sessions, users } from '../db/schema';
import { hashToken, newToken } from '../security/tokens';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_DAYS = 30;
export const SESSION_COOKIE = 'herstelpad_session';

export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	locale: 'nl' | 'en';
	role: 'repairing' | 'hurt' | null;
	isAdmin: boolean;
	/** The couple the user belongs to now, or null when solo. */
	coupleId: string | null;
}

export interface ValidSession {
	sessionId: string;
	expiresAt: Date;
	/** True when this request moved the expiry forward, so the cookie must follow. */
	extended: boolean;
	user: SessionUser;
}

/** Returns the cookie token; the database keeps only its hash. */
export async function createSession(db: Database, userId: string, now = new Date()) {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY);
	await db.insert(sessions).values({ id: hashToken(token), userId, expiresAt });
	return { token, expiresAt };
}

/** Sliding expiry: a session used in its second half is extended, so active people stay signed in. */
export async function validateSession(db: Database, token: string, now = new Date()): Promise<ValidSession | null> {
	const id = hashToken(token);
	const [row] = await db
		.select({
			sessionId: sessions.id,
			expiresAt: sessions.expiresAt,
			user: {
				id: users.id,
				email: users.email,
				displayName: users.displayName,
				locale: users.locale,
				role: users.role,
				isAdmin: users.isAdmin,
				coupleId: coupleMembers.coupleId
			}
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.leftJoin(coupleMembers, eq(coupleMembers.userId, users.id))
		.where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
	if (!row) return null;
	if (row.expiresAt.getTime() - now.getTime() >= (SESSION_DAYS / 2) * DAY) return { ...row, extended: false };
	const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY);
	await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
	return { ...row, expiresAt, extended: true };
}

export async function endSession(db: Database, sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function endOtherSessions(db: Database, userId: string, keepSessionId: string | null) {
	await db
		.delete(sessions)
		.where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
}

export async function countSessions(db: Database, userId: string, now = new Date()) {
	const rows = await db
		.select({ id: sessions.id })
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)));
	return rows.length;
}

export async function purgeExpiredSessions(db: Database, now = new Date()) {
	await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
