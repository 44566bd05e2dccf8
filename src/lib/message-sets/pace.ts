// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const paceTexts = {
	space: m.pace_space,
	ready_to_read: m.pace_ready_to_read,
	ready_to_talk: m.pace_ready_to_talk,
	none: m.pace_none
};
