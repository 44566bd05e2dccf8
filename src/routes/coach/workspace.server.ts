import { analyzeApology, RULE_IDS, RULE_INFO, type CoachLanguage } from '$lib/coach';
import { apologyTextSchema } from '$lib/schemas/apology';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { saveApologyVersion } from '$lib/server/apology/drafts';
import { formKeyOf, once } from '$lib/server/forms/once';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { localizeHref } from '$lib/i18n';

/** What both workspace pages share: rule titles in the reader's language, the no-JS check and saving. */
export function ruleTitles(locale: 'nl' | 'en') {
	return Object.fromEntries(RULE_IDS.map((id) => [id, RULE_INFO[id][locale].title]));
}

export function readApologyForm(form: FormData) {
	const body = String(form.get('body') ?? '');
	const langField = String(form.get('lang') ?? 'auto');
	const parsed = parseForm(apologyTextSchema, form);
	// Echo the text back on every failure, so nothing typed is lost.
	const values = { body, lang: ['nl', 'en'].includes(langField) ? langField : 'auto' };
	if (!parsed.ok) return { ok: false as const, errors: parsed.errors, values };
	const lang = parsed.data.lang && parsed.data.lang !== 'auto' ? (parsed.data.lang as CoachLanguage) : undefined;
	return { ok: true as const, body: parsed.data.body, lang, values };
}

/** The "check without saving" action both workspace pages share: analyses, stores nothing. */
export async function analyzeAction(event: RequestEvent) {
	requireUser(event);
	const input = readApologyForm(await event.request.formData());
	if (!input.ok) return invalid(input.errors, input.values);
	return { values: input.values, analysis: analyzeForPage(input.body, input.lang) };
}

export function analyzeForPage(body: string, lang?: CoachLanguage) {
	return analyzeApology(body, lang ? { lang } : {});
}

/** Saves a new version (of `draftId`, or of a new draft) and shows the draft; a refusal keeps the text. */
export async function saveAction(event: RequestEvent, draftId?: string) {
	const user = requireUser(event);
	const form = await event.request.formData();
	const input = readApologyForm(form);
	if (!input.ok) return invalid(input.errors, input.values);
	let saved: string;
	try {
		// A double click saves one version: the form key finds the draft the first click saved.
		({ id: saved } = await once(getDb(), user.id, formKeyOf(form), 'apology-version', async (tx) => (await saveApologyVersion(tx, actorOf(user), { draftId, body: input.body, lang: input.lang })).draftId));
	} catch (err) {
		return actionFailure(err, input.values);
	}
	redirect(303, localizeHref(`/coach/drafts/${saved}?saved=1`));
}
