import { and, desc, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db';
import { coupleMembers, sessions, users } from '../db/schema';
import type { Partner } from '../couple/membership';
import { hashToken, newToken } from '../security/tokens';
import { sessionCacheOf } from '../db/session-cache';
import { runOnAnyConnection } from '../db/actor-context';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Sliding lifetime: unused for this long, a session ends. */
export const SESSION_DAYS = 30;
/** Absolute lifetime: however active, a session ends this long after sign-in. */
export const SESSION_MAX_DAYS = 90;
/** "Last used" is kept to about the hour, so reading pages does not mean a write per request. */
export const LAST_USED_PRECISION_MS = HOUR;

export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	locale: 'nl' | 'en';
	role: 'repairing' | 'hurt' | null;
	isAdmin: boolean;
	/** The couple the user belongs to now, or null when solo. */
	coupleId: string | null;
	/**
	 * The other member of that couple, read with the session (null when solo), so reading pages
	 * need not ask again (`partnerIn`). Absent on a user made by hand (tests): then it is asked.
	 */
	partner?: Partner | null;
}

export interface ValidSession {
	sessionId: string;
	expiresAt: Date;
	/** True when this request moved the expiry forward, so the cookie must follow. */
	extended: boolean;
	user: SessionUser;
}

export interface SessionListItem {
	id: string;
	device: string | null;
	createdAt: Date;
	lastUsedAt: Date;
	current: boolean;
}

/** Returns the cookie token; the database keeps only its hash. */
export async function createSession(db: Database, userId: string, now = new Date()) {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY);
	const absoluteExpiresAt = new Date(now.getTime() + SESSION_MAX_DAYS * DAY);
	await db.insert(sessions).values({ id: hashToken(token), userId, expiresAt, absoluteExpiresAt, createdAt: now, lastUsedAt: now });
	return { token, expiresAt };
}

/**
 * Sliding expiry: a session used in its second half is extended, never past its absolute end, so
 * active people stay signed in and a stolen cookie still dies. The same single write records the
 * last use (at most about hourly) and, on first use, the device (`describeDevice`): sign-in itself
 * does not see the User-Agent, its redirect does.
 */
export async function validateSession(
	db: Database,
	token: string,
	now = new Date(),
	device: string | null = null
): Promise<ValidSession | null> {
	const id = hashToken(token);
	// On the embedded database, a session validated moments ago (or being validated right now by
	// a request that arrived with this one) is not looked up again; see db/session-cache.ts.
	const cache = sessionCacheOf<ValidSession>(db);
	if (!cache) return lookUpSession(db, id, now, device);
	let lookedUp = false;
	const session = await cache.get(id, now, device, () => {
		lookedUp = true;
		return lookUpSession(db, id, now, device);
	});
	if (!session) return null;
	// Only the request that looked it up moved the expiry; the others need not set the cookie again.
	return { ...session, user: { ...session.user }, extended: lookedUp && session.extended };
}

const partnerMember = alias(coupleMembers, 'partner_member');
const partnerUser = alias(users, 'partner_user');

/**
 * The session look-up runs on every signed-in request, and building it (joins, a nested
 * selection) cost more CPU than running it; prepared once per database, it is only bound and
 * sent (and on PostgreSQL each connection parses it once: a named statement).
 */
function sessionQuery(db: Database) {
	return db
		.select({
			sessionId: sessions.id,
			expiresAt: sessions.expiresAt,
			absoluteExpiresAt: sessions.absoluteExpiresAt,
			lastUsedAt: sessions.lastUsedAt,
			device: sessions.device,
			user: {
				id: users.id,
				email: users.email,
				displayName: users.displayName,
				locale: users.locale,
				role: users.role,
				isAdmin: users.isAdmin,
				coupleId: coupleMembers.coupleId
			},
			partner: { id: partnerUser.id, displayName: partnerUser.displayName, role: partnerUser.role }
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.leftJoin(coupleMembers, eq(coupleMembers.userId, users.id))
		.leftJoin(partnerMember, and(eq(partnerMember.coupleId, coupleMembers.coupleId), ne(partnerMember.userId, users.id)))
		.leftJoin(partnerUser, eq(partnerUser.id, partnerMember.userId))
		.where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now')), gt(sessions.absoluteExpiresAt, sql.placeholder('now'))))
		.limit(1)
		.prepare('herstelpad_session_lookup');
}

const sessionQueries = new WeakMap<Database, ReturnType<typeof sessionQuery>>();

/** Reads and writes only sessions, users and couple_members (no row security): any connection will do. */
function lookUpSession(db: Database, id: string, now: Date, device: string | null): Promise<ValidSession | null> {
	return runOnAnyConnection(() => lookUpSessionOnAnyConnection(db, id, now, device));
}

async function lookUpSessionOnAnyConnection(db: Database, id: string, now: Date, device: string | null): Promise<ValidSession | null> {
	let query = sessionQueries.get(db);
	if (!query) sessionQueries.set(db, (query = sessionQuery(db)));
	const [found] = await query.execute({ id, now: now.toISOString() });
	// A couple has two members; solo, the partner's columns are those of a missing join.
	const row = found && { ...found, user: { ...found.user, partner: found.user.coupleId && found.partner?.id ? found.partner : null } };
	if (!row) return null;
	const changes: Partial<typeof sessions.$inferInsert> = {};
	let expiresAt = row.expiresAt;
	if (row.expiresAt.getTime() - now.getTime() < (SESSION_DAYS / 2) * DAY) {
		const extended = new Date(Math.min(now.getTime() + SESSION_DAYS * DAY, row.absoluteExpiresAt.getTime()));
		if (extended.getTime() > row.expiresAt.getTime()) changes.expiresAt = expiresAt = extended;
	}
	if (now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) changes.lastUsedAt = now;
	if (!row.device && device) changes.device = device;
	if (Object.keys(changes).length > 0) await db.update(sessions).set(changes).where(eq(sessions.id, id));
	return { sessionId: row.sessionId, user: row.user, expiresAt, extended: 'expiresAt' in changes };
}

/** One person's live sessions, newest use first, for "where am I signed in". */
export async function listSessions(db: Database, userId: string, currentSessionId: string | null, now = new Date()): Promise<SessionListItem[]> {
	const rows = await db
		.select({ id: sessions.id, device: sessions.device, createdAt: sessions.createdAt, lastUsedAt: sessions.lastUsedAt })
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.absoluteExpiresAt, now)))
		.orderBy(desc(sessions.lastUsedAt), desc(sessions.createdAt));
	return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

/** Ends one of the person's own sessions; someone else's session id simply matches nothing. */
export async function endOwnSession(db: Database, userId: string, sessionId: string): Promise<boolean> {
	const ended = await db
		.delete(sessions)
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
		.returning({ id: sessions.id });
	return ended.length === 1;
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
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.absoluteExpiresAt, now)));
	return rows.length;
}

export async function purgeExpiredSessions(db: Database, now = new Date()) {
	await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now)));
}
