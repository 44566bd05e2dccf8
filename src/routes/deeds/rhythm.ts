import { m, t } from '$lib/i18n';

/** "Daily", "Mon, Wed, Fri" or "Weekly", in the reader's language. */
export function rhythmText(rhythm: string, weekdays: number[]): string {
	if (rhythm === 'weekdays') return weekdays.map((d) => t(`deeds_weekday_short_${d}`)).join(', ');
	return rhythm === 'weekly' ? m.deeds_rhythm_weekly() : m.deeds_rhythm_daily();
}
