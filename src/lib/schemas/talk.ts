import { z } from 'zod';
import { UUID, requiredText as text, optionalText } from './text';
import { TEXT_LIMITS } from './limits';

/** Forms of "Talking it through": agreements, the account, questions (issue 11, items 1–3). */

/** A calendar day as the date field sends it; real days only (no 31 February), 1900–2100. */
const day = (code: string) =>
	z
		.string({ error: code })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: code })
		.refine((v) => {
			const d = new Date(`${v}T00:00:00Z`);
			return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= '1900-01-01' && v <= '2100-12-31';
		}, { error: code });

const optionalDay = (code: string) =>
	z
		.string()
		.optional()
		.transform((v) => (v ? v : undefined))
		.pipe(day(code).optional())
		.transform((v) => v ?? null);

export const agreementSchema = z
	.object({
		detail: z.enum(['facts', 'facts-feelings', 'everything'], { error: 'agreement_detail_required' }),
		offLimits: optionalText(TEXT_LIMITS.offLimits),
		timing: z.enum(['any-time', 'daily', 'weekly'], { error: 'agreement_timing_required' }),
		minutes: z
			.string()
			.optional()
			.transform((v) => (v ? v : undefined))
			.pipe(z.coerce.number<string | undefined>({ error: 'agreement_minutes_invalid' }).int({ error: 'agreement_minutes_invalid' }).min(5, { error: 'agreement_minutes_invalid' }).max(180, { error: 'agreement_minutes_invalid' }).optional())
			.transform((v) => v ?? null),
		timeOfDay: z
			.string()
			.optional()
			.transform((v) => (v ? v : undefined))
			.pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'agreement_time_invalid' }).optional())
			.transform((v) => v ?? null),
		timeoutWord: text(TEXT_LIMITS.timeoutWord, 'agreement_timeout_required'),
		note: optionalText(TEXT_LIMITS.agreementNote)
	})
	.superRefine((v, ctx) => {
		if (v.timing !== 'any-time' && v.minutes === null) ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'agreement_minutes_invalid' });
	});

export const entrySchema = z
	.object({
		fromDate: day('account_date_invalid'),
		toDate: optionalDay('account_date_invalid'),
		approximate: z
			.string()
			.optional()
			.transform((v) => v === 'on'),
		body: text(TEXT_LIMITS.accountEntry)
	})
	.superRefine((v, ctx) => {
		if (v.toDate && v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'account_period_order' });
	});

const uuidOrNone = z
	.string()
	.optional()
	.transform((v) => (v ? v : undefined))
	.pipe(z.string().regex(UUID, { error: 'not_found' }).optional())
	.transform((v) => v ?? null);

export const additionSchema = z
	.object({
		fromDate: day('account_date_invalid'),
		toDate: optionalDay('account_date_invalid'),
		approximate: z
			.string()
			.optional()
			.transform((v) => v === 'on'),
		body: text(TEXT_LIMITS.accountEntry),
		reason: text(TEXT_LIMITS.accountReason, 'account_reason_required'),
		correctsId: uuidOrNone
	})
	.superRefine((v, ctx) => {
		if (v.toDate && v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'account_period_order' });
	});

export const sendAccountSchema = z.object({ confirm: z.literal('on', { error: 'account_confirm_required' }) });

export const questionSchema = z.object({
	body: text(TEXT_LIMITS.question),
	about: z
		.enum(['', 'facts', 'why'], { error: 'question_about_invalid' })
		.optional()
		.transform((v) => (v ? v : null))
});

export const replySchema = z.object({ body: text(TEXT_LIMITS.reply) });
export const needTimeSchema = z.object({ until: day('need_time_day') });
