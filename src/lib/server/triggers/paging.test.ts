import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { triggerEntries, users } from '../db/schema';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import type { Actor } from '../access/policy';
import { formatCursor, keysetCursorSchema, type KeysetCursor } from '$lib/schemas/cursor';
import { listMyEntries, listSharedWithMe, myMoments, TRIGGER_PAGE_SIZE } from './log';
import { patternsSince } from './patterns';
import { exportUserData } from '../privacy/export';
import { renderTriggersExportHtml } from './export-html';

/**
 * /triggers shows the newest moments of each list a page at a time, and pages back with a keyset
 * cursor on (occurred_at, id). Proved here: the pages together hold every row once, in order, also
 * where moments share their time or differ only in microseconds at a page's edge; the shared list
 * holds only what the partner shared in this couple; patterns and the export are not paged.
 */

/** Entry ids whose order is known: the number, in hex, at the end of a UUID. */
const idOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const HOUR = 3_600_000;

/** An ISO moment with microseconds (the database keeps them; a JavaScript date cannot). */
const micro = (d: Date, micros: number) => d.toISOString().replace('Z', `${String(micros).padStart(3, '0')}Z`);

describe(`the trigger log a page at a time (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let pia: Actor; // hurt, keeps a long log
	let rob: Actor; // repairing, Pia's partner
	let quin: Actor; // another couple
	let ray: Actor;
	let c1: string;
	/** Pia's entries as they must be shown: (occurred_at, id) newest first. */
	const expected: string[] = [];
	const now = new Date();
	const base = new Date(Math.floor(now.getTime() / 1000) * 1000 - 2 * HOUR);

	async function insert(n: number, ownerId: string, at: string, sharedCoupleId: string | null = null, cause = `${ownerId}-${n}`) {
		await db.insert(triggerEntries).values({ id: idOf(n), ownerId, occurredAt: sql`${at}::timestamptz`, strength: 1 + (n % 5), cause, sharedCoupleId });
	}

	/**
	 * Follows the "older" cursor from the newest page to the end, through the address as the page
	 * does; gives each page's ids, and all that the pages held, as text.
	 */
	async function walk(list: (before: KeysetCursor | null) => Promise<{ entries: { id: string }[]; older: KeysetCursor | null }>) {
		const pages: string[][] = [];
		const seen: unknown[] = [];
		let before: KeysetCursor | null = null;
		for (let guard = 0; guard < 20; guard++) {
			const page = await list(before);
			pages.push(page.entries.map((e) => e.id));
			seen.push(page);
			if (!page.older) return Object.assign(pages, { text: JSON.stringify(seen) });
			before = keysetCursorSchema.parse(formatCursor(page.older));
			expect(before).toEqual(page.older);
		}
		throw new Error('the cursor never reached the end');
	}

	beforeAll(async () => {
		db = database();
		await db.insert(users).values(['pia', 'rob', 'quin', 'ray'].map((id) => ({ id, email: `${id}@example.org`, passwordHash: 'x', displayName: id, adultConfirmedAt: new Date() })));
		c1 = (await acceptInvitation(db, 'pia', (await createInvitation(db, 'rob')).token)).coupleId;
		const c2 = (await acceptInvitation(db, 'ray', (await createInvitation(db, 'quin')).token)).coupleId;
		pia = { userId: 'pia', coupleId: c1 };
		rob = { userId: 'rob', coupleId: c1 };
		quin = { userId: 'quin', coupleId: c2 };
		ray = { userId: 'ray', coupleId: c2 };

		// 47 moments of Pia's, an hour apart, newest first in `expected`, with two traps at the edges
		// of pages: positions 19 and 20 (the first page's end) differ only in microseconds within one
		// millisecond, and positions 38–42 (around the second page's end) share one moment exactly.
		const at: string[] = [];
		for (let i = 0; i < 47; i++) at.push(micro(new Date(base.getTime() - i * HOUR), 0));
		const edge = new Date(base.getTime() - 19 * HOUR + 123);
		at[19] = micro(edge, 456);
		at[20] = micro(edge, 455);
		for (let i = 38; i <= 42; i++) at[i] = at[38];
		// Equal moments come in id order, highest first: give 38–42 descending ids.
		for (let i = 0; i < 47; i++) {
			const n = i >= 38 && i <= 42 ? 1000 - i : 100 + i;
			// Every third one is shared with Rob; patterns and the export must count them all alike.
			await insert(n, 'pia', at[i], i % 3 === 0 ? c1 : null);
		}
		for (let i = 0; i < 47; i++) expected.push(idOf(i >= 38 && i <= 42 ? 1000 - i : 100 + i));
	});

	it('shows the newest page first, and the cursor walks back with no moment twice and none left out', async () => {
		const first = await listMyEntries(db, pia);
		expect(first.entries.map((e) => e.id)).toEqual(expected.slice(0, TRIGGER_PAGE_SIZE));
		expect(first.older).not.toBeNull();
		const pages = await walk((before) => listMyEntries(db, pia, before));
		expect(pages.map((p) => p.length)).toEqual([20, 20, 7]);
		expect(pages.flat()).toEqual(expected);
		expect(new Set(pages.flat()).size).toBe(expected.length);
		// The microseconds are kept: a cursor cut to milliseconds would skip position 20.
		expect(first.older!.at).toMatch(/\.\d{6}Z$/);
	});

	it('pages stay put when a moment is added or deleted meanwhile (a cursor, not an offset)', async () => {
		const first = await listMyEntries(db, pia);
		const second = await listMyEntries(db, pia, first.older);
		await insert(9000, 'pia', micro(new Date(now.getTime() - 60_000), 0));
		await db.delete(triggerEntries).where(eq(triggerEntries.id, expected[0]));
		try {
			expect((await listMyEntries(db, pia, first.older)).entries.map((e) => e.id)).toEqual(second.entries.map((e) => e.id));
		} finally {
			await db.delete(triggerEntries).where(eq(triggerEntries.id, idOf(9000)));
			await insert(100, 'pia', micro(base, 0), c1);
		}
		expect((await listMyEntries(db, pia)).entries.map((e) => e.id)).toEqual(expected.slice(0, TRIGGER_PAGE_SIZE));
	});

	it('a cursor past either end gives an empty page or the newest, never someone else’s', async () => {
		const far = { at: '2001-01-01T00:00:00Z', id: idOf(1) };
		expect(await listMyEntries(db, pia, far)).toEqual({ entries: [], older: null });
		const future = { at: '2999-01-01T00:00:00Z', id: idOf(1) };
		expect((await listMyEntries(db, pia, future)).entries.map((e) => e.id)).toEqual(expected.slice(0, TRIGGER_PAGE_SIZE));
		// Pia's cursor in Rob's own log: Rob keeps none, and sees none of hers.
		expect(await listMyEntries(db, rob, (await listMyEntries(db, pia)).older)).toEqual({ entries: [], older: null });
	});

	it('pages what the partner shared the same way, and only that: not one’s own, not private, not another couple’s', async () => {
		// Rob shares moments of his own, newer than all of Pia's: a filter after the query would empty his first page.
		for (let i = 0; i < 25; i++) await insert(2000 + i, 'rob', micro(new Date(now.getTime() - (i + 1) * 60_000), 0), c1, `ROB-OWN-${i}`);
		// Another couple's shares, at the same moments as Pia's, and Pia's share from a couple long gone.
		for (let i = 0; i < 25; i++) await insert(3000 + i, 'ray', micro(new Date(base.getTime() - i * HOUR), 0), quin.coupleId, `RAY-CANARY-${i}`);
		await insert(4000, 'pia', micro(new Date(base.getTime() - 30 * 60_000), 0), 'an-earlier-couple', 'PIA-EARLIER-COUPLE');
		await insert(4001, 'pia', micro(new Date(base.getTime() - 31 * 60_000), 0), null, 'PIA-PRIVATE');

		const piaShared = expected.filter((_, i) => i % 3 === 0);
		expect(piaShared).toHaveLength(16);
		const first = await listSharedWithMe(db, rob);
		expect(first.entries.map((e) => e.id)).toEqual(piaShared);
		expect(first.older).toBeNull();

		const small = await walk((before) => listSharedWithMe(db, rob, before, 5));
		expect(small.map((p) => p.length)).toEqual([5, 5, 5, 1]);
		expect(small.flat()).toEqual(piaShared);
		expect(small.text).not.toMatch(/ROB-OWN|RAY-CANARY|PIA-EARLIER-COUPLE|PIA-PRIVATE/);

		// Ray and Quin page their own couple's shares, and nothing of Pia's.
		const quins = await walk((before) => listSharedWithMe(db, quin, before));
		expect(quins.map((p) => p.length)).toEqual([20, 5]);
		expect(quins.flat()).toEqual(Array.from({ length: 25 }, (_, i) => idOf(3000 + i)));
		expect(await listSharedWithMe(db, ray)).toEqual({ entries: [], older: null });
		// Pia herself is not shown her own shares as the partner's.
		expect((await listSharedWithMe(db, pia)).entries.map((e) => e.id)).toEqual(Array.from({ length: TRIGGER_PAGE_SIZE }, (_, i) => idOf(2000 + i)));
		expect(await listSharedWithMe(db, { userId: 'rob', coupleId: null })).toEqual({ entries: [], older: null });
	});

	it('leaves the patterns and the export whole: every moment, not a page of them', async () => {
		const all = await db.select({ id: triggerEntries.id }).from(triggerEntries).where(eq(triggerEntries.ownerId, 'pia'));
		expect(all.length).toBeGreaterThan(2 * TRIGGER_PAGE_SIZE);
		expect(await myMoments(db, pia, patternsSince(now))).toHaveLength(all.length);
		const exported = await exportUserData(db, 'pia');
		expect(exported.triggers.log).toHaveLength(all.length);
		// The oldest moment is in the export, the JSON and the readable page alike.
		expect(exported.triggers.log[0].cause).toBe(`pia-${100 + 46}`);
		expect(renderTriggersExportHtml(exported.triggers, 'nl')).toContain(`pia-${100 + 46}`);
	});
});
