// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const deedsStatusTexts = {
	active: m.deeds_status_active,
	paused: m.deeds_status_paused,
	ended: m.deeds_status_ended
};
