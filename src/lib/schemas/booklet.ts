import { z } from 'zod';
import { email } from './auth';

/**
 * The booklet sign-up: an e-mail address and a separate, unticked box for occasional e-mails.
 * `website` is the honeypot: hidden from people, filled in by form-filling robots.
 */
export const bookletSignUpSchema = z.object({
	email,
	updates: z.literal('on', { error: 'booklet_updates_invalid' }).optional(),
	website: z.string().max(500).optional()
});

/** The secret in a link from the booklet e-mail. */
export const bookletTokenSchema = z.object({
	token: z.string({ error: 'booklet_link_invalid' }).min(20, { error: 'booklet_link_invalid' }).max(200, { error: 'booklet_link_invalid' }).regex(/^[\w-]+$/, { error: 'booklet_link_invalid' })
});
