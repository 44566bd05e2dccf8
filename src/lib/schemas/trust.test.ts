import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from './limits';
import { acceptRequestSchema, contactAnswerSchema, contactQuestionSchema, contactSchema, declineRequestSchema, memorySchema, offerMeasureSchema, safetyCheckSchema, trustCheckinSchema } from './trust';

const today = new Date().toISOString().slice(0, 10);
const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const id = '0b6f2a4e-3c1d-4e5f-9a7b-1c2d3e4f5a6b';
const codes = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.error?.issues ?? []).map((i) => i.message);

describe('trust input schemas', () => {
	it('hold the text limits the fields show, to the character', () => {
		const at = (n: number) => 'a'.repeat(n);
		const cases = [
			[(s: string) => trustCheckinSchema.safeParse({ day: today, trust: '5', safety: '5', connection: '5', helped: s }), TEXT_LIMITS.trustNote],
			[(s: string) => contactSchema.safeParse({ day: today, channel: 'call', initiatedBy: 'me', planned: 'no', said: s }), TEXT_LIMITS.contactText],
			[(s: string) => contactQuestionSchema.safeParse({ entry: id, question: s }), TEXT_LIMITS.contactQuestion],
			[(s: string) => contactAnswerSchema.safeParse({ id, answer: s }), TEXT_LIMITS.contactAnswer],
			[(s: string) => offerMeasureSchema.safeParse({ kind: 'other', boundaries: s, endsOn: soon }), TEXT_LIMITS.boundaries],
			[(s: string) => acceptRequestSchema.safeParse({ id, boundaries: 'b', details: s, endsOn: soon }), TEXT_LIMITS.measureDetails],
			[(s: string) => declineRequestSchema.safeParse({ id, reason: s }), TEXT_LIMITS.declineReason],
			[(s: string) => memorySchema.safeParse({ day: today, body: s }), TEXT_LIMITS.memory]
		] as const;
		for (const [parse, max] of cases) {
			expect(parse(at(max)).success, `${max}`).toBe(true);
			expect(codes(parse(at(max + 1))), `${max + 1}`).toEqual(['text_too_long']);
		}
	});

	it('refuse impossible days, future days, scores outside 0–10 and unknown choices with a code', () => {
		const checkin = (over: Record<string, string>) => codes(trustCheckinSchema.safeParse({ day: today, trust: '5', safety: '5', connection: '5', ...over }));
		expect(checkin({})).toEqual([]);
		expect(checkin({ day: '2026-02-30' })).toEqual(['day_invalid']);
		expect(checkin({ day: 'yesterday' })).toEqual(['day_invalid']);
		expect(checkin({ day: '2999-01-01' })).toEqual(['day_in_future']);
		expect(checkin({ trust: '11' })).toEqual(['score_invalid']);
		expect(checkin({ trust: '4.5' })).toEqual(['score_invalid']);
		expect(checkin({ trust: 'abc' })).toEqual(['score_invalid']);
		expect(checkin({ helped: 'a\u0000b' })).toEqual(['text_invalid_characters']);
		expect(codes(offerMeasureSchema.safeParse({ kind: 'other', boundaries: 'b', endsOn: '2000-01-01' }))).toEqual(['day_in_past']);
		expect(codes(offerMeasureSchema.safeParse({ kind: 'other', boundaries: 'b', endsOn: '2999-01-01' }))).toEqual(['end_day_too_far']);
		expect(codes(offerMeasureSchema.safeParse({ kind: 'spyware', boundaries: 'b', endsOn: soon }))).toEqual(['choice_required']);
		expect(codes(safetyCheckSchema.safeParse({ afraid: 'no', controlled: 'no', threatened: 'no' }))).toEqual(['choice_required']);
		expect(memorySchema.safeParse({ day: today, body: 'x', feeling: '' }).data?.feeling).toBeNull();
		expect(codes(memorySchema.safeParse({ day: today, body: 'x', feeling: 'angry' }))).toEqual(['choice_required']);
	});
});
