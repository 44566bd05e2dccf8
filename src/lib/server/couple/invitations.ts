import { createHash } from 'node:crypto';
import { and, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { coupleMembers, coupleNotices, couples, invitations, needs, users } from '../db/schema';
import { DomainError, isUniqueViolation } from '../errors';
import { hashToken, newId, newToken } from '../security/tokens';
import { recordSecurityEvent } from '../security/events';
import { hitLimit, type Limit } from '../security/rate-limit';
import { coupleIdOf } from './membership';
import { once } from '../forms/once';
import { runAsSystem } from '../db/actor-context';
import { bindSoloTrustItems } from '../trust/memories';

export const INVITATION_DAYS = 7;

function usable(now: Date) {
	return and(isNull(invitations.revokedAt), isNull(invitations.acceptedAt), isNull(invitations.declinedAt), gt(invitations.expiresAt, now));
}

/**
 * One open invitation at a time: a new one replaces (revokes) the previous. With a form key, a
 * double click must not revoke the link the person is about to copy, so a repeat returns the same
 * invitation, and its token is derived from the key: only a hash is stored, yet a repeat can show
 * the same link again. (A client that chose a weak key would only weaken its own invitation.)
 * Since each new link revokes the previous one, nobody needs many; a cap stops a script from
 * filling the table (and the security log) with them.
 */
export const INVITATION_CREATE_LIMIT: Limit = { max: 10, windowSeconds: 60 * 60 };

export async function createInvitation(db: Database, inviterId: string, now = new Date(), formKey?: string) {
	const limit = await hitLimit(db, `invite-create:${inviterId}`, INVITATION_CREATE_LIMIT, now);
	if (!limit.allowed) throw new DomainError('too_many_attempts', { retryAfterSeconds: limit.retryAfterSeconds });
	if (await coupleIdOf(db, inviterId)) throw new DomainError('already_in_couple');
	const token = formKey ? createHash('sha256').update(`invitation:${formKey}`).digest('base64url') : newToken();
	const { id, replay } = await once(db, inviterId, formKey, 'invitation', async (tx) => {
		const id = newId();
		await tx.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.inviterId, inviterId), usable(now)));
		await tx.insert(invitations).values({
			id,
			tokenHash: hashToken(token),
			inviterId,
			expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000)
		});
		return id;
	});
	if (replay) {
		// A form sent again later (a reload that re-posts) must not show a link that was revoked
		// or used since: then it is a new request for a link.
		const [still] = await db.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.id, id), usable(now)));
		if (!still) return createInvitation(db, inviterId, now);
		return { id, token };
	}
	await recordSecurityEvent(db, inviterId, 'invitation-created');
	return { id, token };
}

export async function openInvitationOf(db: Database, inviterId: string, now = new Date()) {
	const [row] = await db
		.select({ id: invitations.id, expiresAt: invitations.expiresAt, emailedAt: invitations.emailedAt, mailFailedAt: invitations.mailFailedAt })
		.from(invitations)
		.where(and(eq(invitations.inviterId, inviterId), usable(now)));
	return row ?? null;
}

export async function revokeInvitation(db: Database, inviterId: string, now = new Date()) {
	await db.update(invitations).set({ revokedAt: now }).where(and(eq(invitations.inviterId, inviterId), usable(now)));
}

/**
 * Marks the open invitation as e-mailed. Only once: Herstelpad never chases someone who did not
 * sign up, so there is no second e-mail for the same invitation.
 */
export async function markInvitationEmailed(db: Database, inviterId: string, token: string, now = new Date()) {
	const [row] = await db
		.update(invitations)
		.set({ emailedAt: now, mailFailedAt: null })
		.where(and(eq(invitations.tokenHash, hashToken(token)), eq(invitations.inviterId, inviterId), isNull(invitations.emailedAt), usable(now)))
		.returning({ id: invitations.id });
	if (!row) throw new DomainError('invitation_already_emailed');
	return row.id;
}

/**
 * A new link can always be made, so the one-e-mail rule alone would not stop someone from mailing
 * an address again and again; a few invitation e-mails a day is all anyone needs.
 */
export const INVITATION_MAIL_LIMIT: Limit = { max: 3, windowSeconds: 24 * 60 * 60 };

/**
 * Records the one e-mail of an invitation and hands it to `deliver` (which queues it, see
 * src/routes/together); when that fails, it may be tried again.
 */
