import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { weeklyConsistency } from '../deeds/consistency';

/**
 * The commitments' consistency for the weeks a trust trend shows (issue 10: deeds beside the trust
 * they rebuild): per week, the share of due occasions kept, over the actor's own commitments and
 * those the partner shared. Nothing at all when no commitment was due in those weeks, so a couple
 * without commitments sees no empty panel.
 */
export async function keptBesideTrend(db: Database, actor: Actor, weeks: number, now = new Date()) {
	if (weeks <= 0) return null;
	const tallies = await weeklyConsistency(db, actor, weeks, now);
	if (tallies.every((t) => t.due === 0)) return null;
	return tallies.map((t) => ({ weekStart: t.weekStart, share: t.due === 0 ? null : t.kept / t.due }));
}
