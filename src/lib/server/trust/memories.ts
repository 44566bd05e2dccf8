import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '../db';
import type { DayKeysetCursor } from '$lib/schemas/cursor';
import { cursorMoment, dayPageOf, olderThanDayCursor } from '../db/keyset';
import { contactLog, memories } from '../db/schema';
import { assertCan, can, type Actor } from '../access/policy';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { trustAccess } from './access';
import type { Day } from './days';

/**
 * Memories (practice 6): a shared journal of new good moments. Both partners add; each can hide
 * (and show again) or remove their own. Shared with the couple they were written for; written
 * solo, they join the couple when it forms (see bindSoloTrustItems).
 */

export type Feeling = 'grateful' | 'close' | 'calm' | 'hopeful' | 'joyful' | 'tender';

export async function addMemory(db: Database, actor: Actor, input: { day: Day; body: string; feeling: Feeling | null }, formKey?: string) {
	return once(db, actor.userId, formKey, 'memory', async (tx) => {
		const id = newId();
		await tx.insert(memories).values({ id, ownerId: actor.userId, coupleId: actor.coupleId, day: input.day, body: input.body, feeling: input.feeling });
		return id;
	});
}

async function load(db: Database, id: string) {
	const [row] = await db.select({ ownerId: memories.ownerId, coupleId: memories.coupleId, hidden: memories.hidden }).from(memories).where(eq(memories.id, id));
	return row ? trustAccess.memory(row) : undefined;
}

export async function setMemoryHidden(db: Database, actor: Actor, id: string, hidden: boolean) {
	assertCan(actor, 'update', await load(db, id));
	await db.update(memories).set({ hidden }).where(eq(memories.id, id));
}

export async function deleteMemory(db: Database, actor: Actor, id: string) {
	assertCan(actor, 'delete', await load(db, id));
	await db.delete(memories).where(eq(memories.id, id));
}

/** How many memories the journal shows at a time; older ones are a link away. */
export const MEMORY_PAGE_SIZE = 30;

/**
 * One page of the journal: the actor's own memories and the partner's visible ones for this couple,
 * newest first by day: the newest, or those after the cursor `before`; `older` is the cursor for
 * the next page, or null. The partner's hidden ones are left out in the query, so they never take
 * a place on a page; the policy is still asked of every row.
 */
export async function memoriesPage(db: Database, actor: Actor, before: DayKeysetCursor | null = null, limit = MEMORY_PAGE_SIZE) {
	const fetched = await db
		.select({ id: memories.id, ownerId: memories.ownerId, coupleId: memories.coupleId, day: memories.day, body: memories.body, feeling: memories.feeling, hidden: memories.hidden, cursorAt: cursorMoment(memories.createdAt) })
		.from(memories)
		.where(
			and(
				actor.coupleId ? or(eq(memories.ownerId, actor.userId), and(eq(memories.coupleId, actor.coupleId), eq(memories.hidden, false))) : eq(memories.ownerId, actor.userId),
				olderThanDayCursor(memories.day, memories.createdAt, memories.id, before)
			)
		)
		.orderBy(desc(memories.day), desc(memories.createdAt), desc(memories.id))
		.limit(limit + 1);
	const page = dayPageOf(fetched, limit);
	return {
		memories: page.rows
			.filter((r) => can(actor, 'read', trustAccess.memory(r)))
			.map((r) => ({ id: r.id, mine: r.ownerId === actor.userId, day: r.day, body: r.body, feeling: r.feeling, hidden: r.hidden, current: r.coupleId !== null && r.coupleId === actor.coupleId })),
		older: page.older
	};
}

/** The journal's newest page. */
export async function listMemories(db: Database, actor: Actor) {
	return (await memoriesPage(db, actor)).memories;
}

/**
 * When a couple forms, the contact-log entries and memories its members wrote while solo belong to
 * it (as needs do): the contact log is promised to the partner once there is one. Runs inside the
 * joining transaction, as system work (decision 006).
 */
export async function bindSoloTrustItems(tx: Database, members: string[], coupleId: string) {
	await tx.update(contactLog).set({ coupleId }).where(and(inArray(contactLog.ownerId, members), isNull(contactLog.coupleId)));
	await tx.update(memories).set({ coupleId }).where(and(inArray(memories.ownerId, members), isNull(memories.coupleId)));
}
