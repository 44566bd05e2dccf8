import { and, asc, desc, eq, gte, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { selfRatings, trustCheckins, trustPreferences } from '../db/schema';
import { assertCan, can, type Actor } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { recordSecurityEvent } from '../security/events';
import { trustAccess } from './access';
import { addDays, dayOf, weekStart, weeksBetween, type Day } from './days';

/**
 * Trust check-ins: the hurt partner rates trust, safety and connection (0–10) on a day, with what
 * helped and what hurt. Private by default; shared per check-in, or every new one when the person
 * chose "always". What the partner sees is the weekly trend of what was shared — one day says
 * little, the weeks say more. The repairing partner may rate their own hope and strain, privately.
 */

export interface TrustInput {
	day: Day;
	trust: number;
	safety: number;
	connection: number;
	helped: string | null;
	hurt: string | null;
	/** Share this one with the partner now (the "always" preference shares it too). */
	share: boolean;
}

/** At most a year of weeks is charted. */
export const MAX_WEEKS = 52;

const columns = {
	id: trustCheckins.id,
	ownerId: trustCheckins.ownerId,
	day: trustCheckins.day,
	trust: trustCheckins.trust,
	safety: trustCheckins.safety,
	connection: trustCheckins.connection,
	helped: trustCheckins.helped,
	hurt: trustCheckins.hurt,
	sharedCoupleId: trustCheckins.sharedCoupleId,
	createdAt: trustCheckins.createdAt
};

export async function getTrustPreferences(db: Database, actor: Actor) {
	const [row] = await db.select({ shareAlways: trustPreferences.shareAlways }).from(trustPreferences).where(eq(trustPreferences.userId, actor.userId));
	return { shareAlways: row?.shareAlways ?? false };
}

/** "Always share": every new check-in goes to the partner (earlier ones keep what they were). */
export async function setShareAlways(db: Database, actor: Actor, shareAlways: boolean) {
	await db
		.insert(trustPreferences)
		.values({ userId: actor.userId, shareAlways })
		.onConflictDoUpdate({ target: trustPreferences.userId, set: { shareAlways, updatedAt: new Date() } });
}

export async function addTrustCheckin(db: Database, actor: Actor, input: TrustInput, formKey?: string) {
	const { shareAlways } = await getTrustPreferences(db, actor);
	const sharedCoupleId = (input.share || shareAlways) && actor.coupleId ? actor.coupleId : null;
	return once(db, actor.userId, formKey, 'trust-checkin', async (tx) => {
		const id = newId();
		await tx.insert(trustCheckins).values({
			id,
			ownerId: actor.userId,
			day: input.day,
			trust: input.trust,
			safety: input.safety,
			connection: input.connection,
			helped: input.helped,
			hurt: input.hurt,
			sharedCoupleId
		});
		return id;
	});
}

async function load(db: Database, id: string) {
	const [row] = await db.select(columns).from(trustCheckins).where(eq(trustCheckins.id, id));
	return row;
}

export async function shareTrustCheckin(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'share', row ? trustAccess.checkin(row) : undefined);
	if (!actor.coupleId) throw new DomainError('not_in_couple');
	await db.update(trustCheckins).set({ sharedCoupleId: actor.coupleId }).where(eq(trustCheckins.id, id));
	await recordSecurityEvent(db, actor.userId, 'share');
}

export async function unshareTrustCheckin(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'unshare', row ? trustAccess.checkin(row) : undefined);
	await db.update(trustCheckins).set({ sharedCoupleId: null }).where(eq(trustCheckins.id, id));
	await recordSecurityEvent(db, actor.userId, 'unshare');
}

export async function deleteTrustCheckin(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'delete', row ? trustAccess.checkin(row) : undefined);
	await db.delete(trustCheckins).where(eq(trustCheckins.id, id));
}

