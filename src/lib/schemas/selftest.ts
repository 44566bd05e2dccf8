import { z } from 'zod';
import { QUESTIONS, type Answers, type SelfTestRole } from '$lib/selftest/scoring';

/** Who the self-test is for; the answers themselves are checked by the scoring module. */
export const selfTestRoleSchema = z.object({
	role: z.enum(['repairing', 'hurt'], { error: 'selftest_role' })
});

/** The posted answers to this role's questions, as strings (unknown values are left to scoring). */
export function answersFromForm(role: SelfTestRole, form: FormData): Answers {
	const answers: Answers = {};
	for (const q of QUESTIONS[role]) {
		const value = form.get(q.id);
		if (typeof value === 'string' && value.length <= 40) answers[q.id] = value;
	}
	return answers;
}
