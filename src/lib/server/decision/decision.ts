import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { decisionChoices } from '../db/schema';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { DomainError } from '../errors';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { partnerOf } from '../couple/membership';

/**
 * Together or apart: a decision in the open (issue 11, item 6; research item 8, discernment
 * counselling's three paths). Each partner privately chooses a path with a short why and a review
 * date. Nothing of a choice — not even whether it exists — is shown to the partner until both have
 * a current choice in the same couple; then both are shown to both at once ("reveal together").
 *
 * The reveal is computed on every read, never stored: two choices made at the same moment cannot
 * both miss each other and leave the couple waiting. A choice can be changed while it is still
 * private; once both are shown, it is fixed, and either partner may start a new decision (both
 * current choices are archived and stay in each owner's history and export).
 */
export type DecisionPath = 'together' | 'later' | 'apart';

export interface ChoiceInput {
	path: DecisionPath;
	why: string;
	/** YYYY-MM-DD */
	reviewOn: string;
}

const columns = {
	id: decisionChoices.id,
	ownerId: decisionChoices.ownerId,
	coupleId: decisionChoices.coupleId,
	path: decisionChoices.path,
	why: decisionChoices.why,
	reviewOn: decisionChoices.reviewOn,
	createdAt: decisionChoices.createdAt,
	updatedAt: decisionChoices.updatedAt,
	archivedAt: decisionChoices.archivedAt
};

type Row = { ownerId: string; coupleId: string | null; archivedAt: Date | null };

/**
 * Access facts of a choice. It counts as shared only while it is current, was made in a couple,
 * and `revealed` says both partners have chosen; otherwise it is the owner's alone.
 */
export function choiceAccess(row: Row, revealed: boolean): ItemAccess {
	const shared = revealed && row.coupleId !== null && row.archivedAt === null;
	return { ownerId: row.ownerId, visibility: shared ? 'shared' : 'private', coupleId: shared ? row.coupleId : null };
}

async function currentChoice(db: Database, userId: string, coupleId: string | null) {
	const [row] = await db
		.select(columns)
		.from(decisionChoices)
		.where(and(eq(decisionChoices.ownerId, userId), coupleId ? eq(decisionChoices.coupleId, coupleId) : isNull(decisionChoices.coupleId), isNull(decisionChoices.archivedAt)))
		.orderBy(desc(decisionChoices.createdAt))
		.limit(1);
	return row;
}

/**
 * Makes (or, while still private, changes) the actor's choice in their current couple, or their
 * own when solo. Refused with `conflict` once both choices are shown: start a new decision first.
 */
export async function chooseDecision(db: Database, actor: Actor, input: ChoiceInput, formKey?: string) {
	const partner = actor.coupleId ? await partnerOf(db, actor.userId) : null;
	const coupleId = partner?.coupleId ?? null;
	return once(db, actor.userId, formKey, 'decision', async (tx) => {
		const mine = await currentChoice(tx, actor.userId, coupleId);
		if (mine) {
			if (partner && (await currentChoice(tx, partner.id, coupleId))) throw new DomainError('conflict');
			await tx.update(decisionChoices).set({ path: input.path, why: input.why, reviewOn: input.reviewOn, updatedAt: new Date() }).where(eq(decisionChoices.id, mine.id));
			return mine.id;
		}
		const id = newId();
		await tx.insert(decisionChoices).values({ id, ownerId: actor.userId, coupleId, path: input.path, why: input.why, reviewOn: input.reviewOn });
		return id;
	});
}

const plain = (r: { path: DecisionPath; why: string; reviewOn: string; createdAt: Date; updatedAt: Date }) => ({
	path: r.path,
	why: r.why,
	reviewOn: r.reviewOn,
	chosenAt: r.updatedAt > r.createdAt ? r.updatedAt : r.createdAt
});

/**
 * What the actor may see of the decision now: their own current choice, the partner's only when
 * both have chosen in this couple (else nothing at all about it), and their own earlier choices.
 */
export async function getDecision(db: Database, actor: Actor) {
	const partner = actor.coupleId ? await partnerOf(db, actor.userId) : null;
	const coupleId = partner?.coupleId ?? null;
	const mine = await currentChoice(db, actor.userId, coupleId);
	let theirs: ReturnType<typeof plain> | null = null;
	if (partner && mine) {
		const row = await currentChoice(db, partner.id, coupleId);
		// Both current in this couple: revealed. The policy has the last word, as for every read.
		if (row && can(actor, 'read', choiceAccess(row, true))) theirs = plain(row);
	}
	const history = await db
		.select(columns)
		.from(decisionChoices)
		.where(and(eq(decisionChoices.ownerId, actor.userId), mine ? ne(decisionChoices.id, mine.id) : undefined))
		.orderBy(desc(decisionChoices.createdAt));
	return {
		inCouple: !!partner,
		partnerName: partner?.displayName ?? null,
		mine: mine ? plain(mine) : null,
		partner: theirs,
		revealed: !!theirs,
		history: history.map((r) => ({ ...plain(r), madeIn: r.coupleId ? ('couple' as const) : ('solo' as const), archivedAt: r.archivedAt }))
	};
}

/**
 * Starts a new decision: after a reveal, both current choices of the couple are archived (either
 * partner may ask, e.g. at the review date; each keeps theirs in the history); solo, the actor's
 * own. Before a reveal a couple's choice is changed, not archived. Nothing is deleted.
 */
export async function startNewDecision(db: Database, actor: Actor, now = new Date()) {
	const partner = actor.coupleId ? await partnerOf(db, actor.userId) : null;
	const coupleId = partner?.coupleId ?? null;
	const mine = await currentChoice(db, actor.userId, coupleId);
	assertCan(actor, 'update', mine ? choiceAccess(mine, false) : undefined);
	const theirs = partner ? await currentChoice(db, partner.id, coupleId) : undefined;
	// In a couple a decision starts again only after a reveal: before, a choice is simply changed.
	if (partner && !theirs) throw new DomainError('conflict');
	if (theirs) {
		// The partner's choice was shown to the actor; it ends with the decision ("respond", as on a
		// need). First, while the actor's own choice still makes it visible to them (row security).
		assertCan(actor, 'respond', choiceAccess(theirs, true));
		await db.update(decisionChoices).set({ archivedAt: now }).where(and(eq(decisionChoices.id, theirs.id), isNull(decisionChoices.archivedAt)));
	}
	await db.update(decisionChoices).set({ archivedAt: now }).where(eq(decisionChoices.id, mine.id));
}

/** The actor's choices for the export: their own, with where each was made; never the partner's. */
export async function exportDecisions(db: Database, userId: string) {
	const rows = await db.select(columns).from(decisionChoices).where(eq(decisionChoices.ownerId, userId)).orderBy(decisionChoices.createdAt);
	return rows.map((r) => ({
		path: r.path,
		why: r.why,
		reviewOn: r.reviewOn,
		madeIn: r.coupleId ? ('couple' as const) : ('solo' as const),
		createdAt: r.createdAt.toISOString(),
		updatedAt: r.updatedAt.toISOString(),
		archivedAt: r.archivedAt ? r.archivedAt.toISOString() : null
	}));
}
