import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { securityEvents } from '../db/schema';

export type SecurityEventKind = (typeof securityEvents.$inferInsert)['kind'];

/** Records that something happened, never what anyone wrote. */
export async function recordSecurityEvent(db: Database, userId: string | null, kind: SecurityEventKind) {
	await db.insert(securityEvents).values({ userId, kind });
}

export async function listSecurityEvents(db: Database, userId: string, limit = 30) {
	return db
		.select({ kind: securityEvents.kind, createdAt: securityEvents.createdAt })
		.from(securityEvents)
		.where(eq(securityEvents.userId, userId))
		.orderBy(desc(securityEvents.id))
		.limit(limit);
}
