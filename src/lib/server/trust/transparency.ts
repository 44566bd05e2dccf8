import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { transparencyMeasures, transparencyRequests } from '../db/schema';
import { assertCan, can, type Actor } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { trustAccess } from './access';
import { dayOf, type Day } from './days';
import { transparencyGate } from './safety';

/**
 * Transparency with boundaries (practice 8). The repairing partner offers measures — each an
 * agreement with an end date and written boundaries, revocable at any time; the partner may ask
 * for one, and the request is accepted (it becomes a measure) or declined with a reason. Herstelpad
 * records agreements only: it never monitors a device. Nothing here works unless both partners'
 * private safety checks allow it (safety.ts); the refusal then says only that the tools are not
 * available, the same for both reasons.
 */

export type MeasureKind = 'phone-on-request' | 'location-for-a-while' | 'shared-calendar' | 'open-accounts' | 'other';

async function requireOpen(db: Database, actor: Actor): Promise<string> {
	if ((await transparencyGate(db, actor)) !== 'open' || !actor.coupleId) throw new DomainError('transparency_unavailable');
	return actor.coupleId;
}

export interface MeasureInput {
	kind: MeasureKind;
	details: string | null;
	boundaries: string;
	endsOn: Day;
}

export async function offerMeasure(db: Database, actor: Actor, input: MeasureInput, formKey?: string) {
	const coupleId = await requireOpen(db, actor);
	return once(db, actor.userId, formKey, 'transparency-measure', async (tx) => {
		const id = newId();
		await tx.insert(transparencyMeasures).values({ id, ownerId: actor.userId, coupleId, ...input });
		return id;
	});
}

export async function revokeMeasure(db: Database, actor: Actor, id: string, now = new Date()) {
	await requireOpen(db, actor);
	const [row] = await db.select({ ownerId: transparencyMeasures.ownerId, coupleId: transparencyMeasures.coupleId, revokedAt: transparencyMeasures.revokedAt }).from(transparencyMeasures).where(eq(transparencyMeasures.id, id));
	assertCan(actor, 'update', row ? trustAccess.agreement(row) : undefined);
	if (row.revokedAt) return;
	await db.update(transparencyMeasures).set({ revokedAt: now }).where(eq(transparencyMeasures.id, id));
}

export async function requestMeasure(db: Database, actor: Actor, input: { kind: MeasureKind; details: string | null }, formKey?: string) {
	const coupleId = await requireOpen(db, actor);
	return once(db, actor.userId, formKey, 'transparency-request', async (tx) => {
		const id = newId();
		await tx.insert(transparencyRequests).values({ id, ownerId: actor.userId, coupleId, kind: input.kind, details: input.details });
		return id;
	});
}

async function loadOpenRequest(db: Database, actor: Actor, id: string) {
	const [row] = await db
		.select({ ownerId: transparencyRequests.ownerId, coupleId: transparencyRequests.coupleId, kind: transparencyRequests.kind, details: transparencyRequests.details, answer: transparencyRequests.answer })
		.from(transparencyRequests)
		.where(eq(transparencyRequests.id, id));
	assertCan(actor, 'respond', row ? trustAccess.agreement(row) : undefined);
	// Answering one's own request is not a thing: to the asker it looks like any other missing item.
	if (row.ownerId === actor.userId) throw new DomainError('not_found');
	if (row.answer) throw new DomainError('conflict');
	return row;
}

/** The partner's request becomes a measure, with the boundaries and end date the one offering it writes. */
export async function acceptRequest(db: Database, actor: Actor, requestId: string, input: { boundaries: string; endsOn: Day; details: string | null }, now = new Date()) {
	const coupleId = await requireOpen(db, actor);
	const request = await loadOpenRequest(db, actor, requestId);
	const id = newId();
	await db.transaction(async (tx) => {
		const updated = await tx
			.update(transparencyRequests)
			.set({ answer: 'accepted', answeredAt: now })
			.where(and(eq(transparencyRequests.id, requestId), isNull(transparencyRequests.answer)))
			.returning({ id: transparencyRequests.id });
		if (updated.length !== 1) throw new DomainError('conflict');
		await tx.insert(transparencyMeasures).values({ id, ownerId: actor.userId, coupleId, kind: request.kind, details: input.details ?? request.details, boundaries: input.boundaries, endsOn: input.endsOn, requestId });
	});
	return { id };
}

export async function declineRequest(db: Database, actor: Actor, requestId: string, reason: string, now = new Date()) {
	await requireOpen(db, actor);
	await loadOpenRequest(db, actor, requestId);
	const updated = await db
		.update(transparencyRequests)
		.set({ answer: 'declined', declineReason: reason, answeredAt: now })
		.where(and(eq(transparencyRequests.id, requestId), isNull(transparencyRequests.answer)))
		.returning({ id: transparencyRequests.id });
	if (updated.length !== 1) throw new DomainError('conflict');
}

/** The couple's measures and requests; empty unless transparency is open for the actor. */
export async function listTransparency(db: Database, actor: Actor, now = new Date()) {
	if ((await transparencyGate(db, actor)) !== 'open' || !actor.coupleId) return null;
	const today = dayOf(now);
	const measures = await db.select().from(transparencyMeasures).where(eq(transparencyMeasures.coupleId, actor.coupleId)).orderBy(desc(transparencyMeasures.createdAt));
	const requests = await db.select().from(transparencyRequests).where(eq(transparencyRequests.coupleId, actor.coupleId)).orderBy(desc(transparencyRequests.createdAt));
	return {
		measures: measures
			.filter((m) => can(actor, 'read', trustAccess.agreement(m)))
			.map((m) => ({
				id: m.id,
				mine: m.ownerId === actor.userId,
				kind: m.kind,
				details: m.details,
				boundaries: m.boundaries,
				endsOn: m.endsOn,
				asked: m.requestId !== null,
				state: m.revokedAt ? ('revoked' as const) : m.endsOn < today ? ('ended' as const) : ('active' as const)
			})),
		requests: requests
			.filter((r) => can(actor, 'read', trustAccess.agreement(r)))
			.map((r) => ({ id: r.id, mine: r.ownerId === actor.userId, kind: r.kind, details: r.details, answer: r.answer, declineReason: r.declineReason }))
	};
}
