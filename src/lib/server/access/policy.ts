import { notFound } from '../errors';
import { noteRefusal } from '../db/actor-context';

/**
 * The one answer to "may this user do this to this item". Every service asks it; routes never
 * decide access themselves. An owner may do anything with their own item; a partner in the same
 * couple may only read (and respond to) what the owner shared; nobody else may do anything, administrators
 * included. A refusal looks exactly like a missing item (404), so ids leak nothing.
 */
/** `respond`: the partner answers a shared item without changing it (acknowledging a need). */
export type Action = 'read' | 'update' | 'delete' | 'share' | 'unshare' | 'respond';
export type Visibility = 'private' | 'shared';

export interface Actor {
	userId: string;
	/** The couple the actor belongs to now; null when solo or after leaving. */
	coupleId: string | null;
	isAdmin?: boolean;
}

export interface ItemAccess {
	ownerId: string;
	visibility: Visibility;
	/** The owner's current couple; null when the owner is solo. */
	coupleId: string | null;
}

export function can(actor: Actor | null, action: Action, item: ItemAccess): boolean {
	if (!actor) return false;
	if (actor.userId === item.ownerId) return true;
	if (action !== 'read' && action !== 'respond') return false;
	return item.visibility === 'shared' && item.coupleId !== null && actor.coupleId === item.coupleId;
}

/**
 * Site tasks are not about anyone's item: running the public side (moderating comments, the
 * booklet's sign-ups, aggregate counts). Only administrators may do them, and being one grants
 * nothing above: `can` never looks at `isAdmin`, so an administrator sees no one's program data.
 */
export type SiteTask = 'moderate' | 'see-counts' | 'manage-signups';

export function mayDoSiteTask(actor: Actor | null, task: SiteTask): boolean {
	void task;
	return actor?.isAdmin === true;
}

/** A refusal of a site task looks like a page that does not exist (404), and is noted like any refusal. */
export function assertSiteTask(actor: Actor | null, task: SiteTask): void {
	if (!mayDoSiteTask(actor, task)) {
		if (actor) noteRefusal();
		throw notFound();
	}
}

/** A refusal of an existing item is noted for the request (recorded as a security event); the answer stays "not found". */
export function assertCan(actor: Actor | null, action: Action, item: ItemAccess | undefined): asserts item is ItemAccess {
	if (!item) throw notFound();
	if (!can(actor, action, item)) {
		noteRefusal();
		throw notFound();
	}
}

/* ---------- Trigger kit (issue 11, item 4) ---------- */

/**
 * The access facts of the trigger kit's kinds, here so the policy's matrix test runs them all.
 * A log entry is its owner's alone unless shared, and a share counts only in the couple it was
 * made in. A signal ("I'm triggered": that and when, nothing more) is shared with the couple it
 * was sent in; the partner responds by answering it. A prepared response and a day of discovery
 * are seen by the partner of the couple they were saved in, and by nobody once that couple ends.
 */
export const triggerAccess = {
	entry: (row: { ownerId: string; sharedCoupleId: string | null }): ItemAccess => ({ ownerId: row.ownerId, visibility: row.sharedCoupleId ? 'shared' : 'private', coupleId: row.sharedCoupleId }),
	signal: (row: { ownerId: string; coupleId: string }): ItemAccess => ({ ownerId: row.ownerId, visibility: 'shared', coupleId: row.coupleId }),
	settings: (row: { userId: string; coupleId: string | null }): ItemAccess => ({ ownerId: row.userId, visibility: row.coupleId ? 'shared' : 'private', coupleId: row.coupleId })
};

/* ---------- Letters in points: impact and restitution letters (issue 11, item 5) ---------- */

/**
 * An impact or restitution letter version: private while a draft; once sent, shared with the couple
 * it was sent to only while its letter is delivered: not while it waits (the recipient asked for
 * space), not once withdrawn (leaving the couple withdraws it), and not before the version is linked
 * to its letter. Whether the recipient opened it yet is the letterbox's rule, applied on top.
 * The same rule stands in the database (point_letter_versions_partner_read in letters/rls.sql).
 */
export function pointLetterAccess(row: { ownerId: string; sentCoupleId: string | null }, letter?: { withdrawnAt: Date | null; waiting: boolean } | null): ItemAccess {
	const shared = !!row.sentCoupleId && !!letter && !letter.withdrawnAt && !letter.waiting;
	return { ownerId: row.ownerId, visibility: shared ? 'shared' : 'private', coupleId: shared ? row.sentCoupleId : null };
}

/* ---------- The weekly relationship hour (issue 13, item 5) ---------- */

/**
 * The hour's slot is the couple's together, so either partner may read and change it (solo: the
 * person's own). A week's answers are like a decision's choice: the owner's alone until both have
 * answered that week in the same couple (`revealed`), then shared with that couple. A note is its
 * writer's unless shared, and a share counts only in the couple it was made in.
 */
export const hourAccess = {
	slot: (row: { coupleId: string | null; userId: string | null }, actor: Actor | null): boolean =>
		!!actor && (row.coupleId !== null ? actor.coupleId === row.coupleId : row.userId === actor.userId),
	entry: (row: { ownerId: string; coupleId: string | null }, revealed: boolean): ItemAccess => {
		const shared = revealed && row.coupleId !== null;
		return { ownerId: row.ownerId, visibility: shared ? 'shared' : 'private', coupleId: shared ? row.coupleId : null };
	},
	note: (row: { ownerId: string; sharedCoupleId: string | null }): ItemAccess => ({ ownerId: row.ownerId, visibility: row.sharedCoupleId ? 'shared' : 'private', coupleId: row.sharedCoupleId })
};

/** A slot the actor may not use looks like no slot at all. */
export function assertHourSlot(actor: Actor | null, row: { coupleId: string | null; userId: string | null }): void {
	if (!hourAccess.slot(row, actor)) {
		noteRefusal();
		throw notFound();
	}
}
