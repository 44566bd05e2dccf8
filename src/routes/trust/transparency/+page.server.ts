import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { saveSafetyCheck, transparencyGate } from '$lib/server/trust/safety';
import { acceptRequest, declineRequest, listTransparency, offerMeasure, requestMeasure, revokeMeasure } from '$lib/server/trust/transparency';
import { addDays, dayOf } from '$lib/server/trust/days';
import { idSchema } from '$lib/schemas/couple';
import { acceptRequestSchema, declineRequestSchema, offerMeasureSchema, requestMeasureSchema, safetyCheckSchema } from '$lib/schemas/trust';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/**
 * What this page sends to the browser depends only on the reader's own check and on one fact
 * about the couple: whether transparency is open. When it is not, the reader gets the same
 * `unavailable` whether the partner has not done the check or it signalled risk — nothing else.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const actor = actorOf(user);
	const gate = await transparencyGate(db, actor);
	const today = dayOf(new Date());
	return {
		gate,
		repairing: user.role === 'repairing',
		today,
		maxEnd: addDays(today, 365),
		formKey: newFormKey(),
		agreements: gate === 'open' ? await listTransparency(db, actor) : null
	};
};

const values = (form: FormData, keys: string[]) => Object.fromEntries(keys.map((k) => [k, String(form.get(k) ?? '')]));

export const actions: Actions = {
	safety: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(safetyCheckSchema, await event.request.formData());
		// Answers are never echoed: a page left open should not show them to someone else.
		if (!parsed.ok) return invalid(parsed.errors, { form: 'safety' });
		await saveSafetyCheck(getDb(), actorOf(user), parsed.data);
		return { checked: true };
	},
	offer: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = { form: 'offer', ...values(form, ['kind', 'details', 'boundaries', 'endsOn']) };
		const parsed = parseForm(offerMeasureSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await offerMeasure(getDb(), actorOf(user), parsed.data, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { offered: true };
	},
	revoke: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await revokeMeasure(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { revoked: true };
	},
	request: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = { form: 'request', ...values(form, ['kind', 'details']) };
		const parsed = parseForm(requestMeasureSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await requestMeasure(getDb(), actorOf(user), parsed.data, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { requested: true };
	},
	accept: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = { form: `accept-${String(form.get('id') ?? '')}`, ...values(form, ['details', 'boundaries', 'endsOn']) };
		const parsed = parseForm(acceptRequestSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await acceptRequest(getDb(), actorOf(user), parsed.data.id, parsed.data);
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { accepted: true };
	},
	decline: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = { form: `decline-${String(form.get('id') ?? '')}`, reason: String(form.get('reason') ?? '') };
		const parsed = parseForm(declineRequestSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await declineRequest(getDb(), actorOf(user), parsed.data.id, parsed.data.reason);
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { declined: true };
	}
};
