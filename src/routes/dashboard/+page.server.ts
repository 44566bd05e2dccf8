import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { getProgress } from '$lib/server/program/progress';
import { listGuides } from '$lib/server/program/guides';
import { readPartnerStatus } from '$lib/server/couple/pace';
import { partnerIn } from '$lib/server/couple/membership';
import { openInvitationOf } from '$lib/server/couple/invitations';
import { dismissCoupleNotice, readCoupleNotice } from '$lib/server/couple/notices';
import { newFormKey } from '$lib/server/forms/once';
import { actorOf } from '$lib/server/access/actor';
import { requireUser } from '$lib/server/http';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	const progress = await getProgress(getDb(), user.id, user.role);
	const guides = listGuides(user.role, event.locals.locale);
	const partner = await partnerIn(getDb(), actorOf(user));
	const status = partner ? await readPartnerStatus(getDb(), actorOf(user), partner) : null;
	const invitation = partner ? null : await openInvitationOf(getDb(), user.id);
	const next = progress.steps.find((s) => !s.doneAt);
	const nextGuide = next ? guides.find((g) => g.slug === next.slug) : undefined;
	return {
		displayName: user.displayName,
		role: user.role,
		progress: { done: progress.done, total: progress.total, percent: progress.percent },
		solo: !partner,
		invitationOpenUntil: invitation ? invitation.expiresAt.toISOString() : null,
		notice: partner ? null : await readCoupleNotice(getDb(), user.id),
		formKey: newFormKey(),
		partner: partner ? { displayName: partner.displayName, status: status?.status ?? null, note: status?.note ?? null } : null,
		next: nextGuide ? { slug: nextGuide.slug, number: nextGuide.number, title: nextGuide.title, summary: nextGuide.summary } : null
	};
};

export const actions: Actions = {
	dismissNotice: async (event) => {
		const user = requireUser(event);
		await dismissCoupleNotice(getDb(), user.id);
		return { dismissed: true };
	}
};
