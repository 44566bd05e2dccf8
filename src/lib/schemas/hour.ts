import { z } from 'zod';
import { optionalText, requiredText } from './text';
import { TEXT_LIMITS } from './limits';

/** Schemas for the weekly relationship hour (issue 13, item 5). */

const zones = new Set(Intl.supportedValuesOf('timeZone'));

export const hourSlotSchema = z.object({
	weekday: z.enum(['1', '2', '3', '4', '5', '6', '7'], { error: 'hour_weekday_required' }).transform(Number),
	time: z.string({ error: 'hour_time_invalid' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'hour_time_invalid' }),
	timeZone: z.string({ error: 'hour_time_zone' }).refine((zone) => zones.has(zone), { error: 'hour_time_zone' })
});

/** One answer field; blank means "not this one". */
export const hourAnswerText = optionalText(TEXT_LIMITS.hourAnswer);

export const hourWeekSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'hour_week_changed' });

export const hourNoteSchema = z.object({
	body: requiredText(TEXT_LIMITS.hourNote, 'hour_note_required'),
	shared: z
		.enum(['private', 'shared'], { error: 'hour_note_visibility' })
		.optional()
		.transform((v) => v === 'shared')
});
