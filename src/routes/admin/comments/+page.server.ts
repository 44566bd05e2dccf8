import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/admin/require-admin';
import { commentCounts, deleteComments, listForModeration, moderateAndNotify, type CommentStatus, type Decision } from '$lib/server/comments/comments';
import { getArticle } from '$lib/server/guide/articles';
import { longDate } from '$lib/server/guide/view';
import { actionFailure } from '$lib/server/http';
import { moderationSchema } from '$lib/schemas/comments';
import { errorText } from '$lib/i18n';

const STATUSES: CommentStatus[] = ['pending', 'approved', 'rejected', 'spam'];

/** The moderation queue: pending comments first; the other statuses can be looked at too. Never an e-mail address. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireAdmin(event);
	const requested = event.url.searchParams.get('status');
	const status = STATUSES.find((s) => s === requested) ?? 'pending';
	const db = getDb();
	const queue = await listForModeration(db, actor, status);
	return {
		status,
		counts: await commentCounts(db, actor),
		comments: queue.map((c) => ({
			id: c.id,
			name: c.name,
			body: c.body,
			locale: c.locale,
			dateText: longDate(c.createdAt, event.locals.locale),
			article: { slug: c.article, title: getArticle(c.article, c.locale)?.title ?? c.article },
			inReplyTo: c.inReplyTo
		}))
	};
};

async function selectedIds(event: RequestEvent) {
	const form = await event.request.formData();
	const parsed = moderationSchema.safeParse({ ids: form.getAll('ids').filter((v) => typeof v === 'string') });
	return parsed.success ? parsed.data.ids : null;
}

async function decide(event: RequestEvent, decision: Decision) {
	const { actor } = requireAdmin(event);
	const ids = await selectedIds(event);
	if (!ids) return fail(400, { message: errorText('comment_select') });
	try {
		// The "published" e-mails go by job (never waited for here).
		const { changed } = await moderateAndNotify(getDb(), actor, ids, decision);
		return { decided: decision, changed };
	} catch (err) {
		return actionFailure(err);
	}
}

export const actions: Actions = {
	approve: (event) => decide(event, 'approve'),
	reject: (event) => decide(event, 'reject'),
	spam: (event) => decide(event, 'spam'),
	delete: async (event) => {
		const { actor } = requireAdmin(event);
		const ids = await selectedIds(event);
		if (!ids) return fail(400, { message: errorText('comment_select') });
		try {
			return { decided: 'delete' as const, changed: await deleteComments(getDb(), actor, ids) };
		} catch (err) {
			return actionFailure(err);
		}
	}
};
