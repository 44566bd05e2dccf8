import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { letters, pointLetterVersions, pointLetters } from '../db/schema';
import { assertCan, can, pointLetterAccess, type Actor } from '../access/policy';
import { DomainError, isUniqueViolation } from '../errors';
import { newId } from '../security/tokens';
import { openLetter, sendLetter, stateOf, type LetterState } from '../couple/letters';
import { partnerOf } from '../couple/membership';
import { unansweredPoints } from './unanswered';

/**
 * Letters in points (issue 11, item 5). The hurt partner writes an impact letter, "what it did to
 * me", point by point; the repairing partner answers it with a restitution letter that takes each
 * point in turn. Both keep the rules of apologies: every save is a new immutable version, a version
 * reaches a couple once, and it travels through the letterbox (a letter of kind `impact` or
 * `restitution`), so it waits while the recipient asked for space and is read only when they open
 * it. The points themselves are read from the version the letter delivered, never from the text.
 */

export type PointLetterKind = 'impact' | 'restitution';

const versionColumns = {
	id: pointLetterVersions.id,
	draftId: pointLetterVersions.draftId,
	ownerId: pointLetterVersions.ownerId,
	number: pointLetterVersions.number,
	points: pointLetterVersions.points,
	ruleIds: pointLetterVersions.ruleIds,
	createdAt: pointLetterVersions.createdAt,
	sentAt: pointLetterVersions.sentAt,
	sentCoupleId: pointLetterVersions.sentCoupleId,
	sentLetterId: pointLetterVersions.sentLetterId
};

/** The owner's thread of this kind (for a restitution: the one answering `answersLetterId`). */
async function findDraft(db: Database, actor: Actor, kind: PointLetterKind, answersLetterId: string | null) {
	const [row] = await db
		.select({ id: pointLetters.id })
		.from(pointLetters)
		.where(and(eq(pointLetters.ownerId, actor.userId), eq(pointLetters.kind, kind), answersLetterId ? eq(pointLetters.answersLetterId, answersLetterId) : isNull(pointLetters.answersLetterId)))
		.orderBy(desc(pointLetters.createdAt))
		.limit(1);
	return row?.id ?? null;
}

async function versionsOf(db: Database, draftId: string) {
	return db.select(versionColumns).from(pointLetterVersions).where(eq(pointLetterVersions.draftId, draftId)).orderBy(desc(pointLetterVersions.number));
}

async function letterRows(db: Database, ids: (string | null)[]) {
	const wanted = ids.filter((id): id is string => !!id);
	if (!wanted.length) return new Map<string, { openedAt: Date | null; withdrawnAt: Date | null; waiting: boolean }>();
	const rows = await db.select({ id: letters.id, openedAt: letters.openedAt, withdrawnAt: letters.withdrawnAt, waiting: letters.waiting }).from(letters).where(inArray(letters.id, wanted));
	return new Map(rows.map((r) => [r.id, r]));
}

/** Where a version the writer sent stands now; null while it is not sent. */
function stateOfVersion(v: { sentAt: Date | null; sentLetterId: string | null }, states: Awaited<ReturnType<typeof letterRows>>): LetterState | null {
	if (!v.sentAt) return null;
	const row = v.sentLetterId ? states.get(v.sentLetterId) : undefined;
	// Sent to a couple that has since ended: kept for the writer, seen by nobody.
	return row ? stateOf(row) : 'withdrawn';
}

/** Adds a version to the owner's thread (made on first save). Nothing saved before is overwritten. */
async function addVersion(db: Database, actor: Actor, kind: PointLetterKind, answersLetterId: string | null, points: string[], ruleIds: (string[] | null)[] = []) {
	try {
		return await db.transaction(async (raw) => {
			const tx = raw as unknown as Database;
			let draftId = await findDraft(tx, actor, kind, answersLetterId);
			if (draftId) {
				await tx.update(pointLetters).set({ updatedAt: sql`now()` }).where(eq(pointLetters.id, draftId));
			} else {
				draftId = newId();
				await tx.insert(pointLetters).values({ id: draftId, ownerId: actor.userId, kind, answersLetterId });
			}
			const [{ last }] = await tx.select({ last: max(pointLetterVersions.number) }).from(pointLetterVersions).where(eq(pointLetterVersions.draftId, draftId));
			const number = (last ?? 0) + 1;
			await tx.insert(pointLetterVersions).values({ id: newId(), draftId, ownerId: actor.userId, number, points, ruleIds });
			return { draftId, number };
		});
	} catch (err) {
		// Two saves at the same moment: one gets the number, the other is asked to reload.
		if (isUniqueViolation(err)) throw new DomainError('conflict');
		throw err;
	}
}

