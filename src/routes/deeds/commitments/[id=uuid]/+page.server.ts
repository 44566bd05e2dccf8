import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import {
	addComment,
	changeCommitment,
	deleteComment,
	endCommitment,
	pauseCommitment,
	resumeCommitment,
	shareCommitment,
	unshareCommitment
} from '$lib/server/deeds/commitments';
import { commitmentPage } from '$lib/server/deeds/commitment-page';
import { markNoticed, recordCheckIn } from '$lib/server/deeds/check-ins';
import { shareKept } from '$lib/server/deeds/consistency';
import { actionFailure, invalid, parseForm, raise, requireUser, type FieldErrors } from '$lib/server/http';
import { changeCommitmentSchema, checkInSchema, commentIdSchema, commentSchema, noticeSchema, optionalReasonSchema, reasonSchema, weekdaysOf } from '$lib/schemas/deeds';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { localizeHref } from '$lib/i18n';
import { formatCursor, keysetCursorSchema, serialCursorSchema } from '$lib/schemas/cursor';
import { pageLinks } from '$lib/server/page-links';
import type { z } from 'zod';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	const db = getDb();
	const actor = actorOf(user);
	const id = event.params.id;
	try {
		// A cursor that cannot be read shows the newest comments or changes (src/lib/schemas/cursor.ts).
		const commentsBefore = keysetCursorSchema.parse(event.url.searchParams.get('commentsBefore'));
		const historyBefore = serialCursorSchema.parse(event.url.searchParams.get('historyBefore'));
		const { commitment, consistency, recent, comments, history } = await commitmentPage(db, actor, id, { commentsBefore, historyBefore });
		const shownComments = commentsBefore ? formatCursor(commentsBefore) : null;
		const shownHistory = historyBefore === null ? null : String(historyBefore);
		// Each list's links keep the other list's page (decision 025).
		const commentLinks = pageLinks('commentsBefore', comments.earlier && formatCursor(comments.earlier), shownComments, 'comments', { historyBefore: shownHistory });
		const historyLinks = pageLinks('historyBefore', history.earlier === null ? null : String(history.earlier), shownHistory, 'history', { commentsBefore: shownComments });
		const recordable = consistency.weeks
			.flatMap((w) => w.days)
			.filter((d) => d.due)
			.reverse()
			.slice(0, 28)
			.map((d) => ({ day: d.day, recorded: d.state === 'kept' || d.state === 'partly' || d.state === 'not-kept' }));
		return {
			inCouple: !!user.coupleId,
			commitment: {
				id: commitment.id,
				title: commitment.title,
				why: commitment.why,
				rhythm: commitment.rhythm,
				weekdays: commitment.weekdays,
				status: commitment.status,
				startsOn: commitment.startsOn,
				askedFor: commitment.askedFor,
				shared: commitment.shared,
				mine: commitment.mine
			},
			consistency: {
				today: consistency.today,
				weeks: consistency.weeks,
				weekly: consistency.weekly,
				last4: { ...consistency.last4, share: shareKept(consistency.last4) },
				last12: { ...consistency.last12, share: shareKept(consistency.last12) }
			},
			recordable,
			recent: recent.map((c) => ({ day: c.day, outcome: c.outcome, note: c.note, late: c.late, noticed: c.noticed })),
			comments: comments.comments.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt.toISOString(), mine: c.mine })),
			commentPages: commentLinks,
			history: history.events.map((e) => ({ id: e.id, kind: e.kind, title: e.title, rhythm: e.rhythm, weekdays: e.weekdays, reason: e.reason, at: e.at.toISOString() })),
			historyPages: historyLinks,
			formKey: newFormKey()
		};
	} catch (err) {
		raise(err);
	}
};

type Values = Record<string, string>;

/** Parse, call the service, answer: the shape every action here shares. */
async function act<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	work: (input: z.infer<S>, form: FormData, actor: ReturnType<typeof actorOf>) => Promise<unknown>,
	done: string,
	valuesOf: (form: FormData) => Values = () => ({})
) {
	const user = requireUser(event);
	const form = await event.request.formData();
	const parsed = parseForm(schema, form);
	const values = { ...valuesOf(form), action: done };
	if (!parsed.ok) return invalid(parsed.errors as FieldErrors, values);
	try {
		await work(parsed.data, form, actorOf(user));
	} catch (err) {
		return actionFailure(err, values);
	}
	return { [done]: true };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	checkIn: (event) =>
		act(event, checkInSchema, (input, _form, actor) => recordCheckIn(getDb(), actor, event.params.id, input), 'checkedIn', (form) => ({ note: text(form, 'note'), day: text(form, 'day') })),
	notice: (event) =>
		act(event, noticeSchema, (input, _form, actor) => markNoticed(getDb(), actor, event.params.id, input.day, input.noticed === 'none' ? null : input.noticed), 'noticed'),
	comment: (event) =>
		act(event, commentSchema, (input, form, actor) => addComment(getDb(), actor, event.params.id, input.body, formKeyOf(form)), 'commented', (form) => ({ comment: text(form, 'body') })),
	deleteComment: (event) => act(event, commentIdSchema, (input, _form, actor) => deleteComment(getDb(), actor, input.commentId), 'commentDeleted'),
	change: (event) =>
		act(
			event,
			changeCommitmentSchema,
			(input, form, actor) => changeCommitment(getDb(), actor, event.params.id, { title: input.title, why: input.why ?? '', rhythm: input.rhythm, weekdays: weekdaysOf(form), reason: input.reason }),
			'changed',
			(form) => ({ title: text(form, 'title'), why: text(form, 'why'), reason: text(form, 'reason') })
		),
	pause: (event) => act(event, reasonSchema, (input, _form, actor) => pauseCommitment(getDb(), actor, event.params.id, input.reason), 'paused', (form) => ({ reason: text(form, 'reason') })),
	resume: (event) => act(event, optionalReasonSchema, (input, _form, actor) => resumeCommitment(getDb(), actor, event.params.id, input.reason), 'resumed', (form) => ({ reason: text(form, 'reason') })),
	end: (event) => act(event, reasonSchema, (input, _form, actor) => endCommitment(getDb(), actor, event.params.id, input.reason), 'ended', (form) => ({ reason: text(form, 'reason') })),
	share: (event) => act(event, optionalReasonSchema, (_input, _form, actor) => shareCommitment(getDb(), actor, event.params.id), 'shared'),
	unshare: (event) => act(event, optionalReasonSchema, (_input, _form, actor) => unshareCommitment(getDb(), actor, event.params.id), 'unshared')
};
