import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { partnerIn } from '$lib/server/couple/membership';
import { answerSignal, deleteEntry, listMyEntries, listPartnerSignals, listSharedWithMe, logTrigger, myMoments, shareEntry, signalTrigger, unshareEntry, updateEntry } from '$lib/server/triggers/log';
import { saveDiscoveryDay, savePreparedResponse, triggerSettingsFor, chooseAnniversary } from '$lib/server/triggers/settings';
import { PATTERN_WEEKS, patternsSince, triggerPatterns } from '$lib/server/triggers/patterns';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { discoverySchema, triggerAnswerSchema, triggerIdSchema, triggerLogSchema, triggerResponseSchema, triggerSchema } from '$lib/schemas/hard-parts';
import { localizeHref } from '$lib/i18n';
import { getOwnPaceStatus } from '$lib/server/couple/pace';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** What the partner's notices look back on: a hard moment of this week, not of last month. */
const PARTNER_DAYS = 7;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	const db = getDb();
	const actor = actorOf(user);
	const now = new Date();
	const partner = await partnerIn(db, actor);
	const [{ own, partner: theirs }, entries, moments, signals, shared, pace] = await Promise.all([
		triggerSettingsFor(db, actor, partner?.id ?? null),
		listMyEntries(db, actor),
		myMoments(db, actor, patternsSince(now)),
		partner ? listPartnerSignals(db, actor, new Date(now.getTime() - PARTNER_DAYS * 86_400_000)) : [],
		partner ? listSharedWithMe(db, actor) : [],
		getOwnPaceStatus(db, actor)
	]);
	const iso = (d: Date | null) => (d ? d.toISOString() : null);
	const anniversary = chooseAnniversary(own.discoveredOn, theirs?.discoveredOn ?? null, { role: user.role, space: pace?.status === 'space' }, now);
	// The hurt partner sets the pace: a day the repairing partner saved is not put before them.
	const partnerDiscoveredOn = user.role === 'hurt' ? null : (theirs?.discoveredOn ?? null);
	return {
		role: user.role,
		partnerName: partner?.displayName ?? null,
		partnerPrepared: theirs?.preparedResponse ?? null,
		partnerDiscoveredOn,
		own,
		anniversary: anniversary && { day: anniversary.day, inDays: anniversary.inDays },
		entries: entries.map((e) => ({
			id: e.id,
			occurredAt: e.occurredAt.toISOString(),
			strength: e.strength,
			cause: e.cause,
			helped: e.helped,
			shared: e.shared,
			signal: e.signal && { current: e.signal.current, answer: e.signal.answer, answeredAt: iso(e.signal.answeredAt) }
		})),
		patterns: triggerPatterns(moments, now),
		patternWeeks: PATTERN_WEEKS,
		partnerSignals: signals.map((s) => ({ id: s.id, at: s.at.toISOString(), answer: s.answer, entry: s.entry })),
		sharedWithMe: shared.map((e) => ({ id: e.id, occurredAt: e.occurredAt.toISOString(), strength: e.strength, cause: e.cause, helped: e.helped })),
		/** Before this, one's own signal no longer "waits" for an answer (the partner's notice window). */
		noticeSince: new Date(now.getTime() - PARTNER_DAYS * 86_400_000).toISOString(),
		formKey: newFormKey()
	};
};

async function withForm<T>(event: RequestEvent, schema: Parameters<typeof parseForm>[0], fields: string[], work: (data: T, form: FormData) => Promise<Record<string, unknown>>) {
	requireUser(event);
	const form = await event.request.formData();
	const values = Object.fromEntries(fields.map((f) => [f, String(form.get(f) ?? '')]));
	const parsed = parseForm(schema, form);
	if (!parsed.ok) return invalid(parsed.errors, values);
	try {
		return await work(parsed.data as T, form);
	} catch (err) {
		return actionFailure(err, values);
	}
}

type Entry = { strength: number | null; cause: string | null; helped?: string | null };
type Id = { id: string };

/** The id-only actions on one's own entries share their shape. */
const byId = (work: (db: ReturnType<typeof getDb>, actor: ReturnType<typeof actorOf>, id: string) => Promise<void>, done: string) => (event: RequestEvent) =>
	withForm<Id>(event, triggerIdSchema, ['id'], async ({ id }) => {
		await work(getDb(), actorOf(event.locals.user!), id);
		return { [done]: id };
	});

export const actions: Actions = {
	// "I'm triggered": the second tap. Without a partner it is the same as noting it in the log.
	signal: (event) =>
		withForm<Entry>(event, triggerSchema, ['strength', 'cause'], async (data, form) => {
			const { signalled } = await signalTrigger(getDb(), actorOf(event.locals.user!), data, formKeyOf(form));
			return { noted: signalled ? 'signalled' : 'logged' };
		}),
	log: (event) =>
		withForm<Entry>(event, triggerSchema, ['strength', 'cause'], async (data, form) => {
			await logTrigger(getDb(), actorOf(event.locals.user!), data, formKeyOf(form));
			return { noted: 'logged' };
		}),
	update: (event) =>
		withForm<Entry & Id>(event, triggerLogSchema.extend(triggerIdSchema.shape), ['id', 'strength', 'cause', 'helped'], async ({ id, ...data }) => {
			await updateEntry(getDb(), actorOf(event.locals.user!), id, data);
			return { updated: id };
		}),
	share: byId(shareEntry, 'shared'),
	unshare: byId(unshareEntry, 'unshared'),
	delete: byId(deleteEntry, 'deleted'),
	answer: (event) =>
		withForm<Id & { answer: 'talk' | 'closeness' | 'space' }>(event, triggerAnswerSchema.extend(triggerIdSchema.shape), ['id', 'answer'], async ({ id, answer }) => {
			await answerSignal(getDb(), actorOf(event.locals.user!), id, answer);
			return { answered: id };
		}),
	prepare: (event) =>
		withForm<{ body: string | null }>(event, triggerResponseSchema, ['body'], async ({ body }) => {
			await savePreparedResponse(getDb(), actorOf(event.locals.user!), body);
			return { prepared: true };
		}),
	discovery: (event) =>
		withForm<{ discoveredOn?: string }>(event, discoverySchema, ['discoveredOn'], async ({ discoveredOn }) => {
			await saveDiscoveryDay(getDb(), actorOf(event.locals.user!), discoveredOn || null);
			return { discovery: true };
		})
};
