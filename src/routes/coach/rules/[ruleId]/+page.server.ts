import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { RULE_IDS, RULE_INFO, type RuleId } from '$lib/coach';
import { m } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = ({ params, locals }) => {
	if (!(RULE_IDS as readonly string[]).includes(params.ruleId)) error(404, m.error_not_found());
	const id = params.ruleId as RuleId;
	const info = RULE_INFO[id][locals.locale];
	return { id, ...info };
};
