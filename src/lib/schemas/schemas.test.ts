import { describe, expect, it } from 'vitest';
import { signUpSchema } from './auth';
import { apologyTextSchema } from './apology';
import { idSchema, letterSchema, needSchema, paceSchema, reflectionSchema } from './couple';
import { hasControlCharacters } from './text';

const codes = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.error?.issues ?? []).map((i) => i.message);

describe('shared input schemas', () => {
	it('refuse control characters in every stored text, but keep tabs and line breaks', () => {
		const bad = 'voor\u0000na';
		expect(codes(letterSchema.safeParse({ body: bad }))).toEqual(['text_invalid_characters']);
		expect(codes(needSchema.safeParse({ body: bad }))).toEqual(['text_invalid_characters']);
		expect(codes(reflectionSchema.safeParse({ body: 'a\u001bb' }))).toEqual(['text_invalid_characters']);
		expect(codes(paceSchema.safeParse({ status: 'space', note: bad }))).toEqual(['text_invalid_characters']);
		expect(codes(apologyTextSchema.safeParse({ body: bad }))).toEqual(['text_invalid_characters']);
		expect(codes(signUpSchema.safeParse({ displayName: bad, email: 'a@example.org', password: 'long enough pass', adult: 'on', consent: 'on' }))).toEqual(['text_invalid_characters']);
		expect(letterSchema.safeParse({ body: 'regel één\n\tregel twee\r\n' }).success).toBe(true);
		expect(hasControlCharacters('gewoon “tekst” — met é en 🙂')).toBe(false);
	});

	it('count line breaks as the browser does: a CRLF form post fits the limit its field showed', () => {
		// 19,999 characters in the browser (LF), 20,198 as a form post sends them (CRLF).
		const typed = Array.from({ length: 200 }, () => 'a'.repeat(99)).join('\n');
		expect(typed.length).toBe(19_999);
		const posted = typed.replaceAll('\n', '\r\n');
		expect(posted.length).toBeGreaterThan(20_000);
		for (const schema of [letterSchema, reflectionSchema]) {
			const parsed = schema.safeParse({ body: posted });
			expect(parsed.success).toBe(true);
			expect(parsed.data?.body).toBe(typed);
		}
		expect(paceSchema.safeParse({ status: 'space', note: 'een\r\ntwee' }).data?.note).toBe('een\ntwee');
	});

	it('accept only UUIDs as item ids', () => {
		expect(idSchema.safeParse({ id: '0b6f2a4e-3c1d-4e5f-9a7b-1c2d3e4f5a6b' }).success).toBe(true);
		for (const id of ['', 'abc', '%00', '0b6f2a4e-3c1d-4e5f-9a7b-1c2d3e4f5a6b\u0000', "1' or '1'='1"]) {
			expect(codes(idSchema.safeParse({ id })), id).toEqual(['not_found']);
		}
	});
});
