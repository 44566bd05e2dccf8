import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { getMyRestitution, listEarlierRestitutions, openPointLetter, pointsToAnswer, readReceivedImpact, sendRestitutionVersion } from '$lib/server/letters/points';
import { checkAnswers, saveRestitutionWithCoach } from '$lib/server/letters/coach';
import { limitAnalysis } from '$lib/server/coach/analyze';
import { partnerIn } from '$lib/server/couple/membership';
import { readPartnerStatus } from '$lib/server/couple/pace';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { MAX_POINTS, restitutionAnswersSchema, restitutionTargetSchema, sendRestitutionSchema } from '$lib/schemas/point-letters';
import { idSchema } from '$lib/schemas/couple';
import { errorText, localizeHref } from '$lib/i18n';
import { APP_TIME_ZONE } from '$lib/server/deeds/days';
import { RULE_INFO, type RuleId } from '$lib/coach';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/**
 * The restitution letter: the repairing partner answers the impact letter point by point
 * (issue 11, item 5). The points stand beside the editor; the coach reads every answer.
 */

/**
 * A refused hidden field (a letter or version that is not there) has no field on the page to show
 * its error at: it is said at the top of the form, in the reader's language.
 */
function refused(errors: Record<string, string>, values: Record<string, string> = {}) {
	return fail(400, { errors, message: Object.values(errors)[0], values });
}

/** Rule titles and summaries for the findings shown, in the reader's language. */
function rulesFor(ruleIds: (string[] | null)[], locale: 'nl' | 'en') {
	const ids = [...new Set(ruleIds.flatMap((r) => r ?? []))] as RuleId[];
	return Object.fromEntries(ids.filter((id) => RULE_INFO[id]).map((id) => [id, { title: RULE_INFO[id][locale].title, summary: RULE_INFO[id][locale].summary }]));
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	const db = getDb();
	const actor = actorOf(user);
	const partner = await partnerIn(db, actor);
	const [impact, partnerPace] = await Promise.all([readReceivedImpact(db, actor), partner ? readPartnerStatus(db, actor, partner) : null]);
	const [mine, earlier] = await Promise.all([impact?.opened ? getMyRestitution(db, actor, impact.letterId) : null, listEarlierRestitutions(db, actor, impact?.letterId ?? null)]);
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
		// Answers to an earlier impact letter, kept when a newer one arrived: shown so nothing seems lost.
		earlier: earlier.map((e) => ({ impactSentAt: e.impactSentAt?.toISOString() ?? null, savedAt: e.savedAt.toISOString(), number: e.number, state: e.state, items: e.items })),
		timeZone: APP_TIME_ZONE,
		formKey: newFormKey()
	};
};

/** The impact letter answered and one answer per point (`answer-1` …), as typed. */
async function readAnswers(event: RequestEvent) {
	const user = requireUser(event);
	const form = await event.request.formData();
	const target = parseForm(restitutionTargetSchema, form);
	// Never more answers than an impact letter can have points.
	const count = Math.min(MAX_POINTS, Number(form.get('count')) || 0);
	const raw = Array.from({ length: count }, (_, i) => {
		const v = form.get(`answer-${i + 1}`);
		return typeof v === 'string' ? v : '';
	});
	const values = { answers: JSON.stringify(raw) };
	if (!target.ok) return { ok: false as const, user, form, failure: refused(target.errors, values) };
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
		if (!parsed.ok) return refused(parsed.errors);
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
			const { number } = await saveRestitutionWithCoach(getDb(), actorOf(input.user), { impactLetterId: input.impactLetterId, answers: input.answers });
			return { saved: number };
		} catch (err) {
			return actionFailure(err, input.values);
		}
	},
	send: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(sendRestitutionSchema, form);
		if (!parsed.ok) return refused(parsed.errors);
		try {
			const { waiting } = await sendRestitutionVersion(getDb(), actorOf(user), parsed.data.impactLetterId, parsed.data.number, formKeyOf(form));
			return { sent: true, waiting };
		} catch (err) {
			return actionFailure(err);
		}
	}
};
