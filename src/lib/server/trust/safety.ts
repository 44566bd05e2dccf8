import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { safetyChecks } from '../db/schema';
import type { Actor } from '../access/policy';
import { runAsSystem } from '../db/actor-context';
import { partnerOf } from '../couple/membership';

/**
 * The private safety check before transparency (practice 8, issue 10 part 7). Each partner answers
 * four questions on their own. Any answer other than "no" signals risk: that person is shown help
 * lines and why, and the couple gets no transparency tools. The answers are never shown to the
 * partner, and nothing tells the partner why the tools are not there: the partner sees the same
 * neutral text whether the other has not done the check yet or it signalled risk.
 */

export type SafetyAnswer = 'no' | 'yes' | 'unsure';
export interface SafetyAnswers {
	afraid: SafetyAnswer;
	controlled: SafetyAnswer;
	threatened: SafetyAnswer;
	hurt: SafetyAnswer;
}

export const signalsRisk = (a: SafetyAnswers) => [a.afraid, a.controlled, a.threatened, a.hurt].some((x) => x !== 'no');

/** Only the latest answers are kept; doing the check again replaces them. */
export async function saveSafetyCheck(db: Database, actor: Actor, answers: SafetyAnswers, now = new Date()) {
	const row = { ...answers, signalsRisk: signalsRisk(answers), answeredAt: now };
	await db.insert(safetyChecks).values({ userId: actor.userId, ...row }).onConflictDoUpdate({ target: safetyChecks.userId, set: row });
	return { signalsRisk: row.signalsRisk };
}

export async function getOwnSafetyCheck(db: Database, actor: Actor) {
	const [row] = await db
		.select({ afraid: safetyChecks.afraid, controlled: safetyChecks.controlled, threatened: safetyChecks.threatened, hurt: safetyChecks.hurt, signalsRisk: safetyChecks.signalsRisk, answeredAt: safetyChecks.answeredAt })
		.from(safetyChecks)
		.where(eq(safetyChecks.userId, actor.userId));
	return row ?? null;
}

/**
 * Where the actor stands with transparency:
 * - `check-needed`: they have not done their own check;
 * - `own-risk`: their own check signalled risk (they see help lines and why);
 * - `solo`: their check allows it, but transparency is something between two partners;
 * - `unavailable`: the partner has not done the check, or it signalled risk — deliberately one state;
 * - `open`: both checks allow it.
 */
export type TransparencyGate = 'check-needed' | 'own-risk' | 'solo' | 'unavailable' | 'open';

export async function transparencyGate(db: Database, actor: Actor): Promise<TransparencyGate> {
	const own = await getOwnSafetyCheck(db, actor);
	if (!own) return 'check-needed';
	if (own.signalsRisk) return 'own-risk';
	if (!actor.coupleId) return 'solo';
	const partner = await partnerOf(db, actor.userId);
	if (!partner || partner.coupleId !== actor.coupleId) return 'solo';
	// The partner's check is theirs alone: read as system work, and only whether it allows transparency.
	const [theirs] = await runAsSystem(() =>
		db.select({ signalsRisk: safetyChecks.signalsRisk }).from(safetyChecks).where(eq(safetyChecks.userId, partner.id))
	);
	return theirs && !theirs.signalsRisk ? 'open' : 'unavailable';
}
