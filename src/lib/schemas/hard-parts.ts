import { z } from 'zod';
import { requiredText as text, optionalText, UUID } from './text';
import { TEXT_LIMITS } from './limits';
import { APP_TIME_ZONE } from '../time-zone';

/** Schemas for the decision, the trigger kit and the impact/restitution letters (issue 11, items 4–6). */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date as YYYY-MM-DD that really exists (no 31 February). */
export function isCalendarDate(value: string) {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today plus `days`, as YYYY-MM-DD in UTC. */
export function dayFromToday(days: number, now = new Date()) {
	return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: APP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in the app's time zone, as YYYY-MM-DD: just after midnight in Amsterdam it is already tomorrow in UTC terms. */
export function localToday(now = new Date()) {
	return localDate.format(now);
}

/** A review date: from tomorrow to a year ahead (a set time, not open-ended). */
const reviewDate = z
	.string({ error: 'decision_review_invalid' })
	.refine(isCalendarDate, { error: 'decision_review_invalid' })
	.refine((v) => v >= dayFromToday(1) && v <= dayFromToday(366), { error: 'decision_review_range' });

export const decisionSchema = z.object({
	path: z.enum(['together', 'later', 'apart'], { error: 'decision_path_required' }),
	why: text(TEXT_LIMITS.decisionWhy, 'decision_why_required'),
	reviewOn: reviewDate
});

// Trigger kit (issue 11, item 4). Optional strength: an empty choice means "not said"; anything
// else must be a whole number 1–5. Blank texts become null.
const strength = z
	.enum(['', '1', '2', '3', '4', '5'], { error: 'trigger_strength_invalid' })
	.optional()
	.transform((v) => (v ? Number(v) : null));

export const triggerSchema = z.object({ strength, cause: optionalText(TEXT_LIMITS.triggerNote) });

export const triggerLogSchema = z.object({ strength, cause: optionalText(TEXT_LIMITS.triggerNote), helped: optionalText(TEXT_LIMITS.triggerNote) });

/** Blank clears the prepared response. */
export const triggerResponseSchema = z.object({ body: optionalText(TEXT_LIMITS.triggerResponse) });

export const triggerAnswerSchema = z.object({ answer: z.enum(['talk', 'closeness', 'space'], { error: 'trigger_answer_required' }) });

/** The id of an entry or a signal in a form; anything but a UUID cannot exist. */
export const triggerIdSchema = z.object({ id: z.string({ error: 'not_found' }).regex(UUID, { error: 'not_found' }) });

/** Whether a day of discovery may be saved: a real date, today or earlier (the app's local day), at most 30 years back. */
export function isDiscoveryDay(value: string, now = new Date()) {
	const today = localToday(now);
	const earliest = `${Number(today.slice(0, 4)) - 30}${today.slice(4)}`;
	return isCalendarDate(value) && value <= today && value >= earliest;
}

/** Optional: clearing the field removes the date. */
export const discoverySchema = z.object({
	discoveredOn: z
		.string()
		.optional()
		.refine((v) => !v || isDiscoveryDay(v), { error: 'trigger_discovery_invalid' })
});
