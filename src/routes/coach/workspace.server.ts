import { RULE_IDS, RULE_INFO, type AnalysisResult, type CoachLanguage } from '$lib/coach';
import { apologyTextSchema } from '$lib/schemas/apology';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { saveApologyVersion } from '$lib/server/apology/drafts';
import { formKeyOf, once } from '$lib/server/forms/once';
import { analyzeOffThread, limitAnalysis } from '$lib/server/coach/analyze';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { DomainError } from '$lib/server/errors';
import { localizeHref } from '$lib/i18n';

/** What both workspace pages share: rule titles in the reader's language, the no-JS check and saving. */
export function ruleTitles(locale: 'nl' | 'en') {
	return Object.fromEntries(RULE_IDS.map((id) => [id, RULE_INFO[id][locale].title]));
}

/**
 * Reads the text the way the browser holds it. A form post sends the text area's line breaks as
 * CRLF while the browser's own value (what the live coach analysed) has LF; storing the LF form
 * keeps the saved text, its offsets and its analysis identical to what the writer saw.
 */
export function readApologyForm(form: FormData) {
	const body = String(form.get('body') ?? '').replace(/\r\n?/g, '\n');
	form.set('body', body);
	const langField = String(form.get('lang') ?? 'auto');
	const parsed = parseForm(apologyTextSchema, form);
	// Echo the whole text back on every failure, so nothing typed is lost (the body size limit bounds it).
	const values = { body, lang: ['nl', 'en'].includes(langField) ? langField : 'auto' };
	if (!parsed.ok) return { ok: false as const, errors: parsed.errors, values };
	const lang = parsed.data.lang && parsed.data.lang !== 'auto' ? (parsed.data.lang as CoachLanguage) : undefined;
	return { ok: true as const, body: parsed.data.body, lang, values };
}

/** The "check without saving" action both workspace pages share: analyses, stores nothing. */
export async function analyzeAction(event: RequestEvent) {
	const user = requireUser(event);
	const input = readApologyForm(await event.request.formData());
	if (!input.ok) return invalid(input.errors, input.values);
	try {
		const admit = () => limitAnalysis(getDb(), user.id);
		return { values: input.values, analysis: await analyzeOffThread(input.body, { lang: input.lang, owner: `user:${user.id}`, admit }) };
	} catch (err) {
		return actionFailure(err, input.values);
	}
}

/** The analysis a page shows when it loads; `null` (the browser's coach takes over) when the pool is full. */
export async function analyzeForPage(body: string, lang: CoachLanguage | undefined, userId: string): Promise<AnalysisResult | null> {
	try {
		return await analyzeOffThread(body, { lang, owner: `user:${userId}` });
	} catch (err) {
		if (err instanceof DomainError) return null;
		throw err;
	}
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
		const analysis = await analyzeOffThread(input.body, { lang: input.lang, owner: `user:${user.id}` });
		({ id: saved } = await once(getDb(), user.id, formKeyOf(form), 'apology-version', async (tx) => (await saveApologyVersion(tx, actorOf(user), { draftId, body: input.body, lang: input.lang, analysis })).draftId));
	} catch (err) {
		return actionFailure(err, input.values);
	}
	redirect(303, localizeHref(`/coach/drafts/${saved}?saved=1`));
}

