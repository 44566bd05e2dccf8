import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { currentAgreement } from '$lib/server/agreements/agreements';
import { askQuestion, questionsPage } from '$lib/server/talk/questions';
import { formatCursor, keysetCursorSchema } from '$lib/schemas/cursor';
import { pageLinks } from '$lib/server/page-links';
import { partnerOf } from '$lib/server/couple/membership';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { questionSchema } from '$lib/schemas/talk';
import { localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const actor = actorOf(user);
	const partner = await partnerOf(db, user.id);
	// A cursor that cannot be read shows the newest answered questions.
	const answeredBefore = keysetCursorSchema.parse(event.url.searchParams.get('answeredBefore'));
	const [agreement, questions] = await Promise.all([currentAgreement(db, actor), questionsPage(db, actor, answeredBefore)]);
	const iso = <T extends { createdAt: Date }>(q: T) => ({ ...q, createdAt: q.createdAt.toISOString() });
	return {
		role: user.role,
		partnerName: partner?.displayName ?? null,
		agreement: agreement && { detail: agreement.detail, offLimits: agreement.offLimits, timing: agreement.timing, minutes: agreement.minutes, timeOfDay: agreement.timeOfDay, timeoutWord: agreement.timeoutWord, note: agreement.note },
		open: questions.open.map(iso),
		answered: questions.answered.map(iso),
		answeredPages: pageLinks('answeredBefore', questions.olderAnswered && formatCursor(questions.olderAnswered), answeredBefore && formatCursor(answeredBefore), 'answered'),
		formKey: newFormKey()
	};
};

export const actions: Actions = {
	ask: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = { body: String(form.get('body') ?? ''), about: String(form.get('about') ?? '') };
		const parsed = parseForm(questionSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		let id: string;
		try {
			({ id } = await askQuestion(getDb(), actorOf(user), parsed.data, formKeyOf(form)));
		} catch (err) {
			return actionFailure(err, values);
		}
		redirect(303, localizeHref(`/talk/questions/${id}?asked=1`));
	}
};
