import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { acknowledgeNeed, addNeed, getPartnerPace, listMyNeeds, removeNeed } from '$lib/server/couple/pace';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { idSchema, needSchema } from '$lib/schemas/couple';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

const plain = (n: { id: string; body: string; createdAt: Date; acknowledgedAt: Date | null }) => ({
	id: n.id,
	body: n.body,
	createdAt: n.createdAt.toISOString(),
	acknowledged: !!n.acknowledgedAt
});

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const partner = await getPartnerPace(db, actorOf(user));
	return {
		mine: (await listMyNeeds(db, actorOf(user))).map((n) => ({ ...plain(n), current: n.current })),
		formKey: newFormKey(),
		partner: partner ? { displayName: partner.partner.displayName, needs: partner.needs.map(plain) } : null
	};
};

export const actions: Actions = {
	add: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(needSchema, form);
		const values = { body: String(form.get('body') ?? '') };
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await addNeed(getDb(), actorOf(user), parsed.data.body, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, values);
		}
		return { added: true };
	},
	remove: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await removeNeed(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { removed: true };
	},
	acknowledge: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await acknowledgeNeed(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { acknowledged: true };
	}
};
