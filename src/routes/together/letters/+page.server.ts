import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { listSentLetters, sendLetter } from '$lib/server/couple/letters';
import { getPartnerPace } from '$lib/server/couple/pace';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { letterSchema } from '$lib/schemas/couple';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const partner = await getPartnerPace(db, actorOf(user));
	const sent = await listSentLetters(db, actorOf(user));
	return {
		partner: partner ? { displayName: partner.partner.displayName, status: partner.status?.status ?? null } : null,
		formKey: newFormKey(),
		sent: sent.map((l) => ({ id: l.id, kind: l.kind, excerpt: l.body.slice(0, 140), sentAt: l.sentAt.toISOString(), state: l.state }))
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
