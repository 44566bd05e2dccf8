import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { acceptAgreement, currentAgreement, openProposal, proposeAgreement, withdrawProposal, type AgreementView } from '$lib/server/agreements/agreements';
import { partnerOf } from '$lib/server/couple/membership';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { agreementSchema } from '$lib/schemas/talk';
import { idSchema } from '$lib/schemas/couple';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** Listed fields only: the terms, who proposed them (me or my partner) and when. */
const terms = (a: AgreementView | null) =>
	a && {
		id: a.id,
		detail: a.detail,
		offLimits: a.offLimits,
		timing: a.timing,
		minutes: a.minutes,
		timeOfDay: a.timeOfDay,
		timeoutWord: a.timeoutWord,
		note: a.note,
		mine: a.mine,
		proposedAt: a.createdAt.toISOString(),
		acceptedAt: a.acceptedAt?.toISOString() ?? null
	};

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const actor = actorOf(user);
	const partner = await partnerOf(db, user.id);
	return {
		partnerName: partner?.displayName ?? null,
		agreement: terms(await currentAgreement(db, actor)),
		proposal: terms(await openProposal(db, actor)),
		formKey: newFormKey()
	};
};

const FIELDS = ['detail', 'offLimits', 'timing', 'minutes', 'timeOfDay', 'timeoutWord', 'note'] as const;

export const actions: Actions = {
	propose: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')]));
		const parsed = parseForm(agreementSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await proposeAgreement(getDb(), actorOf(user), parsed.data, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, values);
		}
		return { proposed: true };
	},
	accept: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await acceptAgreement(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { accepted: true };
	},
	withdraw: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await withdrawProposal(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { withdrawn: true };
	}
};
