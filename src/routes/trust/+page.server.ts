import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import {
	addSelfRating,
	addTrustCheckin,
	deleteSelfRating,
	deleteTrustCheckin,
	getTrustPreferences,
	listMyTrustCheckins,
	listSelfRatings,
	myTrustTrend,
	partnerSharedCheckins,
	partnerTrustTrend,
	setShareAlways,
	shareTrustCheckin,
	unshareTrustCheckin
} from '$lib/server/trust/checkins';
import { dayOf } from '$lib/server/trust/days';
import { keptBesideTrend } from '$lib/server/trust/kept-beside-trend';
import { idSchema } from '$lib/schemas/couple';
import { selfRatingSchema, shareAlwaysSchema, trustCheckinSchema } from '$lib/schemas/trust';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const actor = actorOf(user);
	const repairing = user.role === 'repairing';
	const partnerTrend = (await partnerTrustTrend(db, actor)) ?? [];
	const myTrend = repairing ? [] : await myTrustTrend(db, actor);
	return {
		repairing,
		inCouple: !!user.coupleId,
		today: dayOf(new Date()),
		formKey: newFormKey(),
		shareAlways: (await getTrustPreferences(db, actor)).shareAlways,
		mine: repairing ? [] : await listMyTrustCheckins(db, actor),
		myTrend,
		partnerTrend,
		consistency: await keptBesideTrend(db, actor, Math.max(myTrend.length, partnerTrend.length)),
		partnerCheckins: await partnerSharedCheckins(db, actor),
		selfRatings: repairing ? await listSelfRatings(db, actor) : []
	};
};

const values = (form: FormData, keys: string[]) => Object.fromEntries(keys.map((k) => [k, String(form.get(k) ?? '')]));

async function byId(event: Parameters<Actions[string]>[0], run: (actor: ReturnType<typeof actorOf>, id: string) => Promise<void>, result: Record<string, boolean>) {
	const user = requireUser(event);
	const parsed = parseForm(idSchema, await event.request.formData());
	if (!parsed.ok) return invalid(parsed.errors);
	try {
		await run(actorOf(user), parsed.data.id);
	} catch (err) {
		return actionFailure(err);
	}
	return result;
}

export const actions: Actions = {
	checkin: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = values(form, ['day', 'trust', 'safety', 'connection', 'helped', 'hurt']);
		const parsed = parseForm(trustCheckinSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await addTrustCheckin(getDb(), actorOf(user), parsed.data, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { checkedIn: true };
	},
	share: (event) => byId(event, (actor, id) => shareTrustCheckin(getDb(), actor, id), { shared: true }),
	unshare: (event) => byId(event, (actor, id) => unshareTrustCheckin(getDb(), actor, id), { unshared: true }),
	delete: (event) => byId(event, (actor, id) => deleteTrustCheckin(getDb(), actor, id), { deleted: true }),
	always: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(shareAlwaysSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		await setShareAlways(getDb(), actorOf(user), parsed.data.always === 'on');
		return { always: parsed.data.always };
	},
	rateSelf: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const echoed = values(form, ['day', 'hope', 'strain']);
		const parsed = parseForm(selfRatingSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, echoed);
		try {
			await addSelfRating(getDb(), actorOf(user), parsed.data, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, echoed);
		}
		return { rated: true };
	},
	deleteSelf: (event) => byId(event, (actor, id) => deleteSelfRating(getDb(), actor, id), { deleted: true })
};
