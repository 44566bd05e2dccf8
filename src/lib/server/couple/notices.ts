import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { coupleNotices } from '../db/schema';

/**
 * "Your partner left" is said once, kindly, to the partner who stays, and stays on the dashboard
 * and the Together page only until they dismiss it: no repeated notice, no blame, no name.
 */
export async function readCoupleNotice(db: Database, userId: string) {
	const [row] = await db.select({ kind: coupleNotices.kind }).from(coupleNotices).where(eq(coupleNotices.userId, userId));
	return row?.kind ?? null;
}

export async function dismissCoupleNotice(db: Database, userId: string) {
	await db.delete(coupleNotices).where(eq(coupleNotices.userId, userId));
}
