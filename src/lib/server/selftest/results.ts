import { asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { selfTestResults } from '../db/schema';
import { assertCan, type Actor, type ItemAccess } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { cleanAnswers, IncompleteAnswers, scoreSelfTest, type Answers, type SelfTestResult, type SelfTestRole } from '$lib/selftest/scoring';

/**
 * Saved self-test results. The test itself stores nothing; a signed-in person may save a result
 * on purpose. Saved results are private to their owner (never shared, not even on request), part
 * of the export, and deleted with the account (foreign key cascade).
 */

/** A saved result is always private: the policy sees an owner and nothing to share. */
const access = (row: { ownerId: string }): ItemAccess => ({ ownerId: row.ownerId, visibility: 'private', coupleId: null });

/** Scores the answers (refusing an incomplete set) and stores only the known answers. */
export async function saveSelfTestResult(db: Database, actor: Actor, input: { role: SelfTestRole; answers: Answers }) {
	let result: SelfTestResult;
	try {
		result = scoreSelfTest(input.role, input.answers);
	} catch (err) {
		if (err instanceof IncompleteAnswers) throw new DomainError('selftest_incomplete');
		throw err;
	}
	const id = newId();
	await db.insert(selfTestResults).values({ id, ownerId: actor.userId, role: input.role, answers: cleanAnswers(input.role, input.answers), indicator: result.indicator });
	return { id };
}

export async function listSelfTestResults(db: Database, actor: Actor) {
	const rows = await db
		.select({ id: selfTestResults.id, role: selfTestResults.role, indicator: selfTestResults.indicator, createdAt: selfTestResults.createdAt })
		.from(selfTestResults)
		.where(eq(selfTestResults.ownerId, actor.userId))
		.orderBy(desc(selfTestResults.createdAt));
	return rows;
}

async function load(db: Database, id: string) {
	const [row] = await db.select().from(selfTestResults).where(eq(selfTestResults.id, id));
	return row;
}

/** The profile as it is scored today, from the answers saved then. */
export async function getSelfTestResult(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'read', row ? access(row) : undefined);
	return { id: row.id, createdAt: row.createdAt, answers: row.answers, result: scoreSelfTest(row.role, row.answers) };
}

export async function deleteSelfTestResult(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'delete', row ? access(row) : undefined);
	await db.delete(selfTestResults).where(eq(selfTestResults.id, id));
}

/** The export section (docs/export-format.md): one's own saved results, oldest first. */
export async function exportSelfTestResults(db: Database, userId: string) {
	const rows = await db.select().from(selfTestResults).where(eq(selfTestResults.ownerId, userId)).orderBy(asc(selfTestResults.createdAt));
	return rows.map((r) => {
		const profile = scoreSelfTest(r.role, r.answers);
		return { role: r.role, answers: r.answers, indicator: r.indicator, helps: profile.helps, workOn: profile.workOn, safetyFirst: profile.safetyFirst, savedAt: r.createdAt.toISOString() };
	});
}
