import { z } from 'zod';
import { UUID, requiredText as text, optionalText } from './text';
import { TEXT_LIMITS } from './limits';
import { CHANNELS, FEELINGS, MEASURE_KINDS } from './choices';

/** Input of the trust area (issue 10): check-ins, contact log, safety check, transparency, memories. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (s: string) => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A day that has been (a day's margin for time zones east of UTC), at most ten years back. */
export const pastDay = z
	.string({ error: 'day_invalid' })
	.trim()
	.refine(realDay, { error: 'day_invalid', abort: true })
	.refine((s) => s <= dayOffset(1), { error: 'day_in_future' })
	.refine((s) => s >= dayOffset(-3653), { error: 'day_invalid' });

/** An end date from today (a day's margin) to a year ahead: transparency is for a while, not for ever. */
export const endDay = z
	.string({ error: 'day_invalid' })
	.trim()
	.refine(realDay, { error: 'day_invalid', abort: true })
	.refine((s) => s >= dayOffset(-1), { error: 'day_in_past' })
	.refine((s) => s <= dayOffset(366), { error: 'end_day_too_far' });

const score = z.coerce.number({ error: 'score_invalid' }).int({ error: 'score_invalid' }).min(0, { error: 'score_invalid' }).max(10, { error: 'score_invalid' });
const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true' || v === 'yes');

export const trustCheckinSchema = z.object({
	day: pastDay,
	trust: score,
	safety: score,
	connection: score,
	helped: optionalText(TEXT_LIMITS.trustNote),
	hurt: optionalText(TEXT_LIMITS.trustNote),
	share: checkbox
});

export const shareAlwaysSchema = z.object({ always: z.enum(['on', 'off'], { error: 'choice_required' }) });

export const selfRatingSchema = z.object({ day: pastDay, hope: score, strain: score });

export { CHANNELS, FEELINGS, MEASURE_KINDS };

export const contactEndedSchema = z.object({ day: pastDay, reason: optionalText(TEXT_LIMITS.contactText) });

export const contactSchema = z.object({
	day: pastDay,
	channel: z.enum(CHANNELS, { error: 'choice_required' }),
	initiatedBy: z.enum(['me', 'them'], { error: 'choice_required' }),
	planned: z.enum(['yes', 'no'], { error: 'choice_required' }).transform((v) => v === 'yes'),
	reason: optionalText(TEXT_LIMITS.contactText),
	said: optionalText(TEXT_LIMITS.contactText)
});

const id = z.string({ error: 'not_found' }).regex(UUID, { error: 'not_found' });

export const contactQuestionSchema = z.object({ entry: id, question: text(TEXT_LIMITS.contactQuestion) });
export const contactAnswerSchema = z.object({ id, answer: text(TEXT_LIMITS.contactAnswer) });

const answer = z.enum(['no', 'yes', 'unsure'], { error: 'choice_required' });
export const safetyCheckSchema = z.object({ afraid: answer, controlled: answer, threatened: answer, hurt: answer });

const measureKind = z.enum(MEASURE_KINDS, { error: 'choice_required' });

export const offerMeasureSchema = z.object({
	kind: measureKind,
	details: optionalText(TEXT_LIMITS.measureDetails),
	boundaries: text(TEXT_LIMITS.boundaries, 'boundaries_required'),
	endsOn: endDay
});
export const requestMeasureSchema = z.object({ kind: measureKind, details: optionalText(TEXT_LIMITS.measureDetails) });
export const acceptRequestSchema = z.object({ id, details: optionalText(TEXT_LIMITS.measureDetails), boundaries: text(TEXT_LIMITS.boundaries, 'boundaries_required'), endsOn: endDay });
export const declineRequestSchema = z.object({ id, reason: text(TEXT_LIMITS.declineReason, 'reason_required') });

export const memorySchema = z.object({
	day: pastDay,
	body: text(TEXT_LIMITS.memory),
	feeling: z
		.union([z.enum(FEELINGS, { error: 'choice_required' }), z.literal('')], { error: 'choice_required' })
		.optional()
		.transform((v) => (v ? v : null))
});
