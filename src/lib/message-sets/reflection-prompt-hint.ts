// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const reflectionPromptHintTexts = {
	my_part: m.reflection_prompt_my_part_hint,
	our_relationship: m.reflection_prompt_our_relationship_hint,
	parting_well: m.reflection_prompt_parting_well_hint,
	what_i_change: m.reflection_prompt_what_i_change_hint,
	what_we_learnt: m.reflection_prompt_what_we_learnt_hint,
	why_it_happened: m.reflection_prompt_why_it_happened_hint
};