/** The actor's own check-ins, newest first; `shared` only when shared with the current couple. */
export async function listMyTrustCheckins(db: Database, actor: Actor, limit = 20) {
	const rows = await db
		.select(columns)
		.from(trustCheckins)
		.where(eq(trustCheckins.ownerId, actor.userId))
		.orderBy(desc(trustCheckins.day), desc(trustCheckins.createdAt))
		.limit(limit);
	return rows.map((r) => ({
		id: r.id,
		day: r.day,
		trust: r.trust,
		safety: r.safety,
		connection: r.connection,
		helped: r.helped,
		hurt: r.hurt,
		shared: !!r.sharedCoupleId && r.sharedCoupleId === actor.coupleId
	}));
}

export interface WeekSummary {
	/** Monday of the week. */
	weekStart: Day;
	/** Check-ins that week; 0 means no figures (a gap, not a zero). */
	count: number;
	trust: number | null;
	safety: number | null;
	connection: number | null;
}

const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/**
 * Weekly averages (one decimal) from the first week with a check-in (at most `maxWeeks` back)
 * to the week of `today`, with empty weeks as gaps. No check-ins: no weeks.
 */
export function summariseWeeks(rows: { day: Day; trust: number; safety: number; connection: number }[], today: Day, maxWeeks = MAX_WEEKS): WeekSummary[] {
	const last = weekStart(today);
	const first = addDays(last, -7 * (maxWeeks - 1));
	const inRange = rows.filter((r) => r.day >= first && r.day <= addDays(last, 6));
	if (inRange.length === 0) return [];
	// Grouped once: a year of daily check-ins would otherwise be re-scanned for each of its weeks.
	const byWeek = new Map<Day, typeof inRange>();
	for (const row of inRange) {
		const monday = weekStart(row.day);
		const these = byWeek.get(monday);
		if (these) these.push(row);
		else byWeek.set(monday, [row]);
	}
	const start = [...byWeek.keys()].sort()[0];
	const weeks: WeekSummary[] = [];
	for (let i = 0; i <= weeksBetween(start, last); i++) {
		const monday = addDays(start, 7 * i);
		const these = byWeek.get(monday) ?? [];
		weeks.push({
			weekStart: monday,
			count: these.length,
			trust: these.length ? mean(these.map((r) => r.trust)) : null,
			safety: these.length ? mean(these.map((r) => r.safety)) : null,
			connection: these.length ? mean(these.map((r) => r.connection)) : null
		});
	}
	return weeks;
}

/** The actor's own weekly trend (everything they wrote, shared or not). */
export async function myTrustTrend(db: Database, actor: Actor, now = new Date(), maxWeeks = MAX_WEEKS) {
	const today = dayOf(now);
	const since = addDays(weekStart(today), -7 * (maxWeeks - 1));
	const rows = await db
		.select({ day: trustCheckins.day, trust: trustCheckins.trust, safety: trustCheckins.safety, connection: trustCheckins.connection })
		.from(trustCheckins)
		.where(and(eq(trustCheckins.ownerId, actor.userId), gte(trustCheckins.day, since)))
		.orderBy(asc(trustCheckins.day));
	return summariseWeeks(rows, today, maxWeeks);
}

/** The weekly trend of what the partner shared with this couple; null when solo. */
export async function partnerTrustTrend(db: Database, actor: Actor, now = new Date(), maxWeeks = MAX_WEEKS) {
	if (!actor.coupleId) return null;
	const today = dayOf(now);
	const since = addDays(weekStart(today), -7 * (maxWeeks - 1));
	const rows = await db
		.select(columns)
		.from(trustCheckins)
		.where(and(eq(trustCheckins.sharedCoupleId, actor.coupleId), ne(trustCheckins.ownerId, actor.userId), gte(trustCheckins.day, since)))
		.orderBy(asc(trustCheckins.day));
	// The query narrows to this couple's shares; the policy still has the last word.
	return summariseWeeks(rows.filter((r) => can(actor, 'read', trustAccess.checkin(r))), today, maxWeeks);
}

