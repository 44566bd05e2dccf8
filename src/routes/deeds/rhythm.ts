import { m, choose } from '$lib/i18n';
import { deedsWeekdayShortTexts } from '$lib/message-sets/deeds-weekday-short';

/** "Daily", "Mon, Wed, Fri" or "Weekly", in the reader's language. */
export function rhythmText(rhythm: string, weekdays: number[]): string {
	if (rhythm === 'weekdays') return weekdays.map((d) => choose(deedsWeekdayShortTexts, d)).join(', ');
	return rhythm === 'weekly' ? m.deeds_rhythm_weekly() : m.deeds_rhythm_daily();
}
