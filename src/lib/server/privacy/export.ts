import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import {
	apologyDrafts,
	apologyVersions,
	consentEvents,
	coupleMembers,
	invitations,
	letters,
	needs,
	paceStatus,
	reflections,
	securityEvents,
	stepProgress,
	users
} from '../db/schema';
import { DomainError } from '../errors';
import { recordSecurityEvent } from '../security/events';
import { stateOf } from '../couple/letters';
import { exportDeeds } from '../deeds/export';
import { exportTrust } from '../trust/export';
import { exportDecisions } from '../decision/decision';
import { exportHour } from '../hour/hour';
import { exportCalendarFeed } from '../calendar/feed';
import { exportNotifications } from '../notifications/outbox';
import { exportSelfTestResults } from '../selftest/results';
import { exportAgreements } from '../agreements/agreements';
import { exportAccounts } from '../talk/account';
import { exportQuestions } from '../talk/questions';
import { exportAnswersGiven, exportTriggerLog } from '../triggers/log';
import { exportTriggerSettings } from '../triggers/settings';
import { exportPointLetters } from '../letters/points';

/**
 * Everything that belongs to one user (GDPR arts. 15 and 20), and nothing of anyone else: no
 * letters received, no partner's items, not even the partner's name, nor when the partner opened a
 * letter (only whether, as the interface shows). The shape is documented in
 * docs/export-format.md; bump EXPORT_FORMAT when it changes.
 */
export const EXPORT_FORMAT = 'herstelpad-export/3';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function exportUserData(db: Database, userId: string, now = new Date()) {
	const [user] = await db
		.select({ email: users.email, displayName: users.displayName, locale: users.locale, role: users.role, createdAt: users.createdAt, adultConfirmedAt: users.adultConfirmedAt })
		.from(users)
		.where(eq(users.id, userId));
	if (!user) throw new DomainError('not_found');

	const drafts = await db.select({ id: apologyDrafts.id, createdAt: apologyDrafts.createdAt }).from(apologyDrafts).where(eq(apologyDrafts.ownerId, userId)).orderBy(asc(apologyDrafts.createdAt));
	const versions = drafts.length
		? await db
				.select({ draftId: apologyVersions.draftId, number: apologyVersions.number, body: apologyVersions.body, language: apologyVersions.language, ruleIds: apologyVersions.ruleIds, createdAt: apologyVersions.createdAt })
				.from(apologyVersions)
				.where(inArray(apologyVersions.draftId, drafts.map((d) => d.id)))
				.orderBy(asc(apologyVersions.number))
		: [];
	const [membership] = await db.select({ joinedAt: coupleMembers.joinedAt }).from(coupleMembers).where(eq(coupleMembers.userId, userId));
	const [pace] = await db.select().from(paceStatus).where(eq(paceStatus.userId, userId));
	const deeds = await exportDeeds(db, userId);

	const data = {
		format: EXPORT_FORMAT,
		exportedAt: now.toISOString(),
		account: {
			email: user.email,
			displayName: user.displayName,
			language: user.locale,
			role: user.role,
			createdAt: iso(user.createdAt),
			adultConfirmedAt: iso(user.adultConfirmedAt)
		},
		consent: (await db.select().from(consentEvents).where(eq(consentEvents.userId, userId)).orderBy(asc(consentEvents.id))).map((e) => ({
			kind: e.kind,
			textVersion: e.textVersion,
			language: e.locale,
			at: iso(e.createdAt)
		})),
		couple: membership ? { inCouple: true, joinedAt: iso(membership.joinedAt) } : { inCouple: false, joinedAt: null },
		programme: (await db.select().from(stepProgress).where(eq(stepProgress.userId, userId))).map((p) => ({ track: p.track, step: p.step, doneAt: iso(p.doneAt) })),
		apologies: drafts.map((d) => ({
			createdAt: iso(d.createdAt),
			versions: versions
				.filter((v) => v.draftId === d.id)
				.map((v) => ({ number: v.number, language: v.language, text: v.body, coachFindings: v.ruleIds, savedAt: iso(v.createdAt) }))
		})),
		reflections: (await db.select().from(reflections).where(eq(reflections.ownerId, userId)).orderBy(asc(reflections.createdAt))).map((r) => ({
			prompt: r.prompt,
			text: r.body,
			shared: r.sharedCoupleId !== null,
			createdAt: iso(r.createdAt),
			updatedAt: iso(r.updatedAt)
		})),
		lettersSent: (await db.select().from(letters).where(eq(letters.senderId, userId)).orderBy(asc(letters.sentAt))).map((l) => ({
			kind: l.kind,
			text: l.body,
			sentAt: iso(l.sentAt),
			// The sender is promised "delivered" or "opened", never when: the export says no more.
			state: stateOf(l)
		})),
		pace: pace ? { status: pace.status, note: pace.note, updatedAt: iso(pace.updatedAt) } : null,
		needs: (await db.select().from(needs).where(eq(needs.ownerId, userId)).orderBy(asc(needs.createdAt))).map((n) => ({
			text: n.body,
			createdAt: iso(n.createdAt),
			acknowledgedAt: iso(n.acknowledgedAt)
		})),
		wishes: deeds.wishes,
		commitments: deeds.commitments,
		commitmentComments: deeds.commitmentComments,
		decisions: await exportDecisions(db, userId),
		invitations: (await db.select().from(invitations).where(eq(invitations.inviterId, userId)).orderBy(asc(invitations.createdAt))).map((i) => ({
			createdAt: iso(i.createdAt),
			expiresAt: iso(i.expiresAt),
			emailedAt: iso(i.emailedAt),
			mailFailedAt: iso(i.mailFailedAt),
			revokedAt: iso(i.revokedAt),
			acceptedAt: iso(i.acceptedAt),
			declinedAt: iso(i.declinedAt)
		})),
		selfTests: await exportSelfTestResults(db, userId),
		trust: await exportTrust(db, userId),
		// Talking it through (issue 11): agreements proposed, accounts written, questions and replies.
		talk: {
			agreementsProposed: await exportAgreements(db, userId),
			accounts: await exportAccounts(db, userId),
			...(await exportQuestions(db, userId))
		},
		// The trigger kit (issue 11, item 4): the person's own log, with the partner's answer to each signal.
		triggers: { log: await exportTriggerLog(db, userId), answersGiven: await exportAnswersGiven(db, userId), ...(await exportTriggerSettings(db, userId)) },
		// Impact and restitution letters (issue 11, item 5): every version, drafts and sent ones.
		pointLetters: await exportPointLetters(db, userId),
		// The weekly relationship hour (issue 13, item 5): own answers, skips and notes.
		hour: await exportHour(db, userId),
		// The private calendar feed (issue 13, item 6): whether it is on and since when; never its secret.
		calendarFeed: await exportCalendarFeed(db, userId),
		// Notifications (issue 13, item 3): what the person chose, their devices, the notices made for them.
		notifications: await exportNotifications(db, userId),
		securityEvents: (await db.select().from(securityEvents).where(eq(securityEvents.userId, userId)).orderBy(asc(securityEvents.id))).map((e) => ({
			kind: e.kind,
			at: iso(e.createdAt)
		}))
	};
	await recordSecurityEvent(db, userId, 'export');
	return data;
}

export type UserExport = Awaited<ReturnType<typeof exportUserData>>;
