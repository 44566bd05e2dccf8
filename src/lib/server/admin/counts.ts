import { count, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { couples, users } from '../db/schema';
import { assertSiteTask, type Actor } from '../access/policy';

/**
 * What an administrator may know about the people using Herstelpad: numbers, never rows. No
 * name, address or anything anyone wrote in the program leaves this function, and it reads only
 * tables without personal writing (accounts and couples), never the program's tables.
 */
export interface SiteCounts {
	accounts: number;
	repairing: number;
	hurt: number;
	noRoleYet: number;
	/** Couples that have not ended (both partners still in them). */
	couples: number;
}

export async function siteCounts(db: Database, actor: Actor): Promise<SiteCounts> {
	assertSiteTask(actor, 'see-counts');
	const [row] = await db
		.select({
			accounts: count(),
			repairing: sql<number>`count(*) filter (where ${users.role} = 'repairing')`.mapWith(Number),
			hurt: sql<number>`count(*) filter (where ${users.role} = 'hurt')`.mapWith(Number),
			noRoleYet: sql<number>`count(*) filter (where ${users.role} is null)`.mapWith(Number)
		})
		.from(users);
	const [together] = await db.select({ n: count() }).from(couples).where(isNull(couples.endedAt));
	return { ...row, couples: together.n };
}