/** What the writer sees of their thread: every version, newest first, with the state of each one sent. */
async function ownThread(db: Database, actor: Actor, kind: PointLetterKind, answersLetterId: string | null) {
	const draftId = await findDraft(db, actor, kind, answersLetterId);
	if (!draftId) return null;
	const versions = await versionsOf(db, draftId);
	const states = await letterRows(db, versions.map((v) => v.sentLetterId));
	return {
		id: draftId,
		versions: versions.map((v) => ({ number: v.number, points: v.points, ruleIds: v.ruleIds, createdAt: v.createdAt, sentAt: v.sentAt, state: stateOfVersion(v, states) }))
	};
}

/**
 * The plain-text copy a letter keeps (what the sender's list and the export show): the writer's own
 * texts, numbered. A restitution letter's copy holds the answers by point number only: the points
 * are the partner's words, which stay in the partner's letter and export.
 */
export function numberedSnapshot(texts: string[]) {
	return texts.map((p, i) => `${i + 1}. ${p}`).join('\n\n');
}

/**
 * Sends one saved version to the partner's letterbox. The version is claimed first, so a second
 * click or a replayed post delivers nothing twice.
 */
async function sendVersion(db: Database, actor: Actor, draftId: string, number: number, kind: PointLetterKind, body: (points: string[]) => Promise<string>, formKey?: string, now = new Date()) {
	const [version] = await db
		.select({ ...versionColumns, kind: pointLetters.kind })
		.from(pointLetterVersions)
		.innerJoin(pointLetters, eq(pointLetters.id, pointLetterVersions.draftId))
		.where(and(eq(pointLetterVersions.draftId, draftId), eq(pointLetterVersions.number, number)));
	assertCan(actor, 'share', version && version.kind === kind ? pointLetterAccess({ ownerId: version.ownerId, sentCoupleId: null }) : undefined);
	const partner = await partnerOf(db, actor.userId);
	if (!partner) throw new DomainError('not_in_couple');
	if (version.sentAt) {
		const letter = version.sentLetterId ? (await letterRows(db, [version.sentLetterId])).get(version.sentLetterId) : undefined;
		return { replay: true, waiting: !!letter?.waiting };
	}
	const text = await body(version.points);
	const [claimed] = await db
		.update(pointLetterVersions)
		.set({ sentAt: now, sentCoupleId: partner.coupleId })
		.where(and(eq(pointLetterVersions.id, version.id), isNull(pointLetterVersions.sentAt)))
		.returning({ id: pointLetterVersions.id });
	if (!claimed) return { replay: true, waiting: false };
	try {
		const { id: letterId, waiting } = await sendLetter(db, actor, { kind, body: text, formKey });
		await db.update(pointLetterVersions).set({ sentLetterId: letterId }).where(eq(pointLetterVersions.id, version.id));
		return { replay: false, waiting };
	} catch (err) {
		await db.update(pointLetterVersions).set({ sentAt: null, sentCoupleId: null }).where(eq(pointLetterVersions.id, version.id));
		throw err;
	}
}

/**
 * A letter of `kind` delivered to the actor in their current couple, with the version it carries.
 * The letterbox rules hold: a waiting or withdrawn letter does not exist for the recipient.
 */
async function delivered(db: Database, actor: Actor, kind: PointLetterKind, letterId?: string, limit?: number) {
	if (!actor.coupleId) return [];
	const query = db
		.select({
			letterId: letters.id,
			sentAt: letters.sentAt,
			openedAt: letters.openedAt,
			withdrawnAt: letters.withdrawnAt,
			waiting: letters.waiting,
			versionOwner: pointLetterVersions.ownerId,
			sentCoupleId: pointLetterVersions.sentCoupleId,
			points: pointLetterVersions.points,
			number: pointLetterVersions.number,
			answersLetterId: pointLetters.answersLetterId
		})
		.from(letters)
		.innerJoin(pointLetterVersions, eq(pointLetterVersions.sentLetterId, letters.id))
		.innerJoin(pointLetters, eq(pointLetters.id, pointLetterVersions.draftId))
		.where(
			and(
				eq(letters.recipientId, actor.userId),
				eq(letters.coupleId, actor.coupleId),
				eq(letters.kind, kind),
				eq(letters.waiting, false),
				isNull(letters.withdrawnAt),
				letterId ? eq(letters.id, letterId) : undefined
			)
		)
		.orderBy(desc(letters.sentAt), desc(letters.id))
		.$dynamic();
	const rows = await (limit === undefined ? query : query.limit(limit));
	// The query narrows to this couple; the policy still has the last word, as for every read.
	return rows.filter((r) => can(actor, 'read', pointLetterAccess({ ownerId: r.versionOwner, sentCoupleId: r.sentCoupleId }, r)));
}

