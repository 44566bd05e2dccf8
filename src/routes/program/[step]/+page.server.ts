import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getGuide } from '$lib/server/program/guides';
import { getProgress, markStepDone, markStepUndone } from '$lib/server/program/progress';
import { TRACKS } from '$lib/server/program/steps';
import { actionFailure, requireUser } from '$lib/server/http';
import { localizeHref, m } from '$lib/i18n';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	const guide = getGuide(user.role, event.params.step, event.locals.locale);
	if (!guide) error(404, m.error_unknown_step());
	const progress = await getProgress(getDb(), user.id, user.role);
	const slugs = TRACKS[user.role] as readonly string[];
	const index = slugs.indexOf(guide.slug);
	const neighbour = (slug: string | undefined) => {
		const g = slug ? getGuide(user.role!, slug, event.locals.locale) : undefined;
		return g ? { slug: g.slug, title: g.title } : null;
	};
	return {
		step: { slug: guide.slug, number: guide.number, title: guide.title, summary: guide.summary, html: guide.html },
		total: slugs.length,
		done: !!progress.steps.find((s) => s.slug === guide.slug)?.doneAt,
		previous: neighbour(slugs[index - 1]),
		next: neighbour(slugs[index + 1])
	};
};

export const actions: Actions = {
	done: async (event) => {
		const user = requireUser(event);
		if (!user.role) redirect(303, localizeHref('/onboarding/role'));
		try {
			await markStepDone(getDb(), user.id, user.role, event.params.step);
		} catch (err) {
			return actionFailure(err);
		}
		return { saved: 'done' as const };
	},
	undo: async (event) => {
		const user = requireUser(event);
		if (!user.role) redirect(303, localizeHref('/onboarding/role'));
		try {
			await markStepUndone(getDb(), user.id, user.role, event.params.step);
		} catch (err) {
			return actionFailure(err);
		}
		return { saved: 'undone' as const };
	}
};
