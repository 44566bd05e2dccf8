import { describe, expect, it } from 'vitest';
import { MAX_APOLOGY_LENGTH } from '$lib/coach';
import { TEXT_LIMITS } from './limits';
import { apologyTextSchema } from './apology';
import { letterSchema, needSchema, paceSchema, reflectionSchema } from './couple';
import { commentSchema } from './comments';

describe('text limits shown in the browser', () => {
	it('are the limits the server enforces, to the character', () => {
		expect(TEXT_LIMITS.apology).toBe(MAX_APOLOGY_LENGTH);
		const at = (n: number) => 'a'.repeat(n);
		const cases = [
			[letterSchema, TEXT_LIMITS.letter, (s: string) => ({ body: s })],
			[reflectionSchema, TEXT_LIMITS.reflection, (s: string) => ({ body: s })],
			[needSchema, TEXT_LIMITS.need, (s: string) => ({ body: s })],
			[paceSchema, TEXT_LIMITS.paceNote, (s: string) => ({ status: 'space', note: s })],
			[apologyTextSchema, TEXT_LIMITS.apology, (s: string) => ({ body: s })],
			[commentSchema, TEXT_LIMITS.comment, (s: string) => ({ name: 'Sam', email: 'sam@example.org', body: s })],
			[commentSchema, TEXT_LIMITS.commentName, (s: string) => ({ name: s, email: 'sam@example.org', body: 'Dank je.' })]
		] as const;
		for (const [schema, max, input] of cases) {
			expect(schema.safeParse(input(at(max))).success, `${max}`).toBe(true);
			expect(schema.safeParse(input(at(max + 1))).success, `${max + 1}`).toBe(false);
		}
	});
});