/** Opening one of these letters is the recipient's choice, as in the letterbox. */
export async function openPointLetter(db: Database, actor: Actor, letterId: string) {
	// Only one of these letters is opened here: any other letter is left as it is, unopened.
	const [row] = await delivered(db, actor, 'impact', letterId).then(async (r) => (r.length ? r : delivered(db, actor, 'restitution', letterId)));
	if (!row) throw new DomainError('not_found');
	return openLetter(db, actor, letterId);
}

/* ---------- The impact letter (written by the hurt partner) ---------- */

export async function saveImpactVersion(db: Database, actor: Actor, points: string[]) {
	if (!points.length) throw new DomainError('points_empty');
	return addVersion(db, actor, 'impact', null, points);
}

export async function getMyImpact(db: Database, actor: Actor) {
	return ownThread(db, actor, 'impact', null);
}

export async function sendImpactVersion(db: Database, actor: Actor, draftId: string, number: number, formKey?: string) {
	return sendVersion(db, actor, draftId, number, 'impact', async (points) => numberedSnapshot(points), formKey);
}

/**
 * The newest impact letter the partner sent the actor: only that it arrived until the actor opens
 * it, then its points. Nothing while it waits (the actor asked for space) or after it was withdrawn.
 */
export async function readReceivedImpact(db: Database, actor: Actor) {
	// Only the newest: every version the partner sends is a letter of its own.
	const [row] = await delivered(db, actor, 'impact', undefined, 1);
	if (!row) return null;
	return { letterId: row.letterId, sentAt: row.sentAt, opened: !!row.openedAt, points: row.openedAt ? row.points : null };
}

/* ---------- The restitution letter (written by the repairing partner) ---------- */

/** The points of an impact letter the actor received and opened; anything else does not exist for them. */
async function impactPointsFor(db: Database, actor: Actor, impactLetterId: string) {
	const [row] = await delivered(db, actor, 'impact', impactLetterId);
	if (!row?.openedAt) throw new DomainError('not_found');
	return row.points;
}

/** The points the actor may answer: those of an impact letter they received and opened, else not found. */
export async function pointsToAnswer(db: Database, actor: Actor, impactLetterId: string) {
	return impactPointsFor(db, actor, impactLetterId);
}

export interface RestitutionInput {
	impactLetterId: string;
	/** One answer per point, in the points' order; '' where there is no answer yet. */
	answers: string[];
	/** The coach's rule ids per answer (null where there is no answer). */
	ruleIds: (string[] | null)[];
}

export async function saveRestitutionVersion(db: Database, actor: Actor, input: RestitutionInput) {
	const points = await impactPointsFor(db, actor, input.impactLetterId);
	if (input.answers.length !== points.length) throw new DomainError('conflict');
	if (input.answers.every((a) => !a.trim())) throw new DomainError('points_empty');
	return addVersion(db, actor, 'restitution', input.impactLetterId, input.answers, input.ruleIds);
}

/** The actor's restitution letter to the impact letter `impactLetterId`, with which points have no answer yet. */
export async function getMyRestitution(db: Database, actor: Actor, impactLetterId: string) {
	const points = await impactPointsFor(db, actor, impactLetterId);
	const thread = await ownThread(db, actor, 'restitution', impactLetterId);
	const latest = thread?.versions[0];
	return { points, thread, unanswered: unansweredPoints(points, latest?.points ?? []) };
}

/**
 * The actor's restitution letters to earlier impact letters, once a newer one arrived: the page
 * follows the newest impact letter, and these stay within reach (read-only) so nothing seems lost.
 * Only for impact letters still delivered to the actor and opened; the latest version of each.
 */
