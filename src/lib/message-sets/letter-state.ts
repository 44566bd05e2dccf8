// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const letterStateTexts = {
	opened: m.letter_state_opened,
	unopened: m.letter_state_unopened,
	delivered: m.letter_state_delivered,
	withdrawn: m.letter_state_withdrawn,
	waiting: m.letter_state_waiting
};
