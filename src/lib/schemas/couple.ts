import { z } from 'zod';
import { email } from './auth';
import { UUID, withoutControlCharacters, requiredText as text, lineBreaks } from './text';
import { TEXT_LIMITS } from './limits';

/**
 * A form post sends a text area's line breaks as CRLF, while the browser counts its value with LF;
 * storing and counting the LF form keeps the server's limit exactly the one the field shows.
 */
export const inviteEmailSchema = z.object({ email, token: z.string({ error: 'invitation_invalid' }).min(20, { error: 'invitation_invalid' }).max(200, { error: 'invitation_invalid' }) });
export const letterSchema = z.object({ body: text(TEXT_LIMITS.letter) });
export const paceSchema = z.object({
	// 'none' clears the status: the one who set it can always take it back.
	status: z.enum(['none', 'space', 'ready-to-read', 'ready-to-talk'], { error: 'status_required' }),
	note: z
		.string()
		.overwrite(lineBreaks)
		.trim()
		.max(TEXT_LIMITS.paceNote, { error: 'text_too_long' })
		.refine(...withoutControlCharacters)
		.optional()
});
export const needSchema = z.object({ body: text(TEXT_LIMITS.need) });
export const idSchema = z.object({ id: z.string({ error: 'not_found' }).regex(UUID, { error: 'not_found' }) });
export const reflectionSchema = z.object({ body: text(TEXT_LIMITS.reflection) });
export const newReflectionSchema = z.object({
	prompt: z.enum(['why-it-happened', 'my-part', 'what-i-change', 'what-we-learnt', 'our-relationship', 'parting-well'], { error: 'prompt_required' }),
	body: text(TEXT_LIMITS.reflection)
});
export const sendVersionSchema = z.object({ version: z.coerce.number({ error: 'not_found' }).int({ error: 'not_found' }).min(1, { error: 'not_found' }) });
