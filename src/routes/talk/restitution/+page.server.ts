import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { getMyRestitution, openPointLetter, pointsToAnswer, readReceivedImpact, saveRestitutionVersion, sendRestitutionVersion } from '$lib/server/letters/points';
import { checkAnswers } from '$lib/server/letters/coach';
import { limitAnalysis } from '$lib/server/coach/analyze';
import { partnerIn } from '$lib/server/couple/membership';
import { readPartnerStatus } from '$lib/server/couple/pace';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { restitutionAnswersSchema, restitutionTargetSchema, sendRestitutionSchema } from '$lib/schemas/point-letters';
import { idSchema } from '$lib/schemas/couple';
import { errorText } from '$lib/i18n';
import { RULE_INFO, type RuleId } from '$lib/coach';

/**
 * The restitution letter: the repairing partner answers the impact letter point by point
 * (issue 11, item 5). The points stand beside the editor; the coach reads every answer.
 */

/** Rule titles and summaries for the findings shown, in the reader's language. */
function rulesFor(ruleIds: (string[] | null)[], locale: 'nl' | 'en') {
	const ids = [...new Set(ruleIds.flatMap((r) => r ?? []))] as RuleId[];
	return Object.fromEntries(ids.filter((id) => RULE_INFO[id]).map((id) => [id, { title: RULE_INFO[id][locale].title, summary: RULE_INFO[id][locale].summary }]));
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const actor = actorOf(user);
	const partner = await partnerIn(db, actor);
	const [impact, partnerPace] = await Promise.all([readReceivedImpact(db, actor), partner ? readPartnerStatus(db, actor, partner) : null]);
	const mine = impact?.opened ? await getMyRestitution(db, actor, impact.letterId) : null;
	const latest = mine?.thread?.versions[0] ?? null;
	return {
		partnerName: partner?.displayName ?? null,
		partnerInSpace: partnerPace?.status === 'space',
		impact: impact && { letterId: impact.letterId, sentAt: impact.sentAt.toISOString(), opened: impact.opened },
		points: mine?.points ?? null,
		latest: latest && { number: latest.number, answers: latest.points, ruleIds: latest.ruleIds, state: latest.state },
		versions: (mine?.thread?.versions ?? []).map((v) => ({ number: v.number, savedAt: v.createdAt.toISOString(), state: v.state })),
		unanswered: mine?.unanswered ?? [],
		rules: rulesFor(latest?.ruleIds ?? [], event.locals.locale),
		formKey: newFormKey()
	};
};

/** The impact letter answered and one answer per point (`answer-1` …), as typed. */
async function readAnswers(event: RequestEvent) {
	const user = requireUser(event);
	const form = await event.request.formData();
	const target = parseForm(restitutionTargetSchema, form);
	const count = Math.min(50, Number(form.get('count')) || 0);
	const raw = Array.from({ length: count }, (_, i) => {
		const v = form.get(`answer-${i + 1}`);
		return typeof v === 'string' ? v : '';
	});
	const values = { answers: JSON.stringify(raw) };
	if (!target.ok) return { ok: false as const, user, form, failure: invalid(target.errors, values) };
	const parsed = restitutionAnswersSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const field = typeof issue.path[0] === 'number' ? `answer-${issue.path[0] + 1}` : 'answers';
		return { ok: false as const, user, form, failure: invalid({ [field]: errorText(issue.message) }, values) };
	}
	return { ok: true as const, user, form, impactLetterId: target.data.impactLetterId, answers: parsed.data, values };
}

export const actions: Actions = {
	open: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await openPointLetter(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { opened: true };
	},
	/** "Check without saving": the coach reads every answer; nothing is stored. */
	check: async (event) => {
		const input = await readAnswers(event);
		if (!input.ok) return input.failure;
		try {
			// Only answers to a letter the actor may answer are read; anything else does not exist.
			await pointsToAnswer(getDb(), actorOf(input.user), input.impactLetterId);
			await limitAnalysis(getDb(), input.user.id);
			const ruleIds = await checkAnswers(input.answers, { userId: input.user.id });
			return { checked: true, values: input.values, ruleIds, rules: rulesFor(ruleIds, event.locals.locale) };
		} catch (err) {
			return actionFailure(err, input.values);
		}
	},
	/** Saves a new version; the coach's reading of each answer is kept with it. */
	save: async (event) => {
		const input = await readAnswers(event);
		if (!input.ok) return input.failure;
		try {
			const ruleIds = await checkAnswers(input.answers, { userId: input.user.id });
			const { number } = await saveRestitutionVersion(getDb(), actorOf(input.user), { impactLetterId: input.impactLetterId, answers: input.answers, ruleIds });
			return { saved: number };
		} catch (err) {
			return actionFailure(err, input.values);
		}
	},
	send: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(sendRestitutionSchema, form);
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			const { waiting } = await sendRestitutionVersion(getDb(), actorOf(user), parsed.data.impactLetterId, parsed.data.number, formKeyOf(form));
			return { sent: true, waiting };
		} catch (err) {
			return actionFailure(err);
		}
	}
};
