import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { notificationPreferences } from '../db/schema';
import { APP_TIME_ZONE } from '../../time-zone';
import { CHANNELS, NOTIFICATION_KINDS, WEEKLY_MAX_DEFAULT, type Channel, type Choices, type NotificationKind } from './kinds';

export interface Preferences {
	choices: Choices;
	quietStart: string | null;
	quietEnd: string | null;
	timeZone: string;
	weeklyMax: number;
}

/** Nothing chosen yet: every kind off, on every channel. */
export const DEFAULT_PREFERENCES: Preferences = { choices: {}, quietStart: null, quietEnd: null, timeZone: APP_TIME_ZONE, weeklyMax: WEEKLY_MAX_DEFAULT };

const columns = {
	choices: notificationPreferences.choices,
	quietStart: notificationPreferences.quietStart,
	quietEnd: notificationPreferences.quietEnd,
	timeZone: notificationPreferences.timeZone,
	weeklyMax: notificationPreferences.weeklyMax
};

export async function getPreferences(db: Database, userId: string): Promise<Preferences> {
	const [row] = await db.select(columns).from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
	return row ?? DEFAULT_PREFERENCES;
}

/** Only the listed kinds and channels, only true values: what a form or an old row holds beyond that is dropped. */
export function cleanChoices(choices: Choices): Choices {
	const clean: Choices = {};
	for (const kind of NOTIFICATION_KINDS) {
		const on = CHANNELS.filter((channel) => choices[kind]?.[channel] === true);
		if (on.length) clean[kind] = Object.fromEntries(on.map((c) => [c, true]));
	}
	return clean;
}

export async function savePreferences(db: Database, userId: string, input: Preferences) {
	const values = { ...input, choices: cleanChoices(input.choices), updatedAt: new Date() };
	await db
		.insert(notificationPreferences)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
}

/** The channels this kind may use for this person; empty means they did not opt in. */
export function channelsFor(preferences: Pick<Preferences, 'choices'>, kind: NotificationKind): Channel[] {
	return CHANNELS.filter((channel) => preferences.choices[kind]?.[channel] === true);
}

/** Every e-mail notice off (what the unsubscribe link does); push choices stay as they are. */
export function withoutEmail(choices: Choices): Choices {
	const next: Choices = {};
	for (const kind of NOTIFICATION_KINDS) if (choices[kind]?.push) next[kind] = { push: true };
	return next;
}
