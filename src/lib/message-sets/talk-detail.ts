// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const talkDetailTexts = {
	legend: m.talk_detail_legend,
	facts: m.talk_detail_facts,
	facts_hint: m.talk_detail_facts_hint,
	facts_feelings: m.talk_detail_facts_feelings,
	facts_feelings_hint: m.talk_detail_facts_feelings_hint,
	everything: m.talk_detail_everything,
	everything_hint: m.talk_detail_everything_hint
};