/** The partner's shared check-ins with their words, newest first (what helped, what hurt). */
export async function partnerSharedCheckins(db: Database, actor: Actor, limit = 10) {
	if (!actor.coupleId) return [];
	const rows = await db
		.select(columns)
		.from(trustCheckins)
		.where(and(eq(trustCheckins.sharedCoupleId, actor.coupleId), ne(trustCheckins.ownerId, actor.userId)))
		.orderBy(desc(trustCheckins.day), desc(trustCheckins.createdAt))
		.limit(limit);
	return rows
		.filter((r) => can(actor, 'read', trustAccess.checkin(r)))
		.map((r) => ({ id: r.id, day: r.day, trust: r.trust, safety: r.safety, connection: r.connection, helped: r.helped, hurt: r.hurt }));
}

export interface SharedTrustSummary {
	/** True when the actor wrote these check-ins (what their partner sees of them). */
	mine: boolean;
	/** The latest week with shared check-ins. */
	latest: WeekSummary;
	/** The week with shared check-ins before it, if any, to show the direction without a score. */
	previous: WeekSummary | null;
}

/**
 * What the partner may see of trust now: the latest week of check-ins shared in the actor's
 * current couple, with the week before it. Null when solo or when nothing is shared. For the
 * dashboard; never includes what helped or hurt, and never anything private.
 */
export async function latestSharedTrust(db: Database, actor: Actor, now = new Date()): Promise<SharedTrustSummary | null> {
	if (!actor.coupleId) return null;
	// Only what the summary needs: the home page reads this on every visit (not the texts).
	const rows = await db
		.select({
			ownerId: trustCheckins.ownerId,
			sharedCoupleId: trustCheckins.sharedCoupleId,
			day: trustCheckins.day,
			trust: trustCheckins.trust,
			safety: trustCheckins.safety,
			connection: trustCheckins.connection
		})
		.from(trustCheckins)
		.where(eq(trustCheckins.sharedCoupleId, actor.coupleId))
		.orderBy(desc(trustCheckins.day))
		.limit(200);
	const tomorrow = addDays(dayOf(now), 1);
	const visible = rows.filter((r) => r.day <= tomorrow && can(actor, 'read', trustAccess.checkin(r)));
	if (visible.length === 0) return null;
	const latestWeek = weekStart(visible[0].day);
	const earlier = visible.find((r) => weekStart(r.day) < latestWeek);
	const weeks = summariseWeeks(visible, visible[0].day, MAX_WEEKS).filter((w) => w.count > 0);
	const latest = weeks.find((w) => w.weekStart === latestWeek)!;
	const previous = earlier ? (weeks.find((w) => w.weekStart === weekStart(earlier.day)) ?? null) : null;
	return { mine: visible[0].ownerId === actor.userId, latest, previous };
}

/* ---------- The repairing partner's own hope and strain (private) ---------- */

export async function addSelfRating(db: Database, actor: Actor, input: { day: Day; hope: number; strain: number }, formKey?: string) {
	return once(db, actor.userId, formKey, 'self-rating', async (tx) => {
		const id = newId();
		await tx.insert(selfRatings).values({ id, ownerId: actor.userId, day: input.day, hope: input.hope, strain: input.strain });
		return id;
	});
}

export async function listSelfRatings(db: Database, actor: Actor, limit = 12) {
	const rows = await db
		.select({ id: selfRatings.id, ownerId: selfRatings.ownerId, day: selfRatings.day, hope: selfRatings.hope, strain: selfRatings.strain })
		.from(selfRatings)
		.where(eq(selfRatings.ownerId, actor.userId))
		.orderBy(desc(selfRatings.day), desc(selfRatings.createdAt))
		.limit(limit);
	return rows.filter((r) => can(actor, 'read', trustAccess.ownOnly(r))).map(({ id, day, hope, strain }) => ({ id, day, hope, strain }));
}

export async function deleteSelfRating(db: Database, actor: Actor, id: string) {
	const [row] = await db.select({ ownerId: selfRatings.ownerId }).from(selfRatings).where(eq(selfRatings.id, id));
	assertCan(actor, 'delete', row ? trustAccess.ownOnly(row) : undefined);
	await db.delete(selfRatings).where(eq(selfRatings.id, id));
}