export async function emailInvitation(db: Database, inviterId: string, token: string, deliver: (invitationId: string) => Promise<void>, now = new Date()) {
	const limit = await hitLimit(db, `invite-mail:${inviterId}`, INVITATION_MAIL_LIMIT, now);
	if (!limit.allowed) throw new DomainError('too_many_attempts', { retryAfterSeconds: limit.retryAfterSeconds });
	const id = await markInvitationEmailed(db, inviterId, token, now);
	try {
		await deliver(id);
	} catch {
		// The mailer has logged the failure; the invitation may be e-mailed again.
		await db.update(invitations).set({ emailedAt: null }).where(eq(invitations.id, id));
		throw new DomainError('mail_failed');
	}
}

/**
 * For the invitation mail's job, when its last try failed: the invitation was not e-mailed after
 * all. The person is told on the together page and may e-mail it again.
 */
export async function invitationMailFailed(db: Database, invitationId: string, now = new Date()) {
	await db.update(invitations).set({ emailedAt: null, mailFailedAt: now }).where(and(eq(invitations.id, invitationId), isNotNull(invitations.emailedAt)));
}

/**
 * For the invitation mail's job: who invites, if the invitation is still open and was e-mailed.
 * A link revoked or accepted before the job runs is not sent.
 */
export async function invitationForMail(db: Database, invitationId: string, now = new Date()) {
	const [row] = await db
		.select({ inviterName: users.displayName })
		.from(invitations)
		.innerJoin(users, eq(users.id, invitations.inviterId))
		.where(and(eq(invitations.id, invitationId), isNotNull(invitations.emailedAt), usable(now)));
	return row ?? null;
}

async function findUsable(db: Database, token: string, now: Date) {
	const [row] = await db
		.select({ id: invitations.id, inviterId: invitations.inviterId, inviterName: users.displayName, inviterRole: users.role, expiresAt: invitations.expiresAt })
		.from(invitations)
		.innerJoin(users, eq(users.id, invitations.inviterId))
		.where(and(eq(invitations.tokenHash, hashToken(token)), usable(now)));
	if (!row) throw new DomainError('invitation_invalid');
	return row;
}

/** What the invitee sees before deciding: who invites them and in which role. */
export async function describeInvitation(db: Database, token: string, now = new Date()) {
	const row = await findUsable(db, token, now);
	return { inviterId: row.inviterId, inviterName: row.inviterName, inviterRole: row.inviterRole, expiresAt: row.expiresAt };
}

export async function acceptInvitation(db: Database, inviteeId: string, token: string, now = new Date()) {
	const invitation = await findUsable(db, token, now);
	if (invitation.inviterId === inviteeId) throw new DomainError('invitation_own');
	if (await coupleIdOf(db, inviteeId)) throw new DomainError('already_in_couple');
	if (await coupleIdOf(db, invitation.inviterId)) throw new DomainError('invitation_invalid');
	const coupleId = newId();
	try {
		await joinCouple(db, invitation.id, coupleId, [invitation.inviterId, inviteeId], now);
	} catch (err) {
		// Two acceptances at the same moment: the unique membership lets one win; the other is told plainly.
		if (isUniqueViolation(err)) throw new DomainError('already_in_couple');
		throw err;
	}
	await recordSecurityEvent(db, inviteeId, 'invitation-accepted');
	return { coupleId };
}

async function joinCouple(db: Database, invitationId: string, coupleId: string, members: [string, string], now: Date) {
	// Crosses users by design (the inviter's unbound needs join the couple too): see decision 006.
	await runAsSystem(() => db.transaction(async (tx) => {
		const [spent] = await tx
			.update(invitations)
			.set({ acceptedAt: now })
			.where(and(eq(invitations.id, invitationId), usable(now)))
			.returning({ id: invitations.id });
		if (!spent) throw new DomainError('invitation_invalid');
		await tx.insert(couples).values({ id: coupleId });
		await tx.insert(coupleMembers).values(members.map((userId) => ({ coupleId, userId })));
		// Needs written while solo were written for whoever would come: they belong to this couple now.
		await tx
			.update(needs)
			.set({ coupleId })
			.where(and(inArray(needs.ownerId, members), isNull(needs.coupleId)));
		// So are contact-log entries and memories written while solo (issue 10).
		await bindSoloTrustItems(tx as unknown as Database, members, coupleId);
		// A notice about an earlier partner would be confusing next to a new one.
		await tx.delete(coupleNotices).where(inArray(coupleNotices.userId, members));
	}));
}

export async function declineInvitation(db: Database, token: string, now = new Date()) {
	const invitation = await findUsable(db, token, now);
	await db.update(invitations).set({ declinedAt: now }).where(eq(invitations.id, invitation.id));
}
