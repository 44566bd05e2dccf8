import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { DomainError } from '$lib/server/errors';
import { acceptInvitation, declineInvitation, describeInvitation } from '$lib/server/couple/invitations';
import { actionFailure, requireUser } from '$lib/server/http';
import { localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	try {
		const invitation = await describeInvitation(getDb(), params.token);
		return {
			valid: true as const,
			inviterName: invitation.inviterName,
			inviterRole: invitation.inviterRole,
			own: locals.user?.id === invitation.inviterId,
			signedIn: !!locals.user,
			inCouple: !!locals.user?.coupleId
		};
	} catch (err) {
		if (err instanceof DomainError) return { valid: false as const };
		throw err;
	}
};

export const actions: Actions = {
	accept: async (event) => {
		const user = requireUser(event);
		try {
			await acceptInvitation(getDb(), user.id, event.params.token);
		} catch (err) {
			return actionFailure(err);
		}
		redirect(303, localizeHref(user.role ? '/together' : '/onboarding/role'));
	},
	decline: async (event) => {
		requireUser(event);
		try {
			await declineInvitation(getDb(), event.params.token);
		} catch (err) {
			return actionFailure(err);
		}
		return { declined: true };
	}
};
