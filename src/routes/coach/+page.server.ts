import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listApologyDrafts, saveApologyVersion } from '$lib/server/apology/drafts';
import { actorOf } from '$lib/server/access/actor';
import { actionFailure, invalid, requireUser } from '$lib/server/http';
import { localizeHref } from '$lib/i18n';
import { analyzeAction, readApologyForm, ruleTitles } from './workspace.server';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const drafts = await listApologyDrafts(getDb(), actorOf(user));
	return {
		drafts: drafts.map((d) => ({ id: d.id, updatedAt: d.updatedAt.toISOString(), versions: d.versions, openPoints: d.openPoints, excerpt: d.excerpt })),
		ruleTitles: ruleTitles(event.locals.locale)
	};
};

export const actions: Actions = {
	analyze: analyzeAction,
	save: async (event) => {
		const user = requireUser(event);
		const input = readApologyForm(await event.request.formData());
		if (!input.ok) return invalid(input.errors, input.values);
		let draftId: string;
		try {
			({ draftId } = await saveApologyVersion(getDb(), actorOf(user), { body: input.body, lang: input.lang }));
		} catch (err) {
			return actionFailure(err, input.values);
		}
		redirect(303, localizeHref(`/coach/drafts/${draftId}?saved=1`));
	}
};
