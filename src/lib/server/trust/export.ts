import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { contactLog, contactQuestions, memories, safetyChecks, selfRatings, transparencyMeasures, transparencyRequests, trustCheckins, trustPreferences } from '../db/schema';
import { m } from '$lib/paraglide/messages.js';

/**
 * The trust area's part of the data export (docs/export-format.md, `trust`): everything the person
 * wrote here and nothing of anyone else. Of the partner's questions on one's contact log only one's
 * own answers are included; of one's own questions, whether they were answered (the answer is the
 * partner's words); of one's transparency requests, whether they were accepted or declined.
 */
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function exportTrust(db: Database, userId: string) {
	const [prefs] = await db.select().from(trustPreferences).where(eq(trustPreferences.userId, userId));
	const [safety] = await db.select().from(safetyChecks).where(eq(safetyChecks.userId, userId));
	const entries = await db.select().from(contactLog).where(eq(contactLog.ownerId, userId)).orderBy(asc(contactLog.day), asc(contactLog.createdAt));
	const answered = entries.length
		? await db
				.select({ entryId: contactQuestions.entryId, answer: contactQuestions.answer, answeredAt: contactQuestions.answeredAt })
				.from(contactQuestions)
				.innerJoin(contactLog, eq(contactLog.id, contactQuestions.entryId))
				.where(eq(contactLog.ownerId, userId))
				.orderBy(asc(contactQuestions.createdAt))
		: [];
	return {
		checkins: (await db.select().from(trustCheckins).where(eq(trustCheckins.ownerId, userId)).orderBy(asc(trustCheckins.day), asc(trustCheckins.createdAt))).map((c) => ({
			day: c.day,
			trust: c.trust,
			safety: c.safety,
			connection: c.connection,
			helped: c.helped,
			hurt: c.hurt,
			shared: c.sharedCoupleId !== null,
			createdAt: iso(c.createdAt)
		})),
		shareAlways: prefs?.shareAlways ?? false,
		selfRatings: (await db.select().from(selfRatings).where(eq(selfRatings.ownerId, userId)).orderBy(asc(selfRatings.day), asc(selfRatings.createdAt))).map((r) => ({
			day: r.day,
			hope: r.hope,
			strain: r.strain,
			createdAt: iso(r.createdAt)
		})),
		safetyCheck: safety
			? { afraid: safety.afraid, controlled: safety.controlled, threatened: safety.threatened, hurt: safety.hurt, signalsRisk: safety.signalsRisk, answeredAt: iso(safety.answeredAt) }
			: null,
		contactLog: entries.map((e) => ({
			kind: e.kind,
			day: e.day,
			channel: e.channel,
			initiatedBy: e.initiatedBy,
			planned: e.planned,
			reason: e.reason,
			said: e.said,
			createdAt: iso(e.createdAt),
			answersGiven: answered.filter((a) => a.entryId === e.id && a.answer !== null).map((a) => ({ answer: a.answer!, answeredAt: iso(a.answeredAt) }))
		})),
		contactQuestionsAsked: (await db.select().from(contactQuestions).where(eq(contactQuestions.askerId, userId)).orderBy(asc(contactQuestions.createdAt))).map((q) => ({
			question: q.question,
			askedAt: iso(q.createdAt),
			answered: q.answer !== null
		})),
		transparencyMeasures: (await db.select().from(transparencyMeasures).where(eq(transparencyMeasures.ownerId, userId)).orderBy(asc(transparencyMeasures.createdAt))).map((t) => ({
			kind: t.kind,
			details: t.details,
			boundaries: t.boundaries,
			endsOn: t.endsOn,
			askedFor: t.requestId !== null,
			createdAt: iso(t.createdAt),
			revokedAt: iso(t.revokedAt)
		})),
		transparencyRequests: (await db.select().from(transparencyRequests).where(eq(transparencyRequests.ownerId, userId)).orderBy(asc(transparencyRequests.createdAt))).map((r) => ({
			kind: r.kind,
			details: r.details,
			createdAt: iso(r.createdAt),
			answer: r.answer,
			answeredAt: iso(r.answeredAt)
		})),
		memories: (await db.select().from(memories).where(eq(memories.ownerId, userId)).orderBy(asc(memories.day), asc(memories.createdAt))).map((x) => ({
			day: x.day,
			text: x.body,
			feeling: x.feeling,
			hidden: x.hidden,
			createdAt: iso(x.createdAt)
		}))
	};
}

