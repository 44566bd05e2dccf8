// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const talkAboutTexts = {
	legend: m.talk_about_legend,
	none: m.talk_about_none,
	facts: m.talk_about_facts,
	why: m.talk_about_why
};
