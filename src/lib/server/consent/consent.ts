import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { consentEvents } from '../db/schema';

/** Bump when the consent text on the sign-up page changes in substance. */
export const CONSENT_TEXT_VERSION = '2026-11-25';

type Locale = 'nl' | 'en';

/** Append-only: there is deliberately no update or delete here. */
export async function recordConsent(
	db: Database,
	userId: string,
	kind: 'given' | 'withdrawn',
	locale: Locale,
	textVersion = CONSENT_TEXT_VERSION
) {
	await db.insert(consentEvents).values({ userId, kind, locale, textVersion });
}

export async function listConsentEvents(db: Database, userId: string) {
	return db
		.select({
			kind: consentEvents.kind,
			textVersion: consentEvents.textVersion,
			locale: consentEvents.locale,
			createdAt: consentEvents.createdAt
		})
		.from(consentEvents)
		.where(eq(consentEvents.userId, userId))
		.orderBy(asc(consentEvents.id));
}
