import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { getMyImpact, openPointLetter, readReceivedRestitutions, saveImpactVersion, sendImpactVersion } from '$lib/server/letters/points';
import { partnerIn } from '$lib/server/couple/membership';
import { readPartnerStatus } from '$lib/server/couple/pace';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { impactPointsSchema, sendImpactSchema } from '$lib/schemas/point-letters';
import { idSchema } from '$lib/schemas/couple';
import { errorText, localizeHref } from '$lib/i18n';
import { APP_TIME_ZONE } from '$lib/server/deeds/days';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** The impact letter: "what it did to me", in points, for the hurt partner (issue 11, item 5). */

/**
 * A refused hidden field (a letter or version that is not there) has no field on the page to show
 * its error at: it is said at the top of the page, in the reader's language.
 */
function refused(errors: Record<string, string>) {
	return fail(400, { errors, message: Object.values(errors)[0] });
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	const db = getDb();
	const actor = actorOf(user);
	const partner = await partnerIn(db, actor);
	const [mine, received, partnerPace] = await Promise.all([getMyImpact(db, actor), readReceivedRestitutions(db, actor), partner ? readPartnerStatus(db, actor, partner) : null]);
	return {
		partnerName: partner?.displayName ?? null,
		partnerInSpace: partnerPace?.status === 'space',
		// The writer's part shows for the hurt partner, or for anyone who already started one.
		writer: user.role !== 'repairing' || !!mine,
		mine: mine && {
			draftId: mine.id,
			versions: mine.versions.map((v) => ({ number: v.number, points: v.points, savedAt: v.createdAt.toISOString(), state: v.state }))
		},
		received: received.map((r) => ({ letterId: r.letterId, sentAt: r.sentAt.toISOString(), opened: r.opened, items: r.items })),
		timeZone: APP_TIME_ZONE,
		formKey: newFormKey()
	};
};

/** The repeated `point` fields, echoed back as typed when something is refused. */
function readPoints(form: FormData) {
	const raw = form.getAll('point').map((v) => (typeof v === 'string' ? v : ''));
	const parsed = impactPointsSchema.safeParse(raw);
	const values = { points: JSON.stringify(raw) };
	if (parsed.success) return { ok: true as const, points: parsed.data, values };
	const issue = parsed.error.issues[0];
	// A problem with one point is shown at that point; "none" or "too many" at the list.
	const field = typeof issue.path[0] === 'number' ? `point-${issue.path[0] + 1}` : 'points';
	return { ok: false as const, errors: { [field]: errorText(issue.message) }, values };
}

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const input = readPoints(await event.request.formData());
		if (!input.ok) return invalid(input.errors, input.values);
		try {
			const { number } = await saveImpactVersion(getDb(), actorOf(user), input.points);
			return { saved: number };
		} catch (err) {
			return actionFailure(err, input.values);
		}
	},
	send: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(sendImpactSchema, form);
		if (!parsed.ok) return refused(parsed.errors);
		try {
			const { waiting } = await sendImpactVersion(getDb(), actorOf(user), parsed.data.draftId, parsed.data.number, formKeyOf(form));
			return { sent: true, waiting };
		} catch (err) {
			return actionFailure(err);
		}
	},
	open: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return refused(parsed.errors);
		try {
			await openPointLetter(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { opened: true };
	}
};
