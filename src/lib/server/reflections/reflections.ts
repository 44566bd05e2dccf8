import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { reflections } from '../db/schema';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { recordSecurityEvent } from '../security/events';
import type { ReflectionPrompt } from './prompts';

/** Reflections are private by default; sharing is explicit per item and can be withdrawn. */

async function load(db: Database, id: string) {
	const [row] = await db
		.select({ id: reflections.id, ownerId: reflections.ownerId, prompt: reflections.prompt, body: reflections.body, sharedCoupleId: reflections.sharedCoupleId, createdAt: reflections.createdAt, updatedAt: reflections.updatedAt })
		.from(reflections)
		.where(eq(reflections.id, id));
	return row;
}

const access = (row: { ownerId: string; sharedCoupleId: string | null }): ItemAccess => ({
	ownerId: row.ownerId,
	visibility: row.sharedCoupleId ? 'shared' : 'private',
	coupleId: row.sharedCoupleId
});

export async function createReflection(db: Database, actor: Actor, input: { prompt: ReflectionPrompt; body: string }) {
	const id = newId();
	await db.insert(reflections).values({ id, ownerId: actor.userId, prompt: input.prompt, body: input.body });
	return { id };
}

export async function getReflection(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'read', row ? access(row) : undefined);
	return { id: row.id, prompt: row.prompt, body: row.body, shared: !!row.sharedCoupleId, mine: row.ownerId === actor.userId, updatedAt: row.updatedAt };
}

export async function updateReflection(db: Database, actor: Actor, id: string, body: string) {
	const row = await load(db, id);
	assertCan(actor, 'update', row ? access(row) : undefined);
	await db.update(reflections).set({ body, updatedAt: new Date() }).where(eq(reflections.id, id));
}

export async function deleteReflection(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'delete', row ? access(row) : undefined);
	await db.delete(reflections).where(eq(reflections.id, id));
}

export async function shareReflection(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'share', row ? access(row) : undefined);
	if (!actor.coupleId) throw new DomainError('not_in_couple');
	await db.update(reflections).set({ sharedCoupleId: actor.coupleId }).where(eq(reflections.id, id));
	await recordSecurityEvent(db, actor.userId, 'share');
}

export async function unshareReflection(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'unshare', row ? access(row) : undefined);
	await db.update(reflections).set({ sharedCoupleId: null }).where(eq(reflections.id, id));
	await recordSecurityEvent(db, actor.userId, 'unshare');
}

export async function listMyReflections(db: Database, actor: Actor) {
	const rows = await db
		.select({ id: reflections.id, prompt: reflections.prompt, body: reflections.body, sharedCoupleId: reflections.sharedCoupleId, updatedAt: reflections.updatedAt })
		.from(reflections)
		.where(eq(reflections.ownerId, actor.userId))
		.orderBy(desc(reflections.updatedAt));
	return rows.map((r) => ({ id: r.id, prompt: r.prompt, excerpt: r.body.slice(0, 120), shared: !!r.sharedCoupleId && r.sharedCoupleId === actor.coupleId, updatedAt: r.updatedAt }));
}

/** What the partner shared in the current couple; nothing when solo. */
export async function listSharedWithMe(db: Database, actor: Actor) {
	if (!actor.coupleId) return [];
	const rows = await db
		.select({ id: reflections.id, ownerId: reflections.ownerId, sharedCoupleId: reflections.sharedCoupleId, prompt: reflections.prompt, body: reflections.body, updatedAt: reflections.updatedAt })
		.from(reflections)
		.where(eq(reflections.sharedCoupleId, actor.coupleId))
		.orderBy(desc(reflections.updatedAt));
	// The query narrows to this couple's shares; the policy still has the last word, as for every read.
	return rows.filter((r) => r.ownerId !== actor.userId && can(actor, 'read', access(r))).map((r) => ({ id: r.id, prompt: r.prompt, excerpt: r.body.slice(0, 120), updatedAt: r.updatedAt }));
}

