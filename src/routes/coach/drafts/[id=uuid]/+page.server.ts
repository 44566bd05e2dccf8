import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { deleteApologyDraft, getApologyDraft } from '$lib/server/apology/drafts';
import { actorOf } from '$lib/server/access/actor';
import { sendApologyVersion, sentVersionsOf } from '$lib/server/couple/letters';
import { partnerIn } from '$lib/server/couple/membership';
import { readPartnerStatus } from '$lib/server/couple/pace';
import { actionFailure, invalid, parseForm, raise, requireUser } from '$lib/server/http';
import { sendVersionSchema } from '$lib/schemas/couple';
import { localizeHref } from '$lib/i18n';
import { newFormKey } from '$lib/server/forms/once';
import { analyzeAction, analyzeForPage, ruleTitles, saveAction } from '../../workspace.server';

// Plain HTML and forms; the page script adds the rest, the live editor included (docs/decisions/024).
export const csr = false;

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
		// Kept when the version was saved; only versions saved before that are analysed again.
		analysis: shown.analysis ?? (await analyzeForPage(shown.body, shown.language, user.id)),
		history: draft.versions.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString(), openPoints: v.ruleIds.length, ruleIds: v.ruleIds })),
		ruleTitles: ruleTitles(event.locals.locale),
		inCouple: !!user.coupleId,
		formKey: newFormKey(),
		...(await sendingState(user, draft.id))
	};
};

/** Which versions already reached the partner (shown as sent, never offered again), and whether the partner asked for space. */
async function sendingState(user: Parameters<typeof actorOf>[0], draftId: string) {
	const db = getDb();
	const sent = Object.fromEntries(await sentVersionsOf(db, actorOf(user), draftId));
	const partner = await partnerIn(db, actorOf(user));
	const status = partner ? await readPartnerStatus(db, actorOf(user), partner) : null;
	return { sent, partnerSpace: status?.status === 'space' };
}

export const actions: Actions = {
	analyze: analyzeAction,
	save: (event) => saveAction(event, event.params.id),
	send: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(sendVersionSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		let sent;
		try {
			sent = await sendApologyVersion(getDb(), actorOf(user), event.params.id, parsed.data.version);
		} catch (err) {
			return actionFailure(err);
		}
		return { sentVersion: parsed.data.version, waiting: sent.waiting };
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
