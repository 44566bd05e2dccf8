// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const letterKindTexts = {
	apology: m.letter_kind_apology,
	letter: m.letter_kind_letter,
	account: m.letter_kind_account,
	account_addition: m.letter_kind_account_addition,
	impact: m.letter_kind_impact,
	restitution: m.letter_kind_restitution
};
