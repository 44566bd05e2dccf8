import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { deleteReflection, getReflection, shareReflection, unshareReflection, updateReflection } from '$lib/server/reflections/reflections';
import { actionFailure, invalid, parseForm, raise, requireUser } from '$lib/server/http';
import { reflectionSchema } from '$lib/schemas/couple';
import { localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	try {
		const r = await getReflection(getDb(), actorOf(user), event.params.id);
		return {
			reflection: { id: r.id, prompt: r.prompt, body: r.body, shared: r.shared, mine: r.mine, updatedAt: r.updatedAt.toISOString() },
			inCouple: !!user.coupleId,
			saved: event.url.searchParams.get('saved') === '1'
		};
	} catch (err) {
		raise(err);
	}
};

export const actions: Actions = {
	update: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(reflectionSchema, form);
		const values = { body: String(form.get('body') ?? '') };
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await updateReflection(getDb(), actorOf(user), event.params.id, parsed.data.body);
		} catch (err) {
			return actionFailure(err, values);
		}
		return { updated: true };
	},
	share: async (event) => {
		const user = requireUser(event);
		try {
			await shareReflection(getDb(), actorOf(user), event.params.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { sharing: 'shared' as const };
	},
	unshare: async (event) => {
		const user = requireUser(event);
		try {
			await unshareReflection(getDb(), actorOf(user), event.params.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { sharing: 'private' as const };
	},
	delete: async (event) => {
		const user = requireUser(event);
		try {
			await deleteReflection(getDb(), actorOf(user), event.params.id);
		} catch (err) {
			return actionFailure(err);
		}
		redirect(303, localizeHref('/reflections'));
	}
};
