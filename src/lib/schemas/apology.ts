import { z } from 'zod';
import { MAX_APOLOGY_LENGTH } from '$lib/coach/limits';
import { withoutControlCharacters } from './text';

export const apologyTextSchema = z.object({
	body: z
		.string({ error: 'apology_empty' })
		.refine((s) => s.trim().length > 0, { error: 'apology_empty' })
		.refine((s) => s.length <= MAX_APOLOGY_LENGTH, { error: 'apology_too_long' })
		.refine(...withoutControlCharacters),
	lang: z.enum(['nl', 'en', 'auto'], { error: 'apology_lang_invalid' }).optional()
});
