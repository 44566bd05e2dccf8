import { z } from 'zod';
import { UUID, requiredText as text, optionalText } from './text';
import { TEXT_LIMITS } from './limits';
import { WEEKDAYS } from './choices';

/** Forms of the deeds area (wishes, commitments, check-ins); error codes are message-key suffixes. */

const id = z.string({ error: 'not_found' }).regex(UUID, { error: 'not_found' });
const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true');
/** YYYY-MM-DD; the services decide whether the day is allowed. */
const day = z.string({ error: 'day_invalid' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'day_invalid' }).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), { error: 'day_invalid' });

export const wishSchema = z.object({
	size: z.enum(['everyday', 'bigger'], { error: 'wish_size_required' }),
	body: text(TEXT_LIMITS.wish),
	share: checkbox
});

export const wishAnswerSchema = z
	.object({
		id,
		answer: z.enum(['talk', 'not-now'], { error: 'wish_answer_required' }),
		reason: optionalText(TEXT_LIMITS.deedReason)
	})
	.refine((v) => v.answer !== 'not-now' || !!v.reason, { error: 'reason_required', path: ['reason'] });

/** Weekdays arrive as repeated `weekday` fields; parsed from FormData by `weekdaysOf`. */
export { WEEKDAYS };

export function weekdaysOf(form: FormData): number[] {
	return form
		.getAll('weekday')
		.map((v) => (typeof v === 'string' ? Number(v) : NaN))
		.filter((n) => Number.isInteger(n) && n >= 1 && n <= 7);
}

const rhythm = z.enum(['daily', 'weekdays', 'weekly'], { error: 'rhythm_required' });

export const commitmentSchema = z.object({
	title: text(TEXT_LIMITS.commitmentTitle),
	why: optionalText(TEXT_LIMITS.commitmentWhy),
	rhythm,
	share: checkbox,
	startsOn: day.optional().or(z.literal('').transform(() => undefined)),
	wishId: id.optional().or(z.literal('').transform(() => undefined)),
	suggestion: z.string().max(60).optional()
});

export const changeCommitmentSchema = z.object({
	title: text(TEXT_LIMITS.commitmentTitle),
	why: optionalText(TEXT_LIMITS.commitmentWhy),
	rhythm,
	reason: optionalText(TEXT_LIMITS.deedReason)
});

export const reasonSchema = z.object({ reason: text(TEXT_LIMITS.deedReason, 'reason_required') });
export const optionalReasonSchema = z.object({ reason: optionalText(TEXT_LIMITS.deedReason) });

export const checkInSchema = z.object({
	day,
	outcome: z.enum(['kept', 'partly', 'not-kept'], { error: 'outcome_required' }),
	note: optionalText(TEXT_LIMITS.checkInNote)
});

export const noticeSchema = z.object({
	day,
	noticed: z.enum(['noticed', 'not-noticed', 'none'], { error: 'not_found' })
});

export const commentSchema = z.object({ body: text(TEXT_LIMITS.commitmentComment) });
export const commentIdSchema = z.object({ commentId: id });
