import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { actionFailure, raise, requireUser } from '$lib/server/http';
import { deleteSelfTestResult, getSelfTestResult } from '$lib/server/selftest/results';
import { localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** One saved result, for its owner only (anyone else gets the same 404 as for a missing one). */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	try {
		const saved = await getSelfTestResult(getDb(), actorOf(user), event.params.id);
		return { result: saved.result, createdAt: saved.createdAt.toISOString(), justSaved: event.url.searchParams.has('saved') };
	} catch (err) {
		raise(err);
	}
};

export const actions: Actions = {
	delete: async (event) => {
		const user = requireUser(event);
		try {
			await deleteSelfTestResult(getDb(), actorOf(user), event.params.id);
		} catch (err) {
			return actionFailure(err);
		}
		redirect(303, localizeHref('/self-test?deleted=1'));
	}
};
