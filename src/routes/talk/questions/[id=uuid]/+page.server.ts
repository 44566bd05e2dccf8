import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { askForTime, getThread, isoDay, NEED_TIME_MAX_DAYS, replyToQuestion } from '$lib/server/talk/questions';
import { mentionsIntimateDetail } from '$lib/server/talk/guidance';
import { partnerOf } from '$lib/server/couple/membership';
import { actionFailure, invalid, parseForm, raise, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { needTimeSchema, replySchema } from '$lib/schemas/talk';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const thread = await getThread(db, actorOf(user), event.params.id).catch(raise);
	const partner = await partnerOf(db, user.id);
	const now = new Date();
	return {
		partnerName: partner?.displayName ?? null,
		// The thread is closed when the couple it belongs to has ended.
		open: !!partner && thread.current,
		question: {
			id: thread.id,
			about: thread.about,
			body: thread.body,
			createdAt: thread.createdAt.toISOString(),
			mine: thread.mine,
			state: thread.state,
			needTimeUntil: thread.needTimeUntil,
			replies: thread.replies.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))
		},
		firstDay: isoDay(now),
		lastDay: isoDay(new Date(now.getTime() + NEED_TIME_MAX_DAYS * 86_400_000)),
		formKey: newFormKey()
	};
};

export const actions: Actions = {
	reply: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = { body: String(form.get('body') ?? '') };
		const parsed = parseForm(replySchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await replyToQuestion(getDb(), actorOf(user), event.params.id, parsed.data.body, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, values);
		}
		return { replied: true, intimate: await mentionsIntimateDetail(parsed.data.body, `user:${user.id}`) };
	},
	needTime: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = { until: String(form.get('until') ?? '') };
		const parsed = parseForm(needTimeSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await askForTime(getDb(), actorOf(user), event.params.id, parsed.data.until);
		} catch (err) {
			return actionFailure(err, values);
		}
		return { timeAsked: true };
	}
};
