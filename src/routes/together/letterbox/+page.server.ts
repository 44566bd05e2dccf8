import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { countWaitingLetters, letterboxPage, openLetter, releaseWaitingLetters } from '$lib/server/couple/letters';
import { formatCursor, keysetCursorSchema } from '$lib/schemas/cursor';
import { pageLinks } from '$lib/server/page-links';
import { clearPaceStatus, getOwnPaceStatus, setPaceStatus } from '$lib/server/couple/pace';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { idSchema, paceSchema } from '$lib/schemas/couple';
import { localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	// Every unopened letter, then a page of opened ones; a cursor that cannot be read shows the newest.
	const openedBefore = keysetCursorSchema.parse(event.url.searchParams.get('openedBefore'));
	const box = await letterboxPage(db, actorOf(user), openedBefore);
	const pace = await getOwnPaceStatus(db, actorOf(user));
	return {
		inCouple: !!user.coupleId,
		letters: [...box.unopened, ...box.opened].map((l) => ({ id: l.id, kind: l.kind, sentAt: l.sentAt.toISOString(), opened: !!l.openedAt })),
		openedPages: pageLinks('openedBefore', box.olderOpened && formatCursor(box.olderOpened), openedBefore && formatCursor(openedBefore), 'letters'),
		pace: pace ? { status: pace.status, note: pace.note ?? '' } : null,
		// Said only here, where the person came by choice: never as a notice elsewhere.
		waiting: (await countWaitingLetters(db, actorOf(user))) > 0
	};
};

export const actions: Actions = {
	open: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		let letter: Awaited<ReturnType<typeof openLetter>>;
		try {
			letter = await openLetter(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		// The account and its additions are read where they belong, with every entry in its place.
		if (letter.kind === 'account' || letter.kind === 'account-addition') redirect(303, localizeHref('/talk/account'));
		// Letters in points are read beside their points: an impact letter where it is answered, a restitution letter beside the impact letter.
		if (letter.kind === 'impact') redirect(303, localizeHref('/talk/restitution'));
		if (letter.kind === 'restitution') redirect(303, localizeHref('/talk/impact'));
		return { letter: { id: letter.id, kind: letter.kind, body: letter.body, sentAt: letter.sentAt.toISOString() } };
	},
	status: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(paceSchema, form);
		const values = { status: String(form.get('status') ?? ''), note: String(form.get('note') ?? '') };
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			if (parsed.data.status === 'none') {
				await clearPaceStatus(getDb(), actorOf(user));
				return { statusCleared: true };
			}
			await setPaceStatus(getDb(), actorOf(user), { status: parsed.data.status, note: parsed.data.note || null });
		} catch (err) {
			return actionFailure(err, values);
		}
		return { statusSaved: true };
	},
	release: async (event) => {
		const user = requireUser(event);
		await releaseWaitingLetters(getDb(), actorOf(user));
		return { released: true };
	}
};
