import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { addWish, answerWish, deleteWish, myWishesPage, partnerWishesPage, shareWish, unshareWish } from '$lib/server/deeds/wishes';
import { formatCursor, keysetCursorSchema } from '$lib/schemas/cursor';
import { pageLinks } from '$lib/server/page-links';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { wishAnswerSchema, wishSchema } from '$lib/schemas/deeds';
import { idSchema } from '$lib/schemas/couple';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

const plain = (w: { id: string; size: string; body: string; shared: boolean; answer: string | null; answerReason: string | null }) => ({
	id: w.id,
	size: w.size,
	body: w.body,
	shared: w.shared,
	answer: w.answer,
	answerReason: w.answerReason
});

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	const db = getDb();
	const actor = actorOf(user);
	// Each list a page at a time; a cursor that cannot be read shows its newest page.
	const mineBefore = keysetCursorSchema.parse(event.url.searchParams.get('mineBefore'));
	const answeredBefore = keysetCursorSchema.parse(event.url.searchParams.get('answeredBefore'));
	const mine = await myWishesPage(db, actor, mineBefore);
	const partner = await partnerWishesPage(db, actor, answeredBefore);
	const shownMine = mineBefore && formatCursor(mineBefore);
	const shownAnswered = answeredBefore && formatCursor(answeredBefore);
	return {
		role: user.role,
		inCouple: !!user.coupleId,
		mine: mine.wishes.map(plain),
		// Each list's links keep the other list's page (decision 025).
		minePages: pageLinks('mineBefore', mine.older && formatCursor(mine.older), shownMine, 'my-wishes', { answeredBefore: shownAnswered }),
		// Every wish still waiting for an answer, then a page of the answered ones.
		partner: [...partner.waiting, ...partner.answered].map(plain),
		partnerPages: pageLinks('answeredBefore', partner.olderAnswered && formatCursor(partner.olderAnswered), shownAnswered, 'partner-wishes', { mineBefore: shownMine }),
		formKey: newFormKey()
	};
};

/** The id-only actions share their shape: parse, call, answer. */
function byId(work: (db: ReturnType<typeof getDb>, actor: ReturnType<typeof actorOf>, id: string) => Promise<void>, done: string) {
	return async (event: Parameters<Actions[string]>[0]) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await work(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { [done]: true };
	};
}

export const actions: Actions = {
	add: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(wishSchema, form);
		const values = { body: String(form.get('body') ?? ''), size: String(form.get('size') ?? '') };
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await addWish(getDb(), actorOf(user), parsed.data, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, values);
		}
		return { added: true };
	},
	share: byId(shareWish, 'shared'),
	unshare: byId(unshareWish, 'unshared'),
	delete: byId(deleteWish, 'deleted'),
	answer: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(wishAnswerSchema, form);
		const values = { id: String(form.get('id') ?? ''), reason: String(form.get('reason') ?? '') };
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await answerWish(getDb(), actorOf(user), parsed.data.id, { answer: parsed.data.answer, reason: parsed.data.reason });
		} catch (err) {
			return actionFailure(err, values);
		}
		return { answered: true };
	}
};
