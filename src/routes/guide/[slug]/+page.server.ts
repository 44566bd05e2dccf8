import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getArticle, getAuthor, neighbours, relatedArticles } from '$lib/server/guide/articles';
import { articleCard, authorCard, longDate } from '$lib/server/guide/view';
import { absoluteUrl } from '$lib/server/guide/public-pages';
import { findPublishedThread, publishedCommentsPage, submitComment } from '$lib/server/comments/comments';
import { caughtByHoneypot } from '$lib/server/security/honeypot';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { actionFailure, invalid, parseForm } from '$lib/server/http';
import { commentSchema } from '$lib/schemas/comments';
import { localizeHref, m } from '$lib/i18n';

function articleOr404(slug: string, locale: 'nl' | 'en') {
	const article = getArticle(slug, locale);
	if (!article) error(404, m.error_not_found());
	return article;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const locale = locals.locale;
	const article = articleOr404(params.slug, locale);
	const author = getAuthor(article.author, locale)!;
	const { previous, next } = neighbours(article);
	const db = getDb();
	// A link to one comment (?thread=, from the "published" e-mail) or a reply opens the page
	// holding its thread; otherwise ?comments= names the page (anything odd is page 1).
	const replyTo = url.searchParams.get('reply');
	const replyTarget = replyTo ? await findPublishedThread(db, article.slug, locale, replyTo) : null;
	const linked = url.searchParams.get('thread');
	const linkedThread = linked ? await findPublishedThread(db, article.slug, locale, linked) : null;
	const asked = Number.parseInt(url.searchParams.get('comments') ?? '', 10);
	const discussion = await publishedCommentsPage(db, article.slug, locale, linkedThread?.page ?? replyTarget?.page ?? (Number.isFinite(asked) ? asked : 1));
	return {
		article: {
			slug: article.slug,
			title: article.title,
			summary: article.summary,
			series: article.series,
			order: article.order,
			date: article.date,
			dateText: longDate(article.date, locale),
			readingMinutes: article.readingMinutes,
			sources: article.sources,
			html: article.html
		},
		author: authorCard(author),
		previous: previous && articleCard(previous),
		next: next && articleCard(next),
		related: relatedArticles(article).map(articleCard),
		commentTotal: discussion.total,
		commentPage: { page: discussion.page, pages: discussion.pages },
		comments: discussion.threads.map((t) => ({
			id: t.id,
			name: t.name,
			body: t.body,
			dateText: longDate(t.createdAt, locale),
			replies: t.replies.map((r) => ({ id: r.id, name: r.name, body: r.body, dateText: longDate(r.createdAt, locale) }))
		})),
		replyTo: replyTarget ? { id: replyTarget.id, name: replyTarget.name } : null,
		awaiting: url.searchParams.get('comment') === 'awaiting',
		formKey: newFormKey(),
		links: {
			canonical: absoluteUrl(`/guide/${article.slug}`, locale),
			nl: absoluteUrl(`/guide/${article.slug}`, 'nl'),
			en: absoluteUrl(`/guide/${article.slug}`, 'en')
		}
	};
};

export const actions: Actions = {
	comment: async (event) => {
		const locale = event.locals.locale;
		const article = articleOr404(event.params.slug, locale);
		const done = `${localizeHref(`/guide/${article.slug}`)}?comment=awaiting#comment-status`;
		const form = await event.request.formData();
		// A script filled in the hidden field: the same thanks, nothing stored.
		if (caughtByHoneypot(form)) redirect(303, done);
		const parsed = parseForm(commentSchema, form);
		const values = {
			name: String(form.get('name') ?? ''),
			email: String(form.get('email') ?? ''),
			body: String(form.get('body') ?? ''),
			parentId: String(form.get('parentId') ?? ''),
			notify: form.get('notify') === 'on' ? 'on' : ''
		};
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await submitComment(getDb(), {
				article: article.slug,
				locale,
				parentId: parsed.data.parentId,
				name: parsed.data.name,
				email: parsed.data.email,
				body: parsed.data.body,
				notify: parsed.data.notify === 'on',
				formKey: formKeyOf(form),
				address: event.locals.address
			});
		} catch (err) {
			return actionFailure(err, values);
		}
		redirect(303, done);
	}
};
