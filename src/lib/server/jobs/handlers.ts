import { publicUrl } from '../env';
import { getMailer } from '../mail';
import { invitationMail } from '../mail/templates';
import { sendPasswordResetMail } from '../auth/password-reset-mail';
import { purgeExpiredSessions } from '../auth/sessions';
import { purgeStaleLimits } from '../security/rate-limit';
import { sendBookletConfirmation } from '../booklet/signups';
import { bookletMailDeps } from '../booklet/links';
import { INVITATION_DAYS, invitationForMail, invitationMailFailed } from '../couple/invitations';
import { localizeHref } from '../../paraglide/runtime.js';
import { notificationsTickJob } from '../notifications/jobs';
import type { JobHandlers, JobSchedule } from '.';

/**
 * What each job does (names and payloads in index.ts). A handler gets the payload and the app's
 * database, runs as system work, and throws to be tried again later (RETRY_LIMIT times, backing
 * off). It may run more than once (a process stopped mid-job): make a second run harmless.
 */
export const handlers: JobHandlers = {
	'mail.password-reset': (data, { db }) =>
		sendPasswordResetMail(db, data, {
			mailer: getMailer(),
			linkTo: (token, locale) => publicUrl(localizeHref(`/reset-password?token=${token}`, { locale }))
		}),

	'mail.invitation': async (data, { db, lastAttempt }) => {
		// Revoked, accepted or expired since: nothing to send.
		const invitation = await invitationForMail(db, data.invitationId);
		if (!invitation) return;
		const link = publicUrl(localizeHref(`/invite/${data.token}`, { locale: data.locale }));
		const mail = invitationMail(data.locale, { inviter: invitation.inviterName, link, days: INVITATION_DAYS });
		try {
			await getMailer().send(data.to, mail, 'invitation');
		} catch (err) {
			// No more tries: not e-mailed after all, and the person may send it again.
			if (lastAttempt) await invitationMailFailed(db, data.invitationId);
			throw err;
		}
	},

	'mail.booklet-confirm': (data, { db }) => sendBookletConfirmation(db, data, bookletMailDeps()),

	'mail.comment-published': async (data, { db }) => {
		// Loaded when first needed: the guide's articles come from Vite's import.meta.glob, which a
		// plain Node worker (tests/setup/jobs-process.ts) does not have.
		const { sendCommentPublishedMail } = await import('../comments/comments');
		await sendCommentPublishedMail(db, data, {
			mailer: getMailer(),
			linkTo: ({ article, commentId, locale }) => publicUrl(localizeHref(`/guide/${article}`, { locale })) + `?thread=${commentId}#comment-${commentId}`
		});
	},

	housekeeping: async (_data, { db }) => {
		await purgeExpiredSessions(db);
		await purgeStaleLimits(db);
	},

	'notifications.tick': notificationsTickJob
};

/** Recurring jobs (cron in UTC). */
export const schedules: JobSchedule[] = [
	{ name: 'housekeeping', cron: '17 3 * * *', data: {} },
	{ name: 'notifications.tick', cron: '* * * * *', data: {} }
];