export async function listEarlierRestitutions(db: Database, actor: Actor, currentImpactLetterId: string | null) {
	const impacts = (await delivered(db, actor, 'impact')).filter((i) => i.letterId !== currentImpactLetterId && i.openedAt);
	if (!impacts.length) return [];
	// Three queries however many letters came before: the latest version of the actor's newest
	// thread answering each impact letter (DISTINCT ON), then the state of those sent.
	const latest = await db
		.selectDistinctOn([pointLetters.answersLetterId], { ...versionColumns, answersLetterId: pointLetters.answersLetterId })
		.from(pointLetters)
		.innerJoin(pointLetterVersions, eq(pointLetterVersions.draftId, pointLetters.id))
		.where(
			and(
				eq(pointLetters.ownerId, actor.userId),
				eq(pointLetters.kind, 'restitution'),
				inArray(pointLetters.answersLetterId, impacts.map((i) => i.letterId))
			)
		)
		.orderBy(pointLetters.answersLetterId, desc(pointLetters.createdAt), desc(pointLetterVersions.number));
	const latestFor = new Map(latest.map((v) => [v.answersLetterId, v]));
	const states = await letterRows(db, latest.map((v) => v.sentLetterId));
	const out = [];
	for (const impact of impacts) {
		const version = latestFor.get(impact.letterId);
		if (!version) continue;
		out.push({
			impactLetterId: impact.letterId,
			impactSentAt: impact.sentAt,
			number: version.number,
			savedAt: version.createdAt,
			state: stateOfVersion(version, states),
			items: impact.points.map((point, i) => ({ number: i + 1, point, answer: version.points[i] ?? '' }))
		});
	}
	return out;
}

/**
 * Sends a version of the restitution letter. Every point needs an answer first: the letter takes
 * each point in turn, so a point passed over silently would say more than any answer.
 */
export async function sendRestitutionVersion(db: Database, actor: Actor, impactLetterId: string, number: number, formKey?: string) {
	const points = await impactPointsFor(db, actor, impactLetterId);
	const draftId = await findDraft(db, actor, 'restitution', impactLetterId);
	if (!draftId) throw new DomainError('not_found');
	return sendVersion(
		db,
		actor,
		draftId,
		number,
		'restitution',
		async (answers) => {
			if (unansweredPoints(points, answers).length) throw new DomainError('points_unanswered');
			return numberedSnapshot(answers);
		},
		formKey
	);
}

/**
 * The restitution letters the partner sent the actor (the hurt partner), newest first: each point of
 * the actor's own impact letter beside its answer, once the actor opened it.
 */
export async function readReceivedRestitutions(db: Database, actor: Actor) {
	const rows = await delivered(db, actor, 'restitution');
	const impactIds = rows.map((r) => r.answersLetterId).filter((id): id is string => !!id);
	const impacts = impactIds.length
		? await db
				.select({ letterId: pointLetterVersions.sentLetterId, points: pointLetterVersions.points })
				.from(pointLetterVersions)
				.where(and(inArray(pointLetterVersions.sentLetterId, impactIds), eq(pointLetterVersions.ownerId, actor.userId)))
		: [];
	const pointsOf = new Map(impacts.map((i) => [i.letterId, i.points]));
	return rows.map((r) => {
		const points = (r.answersLetterId && pointsOf.get(r.answersLetterId)) || [];
		return {
			letterId: r.letterId,
			sentAt: r.sentAt,
			opened: !!r.openedAt,
			items: r.openedAt ? r.points.map((answer, i) => ({ number: i + 1, point: points[i] ?? '', answer })) : null
		};
	});
}

/* ---------- Export ---------- */

/** Everything the user wrote in impact and restitution letters, every version, for the export. */
export async function exportPointLetters(db: Database, userId: string) {
	const drafts = await db.select({ id: pointLetters.id, kind: pointLetters.kind, createdAt: pointLetters.createdAt }).from(pointLetters).where(eq(pointLetters.ownerId, userId)).orderBy(asc(pointLetters.createdAt));
	const versions = drafts.length
		? await db.select(versionColumns).from(pointLetterVersions).where(inArray(pointLetterVersions.draftId, drafts.map((d) => d.id))).orderBy(asc(pointLetterVersions.number))
		: [];
	const iso = (d: Date | null) => (d ? d.toISOString() : null);
	return drafts.map((d) => ({
		kind: d.kind,
		createdAt: iso(d.createdAt),
		versions: versions
			.filter((v) => v.draftId === d.id)
			.map((v) => ({
				number: v.number,
				// Impact: the points. Restitution: one answer per point of the letter it answers, in order ('' = none yet).
				points: d.kind === 'impact' ? v.points : null,
				answers: d.kind === 'restitution' ? v.points : null,
				savedAt: iso(v.createdAt),
				sentAt: iso(v.sentAt)
			}))
	}));
}
