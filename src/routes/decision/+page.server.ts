import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { chooseDecision, getDecision, startNewDecision } from '$lib/server/decision/decision';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { dayFromToday, decisionSchema } from '$lib/schemas/hard-parts';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const decision = await getDecision(getDb(), actorOf(user));
	// Only listed fields: the partner's choice is here only once both have chosen.
	return {
		inCouple: decision.inCouple,
		partnerName: decision.partnerName,
		mine: decision.mine ? { ...decision.mine, chosenAt: decision.mine.chosenAt.toISOString() } : null,
		partner: decision.partner ? { ...decision.partner, chosenAt: decision.partner.chosenAt.toISOString() } : null,
		history: decision.history.map((h) => ({ path: h.path, why: h.why, reviewOn: h.reviewOn, madeIn: h.madeIn, chosenAt: h.chosenAt.toISOString() })),
		formKey: newFormKey(),
		defaultReview: dayFromToday(91),
		minReview: dayFromToday(1),
		maxReview: dayFromToday(366)
	};
};

export const actions: Actions = {
	choose: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = { path: String(form.get('path') ?? ''), why: String(form.get('why') ?? ''), reviewOn: String(form.get('reviewOn') ?? '') };
		const parsed = parseForm(decisionSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await chooseDecision(getDb(), actorOf(user), parsed.data, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, values);
		}
		return { chosen: true };
	},
	restart: async (event) => {
		const user = requireUser(event);
		try {
			await startNewDecision(getDb(), actorOf(user));
		} catch (err) {
			return actionFailure(err);
		}
		return { restarted: true };
	}
};
