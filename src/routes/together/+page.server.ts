import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { createInvitation, emailInvitation, openInvitationOf, revokeInvitation } from '$lib/server/couple/invitations';
import { leaveCouple, partnerIn } from '$lib/server/couple/membership';
import { countUnopenedLetters } from '$lib/server/couple/letters';
import { readPartnerStatus } from '$lib/server/couple/pace';
import { dismissCoupleNotice, readCoupleNotice } from '$lib/server/couple/notices';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { enqueue } from '$lib/server/jobs';
import { publicUrl } from '$lib/server/env';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { inviteEmailSchema } from '$lib/schemas/couple';
import { errorText, localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const partner = await partnerIn(db, actorOf(user));
	if (!partner) {
		const open = await openInvitationOf(db, user.id);
		return {
			partner: null,
			notice: await readCoupleNotice(db, user.id),
			formKey: newFormKey(),
			invitation: open ? { id: open.id, expiresAt: open.expiresAt.toISOString(), emailed: !!open.emailedAt, mailFailed: !!open.mailFailedAt } : null
		};
	}
	const pace = await readPartnerStatus(db, actorOf(user), partner);
	const unopened = await countUnopenedLetters(db, actorOf(user));
	return {
		partner: { displayName: partner.displayName, role: partner.role },
		partnerPace: pace ? { status: pace.status, note: pace.note, updatedAt: pace.updatedAt.toISOString() } : null,
		unopened,
		notice: null,
		formKey: null,
		invitation: null
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		try {
			// The same form key gives the same link back, so a double click never revokes the link shown.
			const { token } = await createInvitation(getDb(), user.id, new Date(), formKeyOf(form));
			// Shown on screen to copy, so it carries the address this person uses (a second device at
			// home reaches the app by its own address; in production that is ORIGIN). E-mailed links
			// come from configuration only, below.
			const link = new URL(localizeHref(`/invite/${token}`), event.url.origin).href;
			// The link is shown once, right now; only its hash is stored.
			return { values: { link, token, email: '' } };
		} catch (err) {
			return actionFailure(err);
		}
	},
	email: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const token = String(form.get('token') ?? '');
		const link = publicUrl(localizeHref(`/invite/${token}`));
		const parsed = parseForm(inviteEmailSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, { email: String(form.get('email') ?? ''), link, token });
		try {
			// A job builds and sends the mail; the address and the link's token travel with it, as nothing else keeps them.
			const { email, token } = parsed.data;
			await emailInvitation(getDb(), user.id, token, (invitationId) => enqueue('mail.invitation', { invitationId, to: email, token, locale: event.locals.locale }));
		} catch (err) {
			return actionFailure(err, { link, token, email: parsed.data.email });
		}
		return { emailed: true };
	},
	dismissNotice: async (event) => {
		const user = requireUser(event);
		await dismissCoupleNotice(getDb(), user.id);
		return { dismissed: true };
	},
	revoke: async (event) => {
		const user = requireUser(event);
		await revokeInvitation(getDb(), user.id);
		return { revoked: true };
	},
	leave: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'on') return invalid({ confirm: errorText('leave_confirm_required') });
		try {
			await leaveCouple(getDb(), user.id);
		} catch (err) {
			return actionFailure(err);
		}
		redirect(303, localizeHref('/together?left=1'));
	}
};
