import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getGuide } from '$lib/server/program/guides';
import { getProgress, markStepDone, markStepUndone } from '$lib/server/program/progress';
import { TRACKS, isStepOf, type Track } from '$lib/server/program/steps';
import { actionFailure, requireUser } from '$lib/server/http';
import { localizeHref, m } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** A signed-in reader follows their own track; anyone else reads the track the step belongs to. */
function trackFor(user: App.Locals['user'], slug: string): Track | undefined {
	if (user) return user.role ?? undefined;
	return (Object.keys(TRACKS) as Track[]).find((track) => isStepOf(track, slug));
}

export const load: PageServerLoad = async (event) => {
	const user = event.locals.user;
	if (user && !user.role) redirect(303, localizeHref('/onboarding/role'));
	const track = trackFor(user, event.params.step);
	const guide = track && getGuide(track, event.params.step, event.locals.locale);
	if (!track || !guide) error(404, m.error_unknown_step());
	const slugs = TRACKS[track] as readonly string[];
	const index = slugs.indexOf(guide.slug);
	const neighbour = (slug: string | undefined) => {
		const g = slug ? getGuide(track, slug, event.locals.locale) : undefined;
		return g ? { slug: g.slug, title: g.title } : null;
	};
	// Progress exists only for an account; a visitor reads the same text without it.
	const progress = user ? await getProgress(getDb(), user.id, track) : null;
	return {
		step: { slug: guide.slug, number: guide.number, title: guide.title, summary: guide.summary, html: guide.html },
		total: slugs.length,
		signedIn: !!user,
		done: !!progress?.steps.find((s) => s.slug === guide.slug)?.doneAt,
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
