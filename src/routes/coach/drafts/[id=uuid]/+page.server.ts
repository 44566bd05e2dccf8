import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { deleteApologyDraft, getApologyDraft } from '$lib/server/apology/drafts';
import { actorOf } from '$lib/server/access/actor';
import { sendApologyVersion } from '$lib/server/couple/letters';
import { actionFailure, invalid, parseForm, raise, requireUser } from '$lib/server/http';
import { sendVersionSchema } from '$lib/schemas/couple';
import { localizeHref } from '$lib/i18n';
import { analyzeAction, analyzeForPage, ruleTitles, saveAction } from '../../workspace.server';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	let draft;
	try {
		draft = await getApologyDraft(getDb(), actorOf(user), event.params.id);
	} catch (err) {
		raise(err);
	}
	const wanted = Number(event.url.searchParams.get('version'));
	const shown = draft.versions.find((v) => v.number === wanted) ?? draft.versions[0];
	return {
		id: draft.id,
		saved: event.url.searchParams.get('saved') === '1',
		shown: { number: shown.number, body: shown.body, language: shown.language, latest: shown.number === draft.versions[0].number },
		analysis: await analyzeForPage(shown.body, shown.language, user.id),
		history: draft.versions.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString(), openPoints: v.ruleIds.length, ruleIds: v.ruleIds })),
		ruleTitles: ruleTitles(event.locals.locale),
		inCouple: !!user.coupleId
	};
};

export const actions: Actions = {
	analyze: analyzeAction,
	save: (event) => saveAction(event, event.params.id),
	send: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(sendVersionSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await sendApologyVersion(getDb(), actorOf(user), event.params.id, parsed.data.version);
		} catch (err) {
			return actionFailure(err);
		}
		return { sentVersion: parsed.data.version };
	},
	delete: async (event) => {
		const user = requireUser(event);
		try {
			await deleteApologyDraft(getDb(), actorOf(user), event.params.id);
		} catch (err) {
			return actionFailure(err);
		}
		redirect(303, localizeHref('/coach'));
	}
};
