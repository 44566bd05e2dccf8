import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { stepProgress } from '../db/schema';
import { DomainError } from '../errors';
import { TRACKS, isStepOf, type Track } from './steps';

export async function markStepDone(db: Database, userId: string, track: Track, step: string) {
	if (!isStepOf(track, step)) throw new DomainError('unknown_step');
	await db.insert(stepProgress).values({ userId, track, step }).onConflictDoNothing();
}

export async function markStepUndone(db: Database, userId: string, track: Track, step: string) {
	if (!isStepOf(track, step)) throw new DomainError('unknown_step');
	await db
		.delete(stepProgress)
		.where(and(eq(stepProgress.userId, userId), eq(stepProgress.track, track), eq(stepProgress.step, step)));
}

export async function getProgress(db: Database, userId: string, track: Track) {
	const rows = await db
		.select({ step: stepProgress.step, doneAt: stepProgress.doneAt })
		.from(stepProgress)
		.where(and(eq(stepProgress.userId, userId), eq(stepProgress.track, track)));
	const done = new Map(rows.map((r) => [r.step, r.doneAt]));
	const steps = TRACKS[track].map((slug) => ({ slug, doneAt: done.get(slug) ?? null }));
	const count = steps.filter((s) => s.doneAt).length;
	return { steps, done: count, total: steps.length, percent: Math.round((count / steps.length) * 100) };
}
