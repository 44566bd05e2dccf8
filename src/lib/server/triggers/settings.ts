import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { triggerSettings } from '../db/schema';
import { can, triggerAccess, type Actor } from '../access/policy';
import { addDays, daysBetween, localDay } from '../deeds/days';
import { getOwnPaceStatus } from '../couple/pace';

/**
 * Each person's prepared response — what they will say when their partner is triggered, written
 * in advance in their own words — and, optionally, the day of discovery. Saving one binds it to
 * the couple the person is in now: the partner of that couple sees it, a later partner does not
 * until it is saved again in the new couple.
 */

/** How many days before the anniversary of the discovery the quiet note appears. */
export const ANNIVERSARY_NOTICE_DAYS = 7;

const columns = {
	userId: triggerSettings.userId,
	preparedResponse: triggerSettings.preparedResponse,
	responseCoupleId: triggerSettings.responseCoupleId,
	discoveredOn: triggerSettings.discoveredOn,
	discoveryCoupleId: triggerSettings.discoveryCoupleId
};

type Change = { preparedResponse: string | null; responseCoupleId: string | null } | { discoveredOn: string | null; discoveryCoupleId: string | null };

async function save(db: Database, actor: Actor, change: Change, now: Date) {
	await db
		.insert(triggerSettings)
		.values({ userId: actor.userId, ...change, updatedAt: now })
		.onConflictDoUpdate({ target: triggerSettings.userId, set: { ...change, updatedAt: now } });
}

/** null clears it. */
export async function savePreparedResponse(db: Database, actor: Actor, body: string | null, now = new Date()) {
	await save(db, actor, { preparedResponse: body, responseCoupleId: actor.coupleId }, now);
}

/** 'YYYY-MM-DD', or null to remove it. */
export async function saveDiscoveryDay(db: Database, actor: Actor, day: string | null, now = new Date()) {
	await save(db, actor, { discoveredOn: day, discoveryCoupleId: actor.coupleId }, now);
}

type Row = { userId: string; preparedResponse: string | null; responseCoupleId: string | null; discoveredOn: string | null; discoveryCoupleId: string | null };

function ownView(actor: Actor, row: Row | undefined) {
	// The database shows the partner the row only when every part set in it was saved in this
	// couple (rls.sql), so one stale part hides the other too: say "not seen" for both then.
	const inCouple = (coupleId: string | null | undefined) => !!coupleId && coupleId === actor.coupleId;
	const rowVisible = !!row && (row.preparedResponse === null || inCouple(row.responseCoupleId)) && (row.discoveredOn === null || inCouple(row.discoveryCoupleId));
	const current = (coupleId: string | null | undefined) => rowVisible && inCouple(coupleId);
	return {
		preparedResponse: row?.preparedResponse ?? null,
		discoveredOn: row?.discoveredOn ?? null,
		/** False when saved solo or in an earlier couple: the current partner does not see it yet. */
		responseSeenByPartner: current(row?.responseCoupleId),
		discoverySeenByPartner: current(row?.discoveryCoupleId)
	};
}

/** Each part only when it was saved in the actor's couple; null when nothing is. */
function partnerView(actor: Actor, row: Row | undefined) {
	if (!row) return null;
	const response = can(actor, 'read', triggerAccess.settings({ userId: row.userId, coupleId: row.responseCoupleId })) ? row.preparedResponse : null;
	const discovery = can(actor, 'read', triggerAccess.settings({ userId: row.userId, coupleId: row.discoveryCoupleId })) ? row.discoveredOn : null;
	return response || discovery ? { preparedResponse: response, discoveredOn: discovery } : null;
}

/** The actor's own settings and what they may see of the partner's, in one query. */
export async function triggerSettingsFor(db: Database, actor: Actor, partnerId: string | null) {
	const rows = await db.select(columns).from(triggerSettings).where(inArray(triggerSettings.userId, partnerId ? [actor.userId, partnerId] : [actor.userId]));
	return {
		own: ownView(actor, rows.find((r) => r.userId === actor.userId)),
		partner: partnerId ? partnerView(actor, rows.find((r) => r.userId === partnerId)) : null
	};
}

export async function getOwnSettings(db: Database, actor: Actor) {
	return (await triggerSettingsFor(db, actor, null)).own;
}

/** What the actor may see of the partner's settings; null when nothing (solo, or not saved in this couple). */
export async function readPartnerSettings(db: Database, actor: Actor, partnerId: string) {
	return (await triggerSettingsFor(db, actor, partnerId)).partner;
}

/**
 * The quiet note: the anniversary of a day of discovery falls within the next week (or is today).
 * 29 February is remembered on 28 February in other years. Pure, so it is tested on its own.
 */
export function upcomingAnniversary(discoveredOn: string | null, now = new Date()) {
	if (!discoveredOn) return null;
	const today = localDay(now);
	const year = Number(today.slice(0, 4));
	for (const y of [year, year + 1]) {
		const years = y - Number(discoveredOn.slice(0, 4));
		if (years < 1) continue;
		let day = `${y}${discoveredOn.slice(4)}`;
		if (discoveredOn.slice(5) === '02-29' && addDays(`${y}-02-28`, 1).slice(5) !== '02-29') day = `${y}-02-28`;
		const until = daysBetween(today, day);
		if (until >= 0 && until <= ANNIVERSARY_NOTICE_DAYS) return { day, years, inDays: until };
	}
	return null;
}

export interface AnniversaryReader {
	role: 'repairing' | 'hurt' | null;
	/** The reader's own pace status is "space". */
	space: boolean;
}

/**
 * Whose day of discovery the quiet note may come from. The hurt partner sets the pace: they see
 * only a day they saved themselves, never one the repairing partner saved (decision: never, not
 * opt-in — it is their day to bring up). Whoever asked for space gets no note at all.
 */
export function chooseAnniversary(own: string | null, partners: string | null, reader: AnniversaryReader, now = new Date()) {
	if (reader.space) return null;
	return upcomingAnniversary(own, now) ?? (reader.role === 'hurt' ? null : upcomingAnniversary(partners, now));
}

/**
 * The quiet note for the home page (see chooseAnniversary). `ownPace`: the reader's own pace
 * status when the caller has read it already (the home page reads both partners' at once).
 */
export async function anniversaryFor(
	db: Database,
	actor: Actor,
	partnerId: string | null,
	role: AnniversaryReader['role'],
	now = new Date(),
	ownPace?: { status: string } | null
) {
	const pace = ownPace === undefined ? await getOwnPaceStatus(db, actor) : ownPace;
	if (pace?.status === 'space') return null;
	const { own, partner } = await triggerSettingsFor(db, actor, partnerId);
	return chooseAnniversary(own.discoveredOn, partner?.discoveredOn ?? null, { role, space: false }, now);
}

/** The person's own prepared response and day of discovery, for the export. */
export async function exportTriggerSettings(db: Database, userId: string) {
	const [row] = await db.select(columns).from(triggerSettings).where(eq(triggerSettings.userId, userId));
	return { preparedResponse: row?.preparedResponse ?? null, discoveredOn: row?.discoveredOn ?? null };
}
