import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { sendLetter, sentLettersPage } from '$lib/server/couple/letters';
import { readPartnerStatus } from '$lib/server/couple/pace';
import { partnerIn } from '$lib/server/couple/membership';
import { formatCursor, keysetCursorSchema } from '$lib/schemas/cursor';
import { pageLinks } from '$lib/server/page-links';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { letterSchema } from '$lib/schemas/couple';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const actor = actorOf(user);
	// The partner's name and status only (their needs are not shown here).
	const partner = await partnerIn(db, actor);
	const status = partner ? await readPartnerStatus(db, actor, partner) : null;
	// A cursor that cannot be read shows the newest letters.
	const before = keysetCursorSchema.parse(event.url.searchParams.get('before'));
	const sent = await sentLettersPage(db, actor, before);
	return {
		partner: partner ? { displayName: partner.displayName, status: status?.status ?? null } : null,
		formKey: newFormKey(),
		sent: sent.letters.map((l) => ({ id: l.id, kind: l.kind, excerpt: l.excerpt, sentAt: l.sentAt.toISOString(), state: l.state })),
		sentPages: pageLinks('before', sent.older && formatCursor(sent.older), before && formatCursor(before), 'sent')
	};
};

export const actions: Actions = {
	send: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const body = String(form.get('body') ?? '');
		const parsed = parseForm(letterSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, { body });
		let waiting: boolean;
		try {
			({ waiting } = await sendLetter(getDb(), actorOf(user), { kind: 'letter', body: parsed.data.body, formKey: formKeyOf(form) }));
		} catch (err) {
			return actionFailure(err, { body });
		}
		return { sent: true, waiting };
	}
};
