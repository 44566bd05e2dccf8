import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { talkAgreements } from '../db/schema';
import { assertCan, can, type Actor, type ItemAccess } from '../access/policy';
import { DomainError, isUniqueViolation } from '../errors';
import { newId } from '../security/tokens';
import { once } from '../forms/once';

/**
 * Agreements first (issue 11, item 1; research item 2, "stabilise first"): before the account
 * and the questions, the couple writes down how they will talk about it — how much detail, when,
 * and the word that pauses a conversation. Either partner proposes; it holds once the other
 * accepts; either may propose a change at any time (the agreement that holds stays until the
 * change is accepted). Everything here belongs to one couple and ends with it.
 *
 * Other areas (the trigger kit, the letters of issue 11) read the agreement that holds with
 * `currentAgreement`.
 */

export type DetailLevel = 'facts' | 'facts-feelings' | 'everything';
export type Timing = 'any-time' | 'daily' | 'weekly';

export interface AgreementTerms {
	detail: DetailLevel;
	offLimits: string | null;
	timing: Timing;
	minutes: number | null;
	timeOfDay: string | null;
	timeoutWord: string;
	note: string | null;
}

/** A proposal is the proposer's, shared with the couple it was made in: the partner reads and responds. */
export const agreementAccess = (row: { proposerId: string; coupleId: string }): ItemAccess => ({ ownerId: row.proposerId, visibility: 'shared', coupleId: row.coupleId });

const columns = {
	id: talkAgreements.id,
	coupleId: talkAgreements.coupleId,
	proposerId: talkAgreements.proposerId,
	detail: talkAgreements.detail,
	offLimits: talkAgreements.offLimits,
	timing: talkAgreements.timing,
	minutes: talkAgreements.minutes,
	timeOfDay: talkAgreements.timeOfDay,
	timeoutWord: talkAgreements.timeoutWord,
	note: talkAgreements.note,
	createdAt: talkAgreements.createdAt,
	acceptedAt: talkAgreements.acceptedAt
};

type Row = Awaited<ReturnType<typeof selectRows>>[number];
const selectRows = (db: Database, where: ReturnType<typeof and>) => db.select(columns).from(talkAgreements).where(where).orderBy(desc(talkAgreements.createdAt));

function view(actor: Actor, row: Row) {
	const { id, detail, offLimits, timing, minutes, timeOfDay, timeoutWord, note, createdAt, acceptedAt } = row;
	return { id, detail, offLimits, timing, minutes, timeOfDay, timeoutWord, note, createdAt, acceptedAt, mine: row.proposerId === actor.userId };
}

export type AgreementView = ReturnType<typeof view>;

/** The agreement that holds in the actor's couple (the newest accepted), or null. */
export async function currentAgreement(db: Database, actor: Actor): Promise<AgreementView | null> {
	if (!actor.coupleId) return null;
	const [row] = await db
		.select(columns)
		.from(talkAgreements)
		.where(and(eq(talkAgreements.coupleId, actor.coupleId), isNotNull(talkAgreements.acceptedAt)))
		.orderBy(desc(talkAgreements.acceptedAt))
		.limit(1);
	return row && can(actor, 'read', agreementAccess(row)) ? view(actor, row) : null;
}

/** The proposal waiting for an answer in the actor's couple, or null. */
export async function openProposal(db: Database, actor: Actor): Promise<AgreementView | null> {
	if (!actor.coupleId) return null;
	const [row] = await selectRows(db, and(eq(talkAgreements.coupleId, actor.coupleId), isNull(talkAgreements.acceptedAt), isNull(talkAgreements.closedAt)));
	return row && can(actor, 'read', agreementAccess(row)) ? view(actor, row) : null;
}

/**
 * Proposes terms. A proposal still open (the actor's own, or the partner's that this one answers
 * with other terms) is replaced: one open proposal per couple.
 */
export async function proposeAgreement(db: Database, actor: Actor, terms: AgreementTerms, formKey?: string) {
	const coupleId = actor.coupleId;
	if (!coupleId) throw new DomainError('not_in_couple');
	try {
		return await once(db, actor.userId, formKey, 'agreement', async (tx) => {
			await tx
				.update(talkAgreements)
				.set({ closedAt: new Date() })
				.where(and(eq(talkAgreements.coupleId, coupleId), isNull(talkAgreements.acceptedAt), isNull(talkAgreements.closedAt)));
			const id = newId();
			await tx.insert(talkAgreements).values({ id, coupleId, proposerId: actor.userId, ...normalise(terms) });
			return id;
		});
	} catch (err) {
		if (isUniqueViolation(err)) throw new DomainError('conflict');
		throw err;
	}
}

/** Only what the chosen terms use is kept: off limits with "everything", a length with a set time. */
function normalise(terms: AgreementTerms): AgreementTerms {
	const scheduled = terms.timing !== 'any-time';
	return {
		...terms,
		offLimits: terms.detail === 'everything' ? terms.offLimits : null,
		minutes: scheduled ? terms.minutes : null,
		timeOfDay: scheduled ? terms.timeOfDay : null
	};
}

async function load(db: Database, id: string) {
	const [row] = await db
		.select({ ...columns, closedAt: talkAgreements.closedAt })
		.from(talkAgreements)
		.where(eq(talkAgreements.id, id));
	return row;
}

/** The partner accepts an open proposal; from now on it is the agreement that holds. */
export async function acceptAgreement(db: Database, actor: Actor, id: string, now = new Date()) {
	const row = await load(db, id);
	assertCan(actor, 'respond', row ? agreementAccess(row) : undefined);
	if (row.proposerId === actor.userId) throw new DomainError('agreement_own');
	if (row.acceptedAt || row.closedAt) throw new DomainError('agreement_closed');
	await db
		.update(talkAgreements)
		.set({ acceptedAt: now })
		.where(and(eq(talkAgreements.id, id), isNull(talkAgreements.acceptedAt), isNull(talkAgreements.closedAt)));
}

/** The proposer takes their open proposal back. */
export async function withdrawProposal(db: Database, actor: Actor, id: string) {
	const row = await load(db, id);
	assertCan(actor, 'delete', row ? agreementAccess(row) : undefined);
	if (row.acceptedAt || row.closedAt) throw new DomainError('agreement_closed');
	await db.update(talkAgreements).set({ closedAt: new Date() }).where(eq(talkAgreements.id, id));
}

/** Everything the user proposed, in any couple, for the export. */
export async function exportAgreements(db: Database, userId: string) {
	const rows = await db
		.select({ ...columns, closedAt: talkAgreements.closedAt })
		.from(talkAgreements)
		.where(eq(talkAgreements.proposerId, userId))
		.orderBy(talkAgreements.createdAt);
	const iso = (d: Date | null) => (d ? d.toISOString() : null);
	return rows.map((r) => ({
		detail: r.detail,
		offLimits: r.offLimits,
		timing: r.timing,
		minutes: r.minutes,
		timeOfDay: r.timeOfDay,
		timeoutWord: r.timeoutWord,
		note: r.note,
		proposedAt: iso(r.createdAt),
		acceptedAt: iso(r.acceptedAt),
		closedAt: iso(r.closedAt)
	}));
}
