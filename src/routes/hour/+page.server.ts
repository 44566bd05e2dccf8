import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { addHourNote, answerHour, deleteHourNote, getHour, setHourSlot, skipHour } from '$lib/server/hour/hour';
import { DEFAULT_TIME_ZONE, questionById, timeZones } from '$lib/server/hour/questions';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { hourAnswerText, hourNoteSchema, hourSlotSchema, hourWeekSchema } from '$lib/schemas/hour';
import { UUID } from '$lib/schemas/text';
import { notFound } from '$lib/server/errors';
import { errorText, getLocale } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

const questionText = (id: string) => {
	const q = questionById(id);
	return q ? (getLocale() === 'en' ? q.en : q.nl) : '';
};

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const hour = await getHour(getDb(), actorOf(user));
	const answers = (list: { question: string; text: string }[]) => list.map((a) => ({ question: questionText(a.question), text: a.text }));
	// Only listed fields: the partner's answers are here only once both have answered this week.
	return {
		inCouple: hour.inCouple,
		partnerName: hour.partnerName,
		slot: hour.slot,
		defaultTimeZone: DEFAULT_TIME_ZONE,
		timeZones: timeZones(),
		week: hour.week,
		questions: hour.questions.map((q) => ({ id: q.id, text: questionText(q.id) })),
		mine: hour.mine ? { skipped: hour.mine.skipped, answers: Object.fromEntries(hour.mine.answers.map((a) => [a.question, a.text])) } : null,
		mineShown: hour.mine ? answers(hour.mine.answers) : [],
		partner: hour.partner ? answers(hour.partner) : null,
		notes: hour.notes.map((n) => ({ id: n.id, body: n.body, mine: n.mine, shared: n.shared, createdAt: n.createdAt.toISOString() })),
		formKey: newFormKey()
	};
};

export const actions: Actions = {
	slot: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = { weekday: String(form.get('weekday') ?? ''), time: String(form.get('time') ?? ''), timeZone: String(form.get('timeZone') ?? '') };
		const parsed = parseForm(hourSlotSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await setHourSlot(getDb(), actorOf(user), parsed.data);
		} catch (err) {
			return actionFailure(err, values);
		}
		return { slotSaved: true };
	},
	answer: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values: Record<string, string> = {};
		const errors: Record<string, string> = {};
		const answers: { question: string; text: string | null }[] = [];
		for (const [key, value] of form.entries()) {
			if (!key.startsWith('answer_') || typeof value !== 'string') continue;
			const question = key.slice('answer_'.length);
			values[key] = value;
			const parsed = hourAnswerText.safeParse(value);
			if (parsed.success) answers.push({ question, text: parsed.data });
			else errors[key] = errorText(parsed.error.issues[0]?.message ?? 'generic');
		}
		const week = hourWeekSchema.safeParse(form.get('week'));
		if (!week.success) errors.form = errorText('hour_week_changed');
		if (Object.keys(errors).length) return invalid(errors, values);
		try {
			await answerHour(getDb(), actorOf(user), { week: week.data!, answers });
		} catch (err) {
			return actionFailure(err, values);
		}
		return { answered: true };
	},
	skip: async (event) => {
		const user = requireUser(event);
		try {
			await skipHour(getDb(), actorOf(user));
		} catch (err) {
			return actionFailure(err);
		}
		return { skipped: true };
	},
	note: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = { body: String(form.get('body') ?? ''), shared: String(form.get('shared') ?? '') };
		const parsed = parseForm(hourNoteSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await addHourNote(getDb(), actorOf(user), parsed.data, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, values);
		}
		return { noted: true };
	},
	deleteNote: async (event) => {
		const user = requireUser(event);
		const id = String((await event.request.formData()).get('id') ?? '');
		try {
			if (!UUID.test(id)) throw notFound();
			await deleteHourNote(getDb(), actorOf(user), id);
		} catch (err) {
			return actionFailure(err);
		}
		return { noteDeleted: true };
	}
};
