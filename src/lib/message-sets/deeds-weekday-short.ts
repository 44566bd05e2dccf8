// Shared by several pages; one set per module, so that each page ships only the sets it uses
// (see docs/decisions/020-smaller-pages.md).
import { m } from '$lib/paraglide/messages.js';

export const deedsWeekdayShortTexts = {
	'1': m.deeds_weekday_short_1,
	'2': m.deeds_weekday_short_2,
	'3': m.deeds_weekday_short_3,
	'4': m.deeds_weekday_short_4,
	'5': m.deeds_weekday_short_5,
	'6': m.deeds_weekday_short_6,
	'7': m.deeds_weekday_short_7
};
