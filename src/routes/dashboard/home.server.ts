import type { Database } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/sessions';
import { actorOf } from '$lib/server/access/actor';
import { getProgress } from '$lib/server/program/progress';
import { listGuides } from '$lib/server/program/guides';
import { readPaceStatuses } from '$lib/server/couple/pace';
import { partnerIn } from '$lib/server/couple/membership';
import { openInvitationOf } from '$lib/server/couple/invitations';
import { readCoupleNotice } from '$lib/server/couple/notices';
import { countUnopenedLetters } from '$lib/server/couple/letters';
import { deedsToday } from '$lib/server/deeds/today';
import { countWishesAwaitingAnswer } from '$lib/server/deeds/wishes';
import { latestSharedTrust } from '$lib/server/trust/checkins';
import { triggerNotices } from '$lib/server/triggers/log';
import { anniversaryFor } from '$lib/server/triggers/settings';

/**
 * What the home page shows, for one signed-in user with a role: what matters today (check-ins
 * due, wishes waiting for an answer, unopened letters, the partner's status), the latest week of
 * trust check-ins shared in the couple, and where they are on their path. A fixed number of queries, however much history there is (home.server.test.ts).
 */
export async function loadHome(db: Database, user: SessionUser & { role: 'repairing' | 'hurt' }, locale: string, now = new Date()) {
	const actor = actorOf(user);
	const progress = await getProgress(db, user.id, user.role);
	const guides = listGuides(user.role, locale === 'en' ? 'en' : 'nl');
	const partner = await partnerIn(db, actor);
	// The partner's status to show, and the reader's own (no anniversary note while asking for space).
	const pace = await readPaceStatuses(db, actor, partner);
	const status = pace.partner;
	const invitation = partner ? null : await openInvitationOf(db, user.id);
	const next = progress.steps.find((s) => !s.doneAt);
	const nextGuide = next ? guides.find((g) => g.slug === next.slug) : undefined;
	const deeds = await deedsToday(db, actor, now);
	const wishesWaiting = partner ? await countWishesAwaitingAnswer(db, actor) : 0;
	const unopenedLetters = partner ? await countUnopenedLetters(db, actor) : 0;
	const trust = partner ? await latestSharedTrust(db, actor, now) : null;
	const triggers = partner ? await triggerNotices(db, actor, now) : { waiting: 0, answer: null };
	// The hurt partner sets the pace: no note from the partner's day, none at all while asking for space.
	const anniversary = await anniversaryFor(db, actor, partner?.id ?? null, user.role, now, pace.own);
	const week = (w: { weekStart: string; count: number; trust: number | null; safety: number | null; connection: number | null }) => ({
		weekStart: w.weekStart,
		count: w.count,
		trust: w.trust,
		safety: w.safety,
		connection: w.connection
	});
	return {
		displayName: user.displayName,
		role: user.role,
		progress: { done: progress.done, total: progress.total, percent: progress.percent },
		solo: !partner,
		invitationOpenUntil: invitation ? invitation.expiresAt.toISOString() : null,
		notice: partner ? null : await readCoupleNotice(db, user.id),
		partner: partner ? { displayName: partner.displayName, status: status?.status ?? null, note: status?.note ?? null } : null,
		trust: trust ? { mine: trust.mine, latest: week(trust.latest), previous: trust.previous ? week(trust.previous) : null } : null,
		next: nextGuide ? { slug: nextGuide.slug, number: nextGuide.number, title: nextGuide.title, summary: nextGuide.summary } : null,
		today: {
			due: deeds.due.filter((d) => !d.recorded).map((d) => ({ id: d.id, title: d.title, weekly: d.weekly })),
			recordedToday: deeds.due.filter((d) => d.recorded).length,
			partnerOngoing: deeds.partnerOngoing,
			wishesWaiting,
			unopenedLetters,
			// The trigger kit: the partner's hard moments waiting for an answer, the answer to one's own.
			triggersWaiting: triggers.waiting,
			triggerAnswer: triggers.answer?.answer ?? null
		},
		anniversary: anniversary && { day: anniversary.day, inDays: anniversary.inDays }
	};
}
