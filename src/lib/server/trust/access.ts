import type { ItemAccess } from '../access/policy';

/**
 * The access facts of each trust kind, for the one access policy (`can`/`assertCan`). Kept
 * together so the policy's matrix test can run every kind through it.
 */
export const trustAccess = {
	/** Private until shared, and a share counts only in the couple it was made in. */
	checkin: (row: { ownerId: string; sharedCoupleId: string | null }): ItemAccess => ({
		ownerId: row.ownerId,
		visibility: row.sharedCoupleId ? 'shared' : 'private',
		coupleId: row.sharedCoupleId
	}),
	/** The repairing partner's hope and strain, and everyone's safety check: never anyone else's. */
	ownOnly: (row: { ownerId: string }): ItemAccess => ({ ownerId: row.ownerId, visibility: 'private', coupleId: null }),
	/** Always shared with the couple it was written for; the partner may respond (ask a question). */
	contactEntry: (row: { ownerId: string; coupleId: string | null }): ItemAccess => ({
		ownerId: row.ownerId,
		visibility: 'shared',
		coupleId: row.coupleId
	}),
	/** Measures and requests exist between the two partners of one couple. */
	agreement: (row: { ownerId: string; coupleId: string }): ItemAccess => ({ ownerId: row.ownerId, visibility: 'shared', coupleId: row.coupleId }),
	/** Shared with the couple unless its writer hid it. */
	memory: (row: { ownerId: string; coupleId: string | null; hidden: boolean }): ItemAccess => ({
		ownerId: row.ownerId,
		visibility: row.hidden ? 'private' : 'shared',
		coupleId: row.coupleId
	})
};
