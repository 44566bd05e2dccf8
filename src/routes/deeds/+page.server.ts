import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { createCommitment, listCommitments } from '$lib/server/deeds/commitments';
import { getWish } from '$lib/server/deeds/wishes';
import { findSuggestion, suggestionsFor } from '$lib/server/deeds/suggestions';
import { dueNow } from '$lib/server/deeds/today';
import { localDay } from '$lib/server/deeds/days';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { commitmentSchema, weekdaysOf } from '$lib/schemas/deeds';
import { UUID } from '$lib/schemas/text';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { DomainError } from '$lib/server/errors';
import { localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

const listed = (c: { id: string; title: string; rhythm: string; weekdays: number[]; status: string; askedFor: boolean; shared: boolean }) => ({
	id: c.id,
	title: c.title,
	rhythm: c.rhythm,
	weekdays: c.weekdays,
	status: c.status,
	askedFor: c.askedFor,
	shared: c.shared
});

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	const db = getDb();
	const actor = actorOf(user);
	const { mine, partner } = await listCommitments(db, actor);
	const due = await dueNow(db, actor);
	const locale = event.locals.locale === 'en' ? 'en' : 'nl';
	// A prefilled form: from the partner's wish (answered by creating it) or from a suggestion.
	let fromWish: { id: string; body: string } | null = null;
	const wishParam = event.url.searchParams.get('wish');
	if (wishParam && UUID.test(wishParam)) {
		try {
			const wish = await getWish(db, actor, wishParam);
			if (!wish.mine) fromWish = { id: wish.id, body: wish.body };
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
		}
	}
	const suggestionParam = event.url.searchParams.get('suggestion');
	const picked = suggestionParam ? findSuggestion(suggestionParam) : undefined;
	return {
		role: user.role,
		inCouple: !!user.coupleId,
		mine: mine.map(listed),
		partner: partner.map(listed),
		due: due.map(({ id, title, recorded, weekly }) => ({ id, title, recorded, weekly })),
		suggestions: suggestionsFor(locale),
		fromWish,
		suggestion: picked ? { id: picked.id, rhythm: picked.rhythm, weekdays: picked.weekdays ?? [], title: picked[locale].title, why: picked[locale].why } : null,
		today: localDay(new Date()),
		formKey: newFormKey()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(commitmentSchema, form);
		const values = {
			title: String(form.get('title') ?? ''),
			why: String(form.get('why') ?? ''),
			rhythm: String(form.get('rhythm') ?? ''),
			startsOn: String(form.get('startsOn') ?? ''),
			wishId: String(form.get('wishId') ?? ''),
			weekdays: weekdaysOf(form).join(',')
		};
		if (!parsed.ok) return invalid(parsed.errors, values);
		let id: string;
		try {
			({ id } = await createCommitment(
				getDb(),
				actorOf(user),
				{ ...parsed.data, why: parsed.data.why ?? '', weekdays: weekdaysOf(form) },
				formKeyOf(form)
			));
		} catch (err) {
			return actionFailure(err, values);
		}
		redirect(303, localizeHref(`/deeds/commitments/${id}`));
	}
};
