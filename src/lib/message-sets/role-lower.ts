// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const roleLowerTexts = {
	repairing: m.role_repairing_lower,
	hurt: m.role_hurt_lower
};
