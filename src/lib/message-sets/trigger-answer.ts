// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const triggerAnswerTexts = {
	heading: m.trigger_answer_heading,
	from: m.trigger_answer_from,
	talk: m.trigger_answer_talk,
	closeness: m.trigger_answer_closeness,
	space: m.trigger_answer_space,
	talk_offer: m.trigger_answer_talk_offer,
	closeness_offer: m.trigger_answer_closeness_offer,
	space_offer: m.trigger_answer_space_offer,
	legend: m.trigger_answer_legend,
	submit: m.trigger_answer_submit,
	change: m.trigger_answer_change,
	sent: m.trigger_answer_sent,
	sent_plain: m.trigger_answer_sent_plain
};
