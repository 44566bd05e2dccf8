import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { hourEntries, hourNotes, hourSlots } from '../db/schema';
import { assertCan, assertHourSlot, can, hourAccess, type Actor } from '../access/policy';
import { DomainError, isUniqueViolation } from '../errors';
import { newId } from '../security/tokens';
import { once } from '../forms/once';
import { coupleIdOf, partnerIn, partnerOf } from '../couple/membership';
import { DEFAULT_TIME_ZONE, isTimeZone, questionsFor, weekOf } from './questions';

/**
 * The weekly relationship hour (issue 13, item 5; practice 3). The couple (or one person solo)
 * picks a weekly slot; each week brings a few questions; each partner answers privately, and the
 * answers are shown to both only once both have answered that week in the same couple — the
 * decision's "reveal together" (decision/decision.ts), computed on every read, never stored.
 * Either may skip a week without a reason; nothing counts weeks, nothing nags.
 */

export interface SlotInput {
	/** ISO weekday, 1 Monday … 7 Sunday. */
	weekday: number;
	/** HH:MM */
	time: string;
	timeZone: string;
}

export interface AnswerInput {
	/** The week the form was shown for (its Monday); answers belong to that week's questions. */
	week: string;
	answers: { question: string; text: string | null }[];
}

type Partner = Awaited<ReturnType<typeof partnerOf>>;

const slotColumns = { id: hourSlots.id, coupleId: hourSlots.coupleId, userId: hourSlots.userId, weekday: hourSlots.weekday, time: hourSlots.time, timeZone: hourSlots.timeZone, updatedBy: hourSlots.updatedBy, updatedAt: hourSlots.updatedAt };

async function slotOf(db: Database, actor: Actor, coupleId: string | null) {
	const [row] = await db
		.select(slotColumns)
		.from(hourSlots)
		.where(coupleId ? eq(hourSlots.coupleId, coupleId) : eq(hourSlots.userId, actor.userId));
	return row;
}

const entryColumns = { id: hourEntries.id, ownerId: hourEntries.ownerId, coupleId: hourEntries.coupleId, week: hourEntries.week, answers: hourEntries.answers, skipped: hourEntries.skipped, updatedAt: hourEntries.updatedAt };

async function entryOf(db: Database, ownerId: string, coupleId: string | null, week: string) {
	const [row] = await db
		.select(entryColumns)
		.from(hourEntries)
		.where(and(eq(hourEntries.ownerId, ownerId), eq(hourEntries.week, week), coupleId ? eq(hourEntries.coupleId, coupleId) : isNull(hourEntries.coupleId)));
	return row;
}

const answered = (row: { skipped: boolean; answers: unknown[] } | undefined) => !!row && !row.skipped && row.answers.length > 0;

/** Where the actor stands this week: the couple (partner known) or solo; the week in the slot's zone. */
async function context(db: Database, actor: Actor, partner: Partner, now: Date) {
	const coupleId = partner?.coupleId ?? null;
	const slot = await slotOf(db, actor, coupleId);
	const week = weekOf(now, slot?.timeZone ?? DEFAULT_TIME_ZONE);
	return { coupleId, slot, week, questions: questionsFor(coupleId ?? actor.userId, week) };
}

/**
 * What the actor may see of this week's hour: the slot, the questions, their own answers, the
 * partner's only once both answered this week in this couple (else nothing at all about them),
 * their own notes and the notes the partner shared with this couple.
 */
export async function getHour(db: Database, actor: Actor, now = new Date()) {
	const partner = await partnerIn(db, actor);
	const { coupleId, slot, week, questions } = await context(db, actor, partner, now);
	const mine = await entryOf(db, actor.userId, coupleId, week);
	let theirs: { question: string; text: string }[] | null = null;
	if (partner && answered(mine)) {
		const row = await entryOf(db, partner.id, coupleId, week);
		// Both answered this week in this couple: revealed. The policy has the last word, as for every read.
		if (row && answered(row) && can(actor, 'read', hourAccess.entry(row, true))) theirs = row.answers;
	}
	const own = await db
		.select({ id: hourNotes.id, ownerId: hourNotes.ownerId, sharedCoupleId: hourNotes.sharedCoupleId, week: hourNotes.week, body: hourNotes.body, createdAt: hourNotes.createdAt })
		.from(hourNotes)
		.where(eq(hourNotes.ownerId, actor.userId))
		.orderBy(desc(hourNotes.createdAt))
		.limit(50);
	const shared = partner
		? await db
				.select({ id: hourNotes.id, ownerId: hourNotes.ownerId, sharedCoupleId: hourNotes.sharedCoupleId, week: hourNotes.week, body: hourNotes.body, createdAt: hourNotes.createdAt })
				.from(hourNotes)
				.where(and(eq(hourNotes.sharedCoupleId, partner.coupleId), eq(hourNotes.ownerId, partner.id)))
				.orderBy(desc(hourNotes.createdAt))
				.limit(50)
		: [];
	const notes = [...own, ...shared.filter((n) => can(actor, 'read', hourAccess.note(n)))]
		.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
		.map((n) => ({ id: n.id, body: n.body, week: n.week, mine: n.ownerId === actor.userId, shared: n.sharedCoupleId !== null, createdAt: n.createdAt }));
	return {
		inCouple: !!partner,
		partnerName: partner?.displayName ?? null,
		slot: slot ? { weekday: slot.weekday, time: slot.time, timeZone: slot.timeZone, setByMe: slot.updatedBy === actor.userId } : null,
		week,
		questions,
		mine: mine ? { answers: mine.answers, skipped: mine.skipped } : null,
		partner: theirs,
		revealed: !!theirs,
		notes
	};
}

