import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { programOverview } from '$lib/server/program/overview';
import { listGuides } from '$lib/server/program/guides';
import { localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** The guide is public; an account adds progress (and only then is one track chosen). */
export const load: PageServerLoad = async (event) => {
	const user = event.locals.user;
	if (!user) {
		const steps = (track: 'repairing' | 'hurt') =>
			listGuides(track, event.locals.locale).map((g) => ({ slug: g.slug, number: g.number, title: g.title, summary: g.summary }));
		return { signedIn: false as const, tracks: { repairing: steps('repairing'), hurt: steps('hurt') } };
	}
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	return { signedIn: true as const, role: user.role, ...(await programOverview(getDb(), user.id, user.role, event.locals.locale)) };
};
