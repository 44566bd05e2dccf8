// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const talkQuestionStateTexts = {
	open: m.talk_question_state_open,
	need_time: m.talk_question_state_need_time,
	answered: m.talk_question_state_answered
};
