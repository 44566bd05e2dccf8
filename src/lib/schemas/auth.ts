import { z } from 'zod';
import { withoutControlCharacters } from './text';

/**
 * Shared input schemas. Error texts are message-key suffixes (`error_<code>`), so the route can
 * show them in the user's language; the browser may use the same schemas.
 */
export const email = z
	.string({ error: 'email_invalid' })
	.trim()
	.toLowerCase()
	.max(254, { error: 'email_invalid' })
	.pipe(z.email({ error: 'email_invalid' }));

export const newPassword = z
	.string({ error: 'password_too_short' })
	.min(10, { error: 'password_too_short' })
	.max(200, { error: 'password_too_long' });

const checkbox = z.literal('on', { error: 'required' });

export const locale = z.enum(['nl', 'en']);

export const signUpSchema = z.object({
	displayName: z
		.string({ error: 'name_required' })
		.trim()
		.min(1, { error: 'name_required' })
		.max(60, { error: 'name_too_long' })
		.refine(...withoutControlCharacters),
	email,
	password: newPassword,
	adult: z.literal('on', { error: 'adult_required' }),
	consent: z.literal('on', { error: 'consent_required' })
});

export const signInSchema = z.object({
	email,
	password: z.string({ error: 'password_required' }).min(1, { error: 'password_required' }).max(200, { error: 'password_too_long' })
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({
	token: z.string({ error: 'reset_token_invalid' }).min(20, { error: 'reset_token_invalid' }).max(200, { error: 'reset_token_invalid' }),
	password: newPassword
});

export const changePasswordSchema = z.object({
	currentPassword: z.string({ error: 'password_required' }).min(1, { error: 'password_required' }).max(200, { error: 'password_too_long' }),
	newPassword
});

export const roleSchema = z.object({
	role: z.enum(['repairing', 'hurt'], { error: 'role_required' })
});

export const confirmPasswordSchema = z.object({
	password: z.string({ error: 'password_required' }).min(1, { error: 'password_required' }).max(200, { error: 'password_too_long' })
});

export { checkbox };