/** Sets or changes the weekly slot: the couple's (either partner may), or one's own when solo. */
export async function setHourSlot(db: Database, actor: Actor, input: SlotInput) {
	if (!isTimeZone(input.timeZone)) throw new DomainError('hour_time_zone');
	const partner = actor.coupleId ? await partnerOf(db, actor.userId) : null;
	const coupleId = partner?.coupleId ?? null;
	const existing = await slotOf(db, actor, coupleId);
	const values = { weekday: input.weekday, time: input.time, timeZone: input.timeZone, updatedBy: actor.userId, updatedAt: new Date() };
	if (existing) {
		assertHourSlot(actor, existing);
		await db.update(hourSlots).set(values).where(eq(hourSlots.id, existing.id));
		return;
	}
	try {
		await db.insert(hourSlots).values({ id: newId(), coupleId, userId: coupleId ? null : actor.userId, ...values });
	} catch (err) {
		// The partner set it at the same moment: theirs stands; the page shows it.
		if (isUniqueViolation(err)) throw new DomainError('conflict');
		throw err;
	}
}

/**
 * Saves the actor's answers for this week (changing them is fine while they are still private;
 * answering after a skip is fine too). Refused once both are shown, and when the week turned
 * since the form was shown (its questions are gone; the text comes back to the form).
 */
export async function answerHour(db: Database, actor: Actor, input: AnswerInput, now = new Date()) {
	const partner = actor.coupleId ? await partnerOf(db, actor.userId) : null;
	const { coupleId, week, questions } = await context(db, actor, partner, now);
	const ids = new Set(questions.map((q) => q.id));
	if (input.week !== week || input.answers.some((a) => !ids.has(a.question))) throw new DomainError('hour_week_changed');
	const answers = input.answers.filter((a): a is { question: string; text: string } => !!a.text);
	if (!answers.length) throw new DomainError('hour_answers_empty');
	await db.transaction(async (raw) => {
		const tx = raw as unknown as Database;
		const mine = await entryOf(tx, actor.userId, coupleId, week);
		if (mine) {
			if (partner && answered(mine) && answered(await entryOf(tx, partner.id, coupleId, week))) throw new DomainError('conflict');
			await tx.update(hourEntries).set({ answers, skipped: false, updatedAt: new Date() }).where(eq(hourEntries.id, mine.id));
		} else {
			await tx.insert(hourEntries).values({ id: newId(), ownerId: actor.userId, coupleId, week, answers });
		}
	});
}

/** Skips this week, no reason asked. Answers already given are never thrown away by a skip. */
export async function skipHour(db: Database, actor: Actor, now = new Date()) {
	const partner = actor.coupleId ? await partnerOf(db, actor.userId) : null;
	const { coupleId, week } = await context(db, actor, partner, now);
	const mine = await entryOf(db, actor.userId, coupleId, week);
	if (answered(mine)) throw new DomainError('conflict');
	if (mine) return;
	await db.insert(hourEntries).values({ id: newId(), ownerId: actor.userId, coupleId, week, skipped: true }).onConflictDoNothing();
}

/** Keeps a note: private, or shared with the current couple (solo, a note is always private). */
export async function addHourNote(db: Database, actor: Actor, input: { body: string; shared: boolean }, formKey?: string, now = new Date()) {
	const partner = actor.coupleId ? await partnerOf(db, actor.userId) : null;
	const { week } = await context(db, actor, partner, now);
	return once(db, actor.userId, formKey, 'hour-note', async (tx) => {
		const id = newId();
		await tx.insert(hourNotes).values({ id, ownerId: actor.userId, sharedCoupleId: input.shared && partner ? partner.coupleId : null, week, body: input.body });
		return id;
	});
}

export async function deleteHourNote(db: Database, actor: Actor, id: string) {
	const [row] = await db.select({ ownerId: hourNotes.ownerId, sharedCoupleId: hourNotes.sharedCoupleId }).from(hourNotes).where(eq(hourNotes.id, id));
	assertCan(actor, 'delete', row ? hourAccess.note(row) : undefined);
	await db.delete(hourNotes).where(eq(hourNotes.id, id));
}

/** The person's own hour for the export: the slot they use, their answers and skips, their notes; never the partner's. */
export async function exportHour(db: Database, userId: string) {
	const actor = { userId, coupleId: await coupleIdOf(db, userId) };
	const slot = await slotOf(db, actor, actor.coupleId);
	const entries = await db.select(entryColumns).from(hourEntries).where(eq(hourEntries.ownerId, userId)).orderBy(hourEntries.week);
	const notes = await db.select().from(hourNotes).where(eq(hourNotes.ownerId, userId)).orderBy(hourNotes.createdAt);
	return {
		slot: slot ? { weekday: slot.weekday, time: slot.time, timeZone: slot.timeZone, forCouple: slot.coupleId !== null } : null,
		weeks: entries.map((e) => ({ week: e.week, madeIn: e.coupleId ? ('couple' as const) : ('solo' as const), skipped: e.skipped, answers: e.answers, updatedAt: e.updatedAt.toISOString() })),
		notes: notes.map((n) => ({ week: n.week, text: n.body, shared: n.sharedCoupleId !== null, createdAt: n.createdAt.toISOString() }))
	};
}
