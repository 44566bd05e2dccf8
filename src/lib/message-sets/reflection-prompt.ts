// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const reflectionPromptTexts = {
	my_part: m.reflection_prompt_my_part,
	our_relationship: m.reflection_prompt_our_relationship,
	parting_well: m.reflection_prompt_parting_well,
	what_i_change: m.reflection_prompt_what_i_change,
	what_we_learnt: m.reflection_prompt_what_we_learnt,
	why_it_happened: m.reflection_prompt_why_it_happened
};