export type TrustExport = Awaited<ReturnType<typeof exportTrust>>;

type Locale = 'nl' | 'en';
type MessageFn = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;
const say = (key: string, locale: Locale, inputs: Record<string, unknown> = {}) => {
	const fn = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return fn ? fn(inputs, { locale }) : key;
};
const esc = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const para = (s: string | null) => (s ? `<p>${esc(s).replace(/\n/g, '<br>')}</p>` : '');
const key = (prefix: string, value: string) => `${prefix}${value.replaceAll('-', '_')}`;

/** The trust sections of the readable export page, in the person's language. */
export function renderTrustExportHtml(data: TrustExport, locale: Locale): string {
	const t = (k: string, inputs?: Record<string, unknown>) => say(k, locale, inputs);
	const none = `<p>${esc(t('trust_export_none'))}</p>`;
	const section = <T,>(title: string, items: T[], render: (item: T) => string) => `<h2>${esc(title)}</h2>${items.length ? items.map(render).join('') : none}`;
	return [
		section(t('trust_checkins_heading'), data.checkins, (c) =>
			`<article><p class="meta">${c.day} · ${esc(c.shared ? t('trust_shared') : t('trust_private'))}</p><p>${esc(t('trust_export_scores', { trust: c.trust, safety: c.safety, connection: c.connection }))}</p>${c.helped ? `<p>${esc(t('trust_helped_label'))}:</p>${para(c.helped)}` : ''}${c.hurt ? `<p>${esc(t('trust_hurt_label'))}:</p>${para(c.hurt)}` : ''}</article>`
		),
		data.selfRatings.length ? section(t('trust_self_heading'), data.selfRatings, (r) => `<p>${r.day} · ${esc(t('trust_self_row', { hope: r.hope, strain: r.strain }))}</p>`) : '',
		section(t('contact_title'), data.contactLog, (e) =>
			`<article><p class="meta">${e.day} · ${esc(t(key('contact_kind_', e.kind)))}${e.channel ? ` · ${esc(t(key('contact_channel_', e.channel)))}` : ''}${e.initiatedBy ? ` · ${esc(t(key('contact_initiated_', e.initiatedBy)))}` : ''}${e.planned === null ? '' : ` · ${esc(t(e.planned ? 'contact_planned_yes' : 'contact_planned_no'))}`}</p>${para(e.reason)}${para(e.said)}${e.answersGiven.map((a) => `<p class="meta">${esc(t('contact_answer_heading'))}</p>${para(a.answer)}`).join('')}</article>`
		),
		data.contactQuestionsAsked.length ? section(t('contact_questions_asked'), data.contactQuestionsAsked, (q) => `<article>${para(q.question)}</article>`) : '',
		data.safetyCheck ? `<h2>${esc(t('safety_heading'))}</h2><p>${esc(t(data.safetyCheck.signalsRisk ? 'safety_export_risk' : 'safety_export_clear'))}</p>` : '',
		data.transparencyMeasures.length
			? section(t('transparency_measures_heading'), data.transparencyMeasures, (x) => `<article><h3>${esc(t(key('transparency_kind_', x.kind)))}</h3>${para(x.details)}<p>${esc(t('transparency_boundaries_label'))}:</p>${para(x.boundaries)}<p class="meta">${esc(t('transparency_until', { date: x.endsOn }))}</p></article>`)
			: '',
		data.transparencyRequests.length ? section(t('transparency_requests_heading'), data.transparencyRequests, (x) => `<article><h3>${esc(t(key('transparency_kind_', x.kind)))}</h3>${para(x.details)}</article>`) : '',
		section(t('memories_title'), data.memories, (x) => `<article><p class="meta">${x.day}${x.feeling ? ` · ${esc(t(key('memories_feeling_', x.feeling)))}` : ''}${x.hidden ? ` · ${esc(t('memories_hidden'))}` : ''}</p>${para(x.text)}</article>`)
	].join('\n');
}
