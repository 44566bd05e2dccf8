import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey, once } from '$lib/server/forms/once';
import { listSelfTestResults, saveSelfTestResult } from '$lib/server/selftest/results';
import { answersFromForm, selfTestRoleSchema } from '$lib/schemas/selftest';
import { isSelfTestRole, missingAnswers, scoreSelfTest } from '$lib/selftest/scoring';
import { localizeHref, m } from '$lib/i18n';

/**
 * The readiness self-test. Open to everyone; nothing is stored unless a signed-in person saves
 * the result. With JavaScript the page script scores the answers in the browser and sends nothing
 * (src/lib/page-script/self-test.ts, with the texts the page renders for it); without it, the
 * `result` action scores a plain form post and returns the profile, storing nothing.
 */
export const csr = false;

export const load: PageServerLoad = async ({ url, locals }) => {
	const role = url.searchParams.get('role');
	const user = locals.user;
	return {
		role: isSelfTestRole(role) ? role : null,
		signedIn: !!user,
		saved: user ? (await listSelfTestResults(getDb(), actorOf(user))).map((r) => ({ id: r.id, role: r.role, indicator: r.indicator, createdAt: r.createdAt.toISOString() })) : [],
		formKey: user ? newFormKey() : null,
		deleted: url.searchParams.has('deleted')
	};
};

export const actions: Actions = {
	result: async ({ request }) => {
		const form = await request.formData();
		const parsed = parseForm(selfTestRoleSchema, form);
		if (!parsed.ok) return invalid(parsed.errors);
		const role = parsed.data.role;
		const answers = answersFromForm(role, form);
		const missing = missingAnswers(role, answers);
		if (missing.length) return fail(400, { role, answers, missing, message: m.selftest_missing() });
		return { role, answers, result: scoreSelfTest(role, answers) };
	},
	save: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(selfTestRoleSchema, form);
		if (!parsed.ok) return invalid(parsed.errors);
		const role = parsed.data.role;
		const answers = answersFromForm(role, form);
		let id: string;
		try {
			// A double click saves one result: the form key finds the one the first click saved.
			({ id } = await once(getDb(), user.id, formKeyOf(form), 'self-test', async (tx) => (await saveSelfTestResult(tx, actorOf(user), { role, answers })).id));
		} catch (err) {
			return actionFailure(err);
		}
		redirect(303, localizeHref(`/self-test/saved/${id}?saved=1`));
	}
};
