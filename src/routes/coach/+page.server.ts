import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listApologyDrafts } from '$lib/server/apology/drafts';
import { actorOf } from '$lib/server/access/actor';
import { requireUser } from '$lib/server/http';
import { newFormKey } from '$lib/server/forms/once';
import { analyzeAction, ruleTitles, saveAction } from './workspace.server';

// Plain HTML and forms; the page script adds the rest, the live editor included (docs/decisions/024).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const drafts = await listApologyDrafts(getDb(), actorOf(user));
	return {
		drafts: drafts.map((d) => ({ id: d.id, updatedAt: d.updatedAt.toISOString(), versions: d.versions, openPoints: d.openPoints, excerpt: d.excerpt })),
		ruleTitles: ruleTitles(event.locals.locale),
		formKey: newFormKey()
	};
};

export const actions: Actions = {
	analyze: analyzeAction,
	save: (event) => saveAction(event)
};
