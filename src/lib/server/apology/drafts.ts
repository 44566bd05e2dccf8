import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { apologyDrafts, apologyVersions } from '../db/schema';
import { excerptOf } from '../db/excerpt';
import { assertCan, type Actor, type ItemAccess } from '../access/policy';
import { newId } from '../security/tokens';
import { DomainError, isUniqueViolation } from '../errors';
import { analyzeApology, type AnalysisResult, type CoachLanguage } from '../../coach';

/**
 * Apology drafts of the repairing partner. A draft is a thread of immutable versions; saving
 * always adds a version, so nothing written before is ever overwritten. Drafts are private until
 * sharing arrives with the couple space.
 */

async function loadAccess(db: Database, draftId: string): Promise<ItemAccess | undefined> {
	const [row] = await db.select({ ownerId: apologyDrafts.ownerId }).from(apologyDrafts).where(eq(apologyDrafts.id, draftId));
	return row ? { ownerId: row.ownerId, visibility: 'private', coupleId: null } : undefined;
}

export interface SaveInput {
	draftId?: string;
	body: string;
	lang?: CoachLanguage;
	/** The server's own analysis of `body` (the route runs it off the main thread); made here when absent. */
	analysis?: AnalysisResult;
}

/** Analyses on the server as well: what is stored never depends on what a browser claimed. */
export async function saveApologyVersion(db: Database, actor: Actor, input: SaveInput) {
	const analysis = input.analysis ?? analyzeApology(input.body, input.lang ? { lang: input.lang } : {});
	// One rule id per finding, so a version's count of open points is the count the writer saw.
	const ruleIds = analysis.findings.map((f) => f.ruleId);
	try {
		return await insertVersion(db, actor, input, analysis.language, ruleIds, analysis);
	} catch (err) {
		// Two saves of one draft at the same moment: one gets the number, the other is asked to reload.
		if (isUniqueViolation(err)) throw new DomainError('conflict');
		throw err;
	}
}

async function insertVersion(db: Database, actor: Actor, input: SaveInput, language: CoachLanguage, ruleIds: string[], analysis: AnalysisResult) {
	return db.transaction(async (tx) => {
		let draftId = input.draftId;
		if (draftId) {
			assertCan(actor, 'update', await loadAccess(tx as unknown as Database, draftId));
			await tx.update(apologyDrafts).set({ updatedAt: sql`now()` }).where(eq(apologyDrafts.id, draftId));
		} else {
			draftId = newId();
			await tx.insert(apologyDrafts).values({ id: draftId, ownerId: actor.userId });
		}
		const [{ last }] = await tx.select({ last: max(apologyVersions.number) }).from(apologyVersions).where(eq(apologyVersions.draftId, draftId));
		const number = (last ?? 0) + 1;
		await tx.insert(apologyVersions).values({ id: newId(), draftId, number, body: input.body, language, ruleIds, analysis });
		return { draftId, number, analysis };
	});
}

export async function listApologyDrafts(db: Database, actor: Actor) {
	// One query, one row per draft: its latest version (DISTINCT ON), not every version ever saved.
	const rows = await db
		.selectDistinctOn([apologyDrafts.id], {
			id: apologyDrafts.id,
			updatedAt: apologyDrafts.updatedAt,
			number: apologyVersions.number,
			excerpt: excerptOf(apologyVersions.body, 90),
			ruleIds: apologyVersions.ruleIds
		})
		.from(apologyDrafts)
		.innerJoin(apologyVersions, eq(apologyVersions.draftId, apologyDrafts.id))
		.where(eq(apologyDrafts.ownerId, actor.userId))
		.orderBy(apologyDrafts.id, desc(apologyVersions.number));
	rows.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1));
	return rows.map((row) => ({
		id: row.id,
		updatedAt: row.updatedAt,
		versions: row.number,
		openPoints: row.ruleIds.length,
		excerpt: row.excerpt
	}));
}

export async function getApologyDraft(db: Database, actor: Actor, draftId: string) {
	assertCan(actor, 'read', await loadAccess(db, draftId));
	const versions = await db
		.select({
			id: apologyVersions.id,
			number: apologyVersions.number,
			body: apologyVersions.body,
			language: apologyVersions.language,
			ruleIds: apologyVersions.ruleIds,
			analysis: apologyVersions.analysis,
			createdAt: apologyVersions.createdAt
		})
		.from(apologyVersions)
		.where(eq(apologyVersions.draftId, draftId))
		.orderBy(desc(apologyVersions.number));
	return { id: draftId, versions };
}

export async function deleteApologyDraft(db: Database, actor: Actor, draftId: string) {
	assertCan(actor, 'delete', await loadAccess(db, draftId));
	await db.delete(apologyDrafts).where(and(eq(apologyDrafts.id, draftId), eq(apologyDrafts.ownerId, actor.userId)));
}
