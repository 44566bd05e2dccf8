import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { addContactEntry, answerContactQuestion, askContactQuestion, contactLogPage } from '$lib/server/trust/contact-log';
import { dayKeysetCursorSchema, formatDayCursor } from '$lib/schemas/cursor';
import { pageLinks } from '$lib/server/page-links';
import { dayOf } from '$lib/server/trust/days';
import { contactAnswerSchema, contactEndedSchema, contactQuestionSchema, contactSchema } from '$lib/schemas/trust';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	// A cursor that cannot be read shows the newest entries.
	const before = dayKeysetCursorSchema.parse(event.url.searchParams.get('before'));
	const { entries, older } = await contactLogPage(getDb(), actorOf(user), before);
	return {
		logPages: pageLinks('before', older && formatDayCursor(older), before && formatDayCursor(before), 'log'),
		repairing: user.role === 'repairing',
		inCouple: !!user.coupleId,
		today: dayOf(new Date()),
		formKey: newFormKey(),
		entries: entries.map((e) => ({
			id: e.id,
			mine: e.mine,
			current: e.current,
			kind: e.kind,
			day: e.day,
			channel: e.channel,
			initiatedBy: e.initiatedBy,
			planned: e.planned,
			reason: e.reason,
			said: e.said,
			questions: e.questions.map((q) => ({ id: q.id, askedByMe: q.askedByMe, question: q.question, answer: q.answer }))
		}))
	};
};

const values = (form: FormData, keys: string[]) => Object.fromEntries(keys.map((k) => [k, String(form.get(k) ?? '')]));

export const actions: Actions = {
	ended: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = { form: 'ended', ...values(form, ['day', 'reason']) };
		const parsed = parseForm(contactEndedSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await addContactEntry(getDb(), actorOf(user), { kind: 'ended', ...parsed.data }, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { added: true };
	},
	contact: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = { form: 'contact', ...values(form, ['day', 'channel', 'initiatedBy', 'planned', 'reason', 'said']) };
		const parsed = parseForm(contactSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await addContactEntry(getDb(), actorOf(user), { kind: 'contact', ...parsed.data }, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { added: true };
	},
	ask: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = { form: `ask-${String(form.get('entry') ?? '')}`, question: String(form.get('question') ?? '') };
		const parsed = parseForm(contactQuestionSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await askContactQuestion(getDb(), actorOf(user), parsed.data.entry, parsed.data.question, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { asked: true };
	},
	answer: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = { form: `answer-${String(form.get('id') ?? '')}`, answer: String(form.get('answer') ?? '') };
		const parsed = parseForm(contactAnswerSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await answerContactQuestion(getDb(), actorOf(user), parsed.data.id, parsed.data.answer);
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { answered: true };
	}
};
