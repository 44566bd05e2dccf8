import type { PageServerLoad } from './$types';
import { RULE_IDS, RULE_INFO } from '$lib/coach';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

export const load: PageServerLoad = ({ locals }) => ({
	rules: RULE_IDS.map((id) => ({ id, title: RULE_INFO[id][locals.locale].title, summary: RULE_INFO[id][locals.locale].summary }))
});
