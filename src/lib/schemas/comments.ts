import { z } from 'zod';
import { email } from './auth';
import { UUID, withoutControlCharacters, lineBreaks } from './text';
import { TEXT_LIMITS } from './limits';

/** As in couple.ts: the browser counts LF, a form post sends CRLF; store and count the LF form. */
/**
 * A comment under an article: name, e-mail and text are required, each with its own message.
 * `parentId` makes it a reply; `notify` asks for one e-mail once it is published.
 */
export const commentSchema = z.object({
	name: z
		.string({ error: 'comment_name_required' })
		.trim()
		.min(1, { error: 'comment_name_required' })
		.max(TEXT_LIMITS.commentName, { error: 'comment_name_too_long' })
		.refine(...withoutControlCharacters),
	email: z.string({ error: 'comment_email_required' }).trim().min(1, { error: 'comment_email_required' }).pipe(email),
	body: z
		.string({ error: 'comment_body_required' })
		.overwrite(lineBreaks)
		.trim()
		.min(1, { error: 'comment_body_required' })
		.max(TEXT_LIMITS.comment, { error: 'text_too_long' })
		.refine(...withoutControlCharacters),
	parentId: z
		.string()
		.regex(UUID, { error: 'comment_reply_invalid' })
		.optional()
		.or(z.literal('').transform(() => undefined)),
	notify: z.literal('on').optional()
});

export type CommentInput = z.infer<typeof commentSchema>;

/** The moderation queue's bulk form: one or more comment ids and the decision. */
export const moderationSchema = z.object({
	ids: z.array(z.string().regex(UUID, { error: 'comment_select' }), { error: 'comment_select' }).min(1, { error: 'comment_select' }).max(200, { error: 'comment_select' })
});
