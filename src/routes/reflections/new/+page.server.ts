import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { createReflection } from '$lib/server/reflections/reflections';
import { isReflectionPrompt } from '$lib/server/reflections/prompts';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey, once } from '$lib/server/forms/once';
import { newReflectionSchema } from '$lib/schemas/couple';
import { localizeHref, m } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = (event) => {
	requireUser(event);
	const prompt = event.url.searchParams.get('prompt') ?? '';
	if (!isReflectionPrompt(prompt)) error(404, m.error_not_found());
	return { prompt, formKey: newFormKey() };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(newReflectionSchema, form);
		const values = { body: String(form.get('body') ?? '') };
		if (!parsed.ok) return invalid(parsed.errors, values);
		let id: string;
		try {
			// A double click creates one reflection: the form key finds the one the first click created.
			({ id } = await once(getDb(), user.id, formKeyOf(form), 'reflection', async (tx) => (await createReflection(tx, actorOf(user), parsed.data)).id));
		} catch (err) {
			return actionFailure(err, values);
		}
		redirect(303, localizeHref(`/reflections/${id}?saved=1`));
	}
};
