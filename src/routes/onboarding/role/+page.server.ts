import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { chooseRole } from '$lib/server/users/users';
import { invalid, parseForm, requireUser } from '$lib/server/http';
import { roleSchema } from '$lib/schemas/auth';
import { localizeHref } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { role: user.role };
};

export const actions: Actions = {
	choose: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(roleSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		await chooseRole(getDb(), user.id, parsed.data.role);
		redirect(303, localizeHref('/dashboard'));
	}
};
