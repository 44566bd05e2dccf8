import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { partnerIn } from '$lib/server/couple/membership';
import { answerSignal, deleteEntry, latestOwnSignal, listMyEntries, listPartnerSignals, listSharedWithMe, logTrigger, myMoments, shareEntry, signalTrigger, unshareEntry, updateEntry } from '$lib/server/triggers/log';
import { saveDiscoveryDay, savePreparedResponse, triggerSettingsFor, chooseAnniversary } from '$lib/server/triggers/settings';
import { PATTERN_WEEKS, patternsSince, triggerPatterns } from '$lib/server/triggers/patterns';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { discoverySchema, triggerAnswerSchema, triggerIdSchema, triggerLogSchema, triggerResponseSchema, triggerSchema } from '$lib/schemas/hard-parts';
import { formatCursor, keysetCursorSchema, type KeysetCursor } from '$lib/schemas/cursor';
import { localizeHref } from '$lib/i18n';
import { getOwnPaceStatus } from '$lib/server/couple/pace';

// Plain HTML and forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** What the partner's notices look back on: a hard moment of this week, not of last month. */
const PARTNER_DAYS = 7;

/**
 * The two lists page apart, each with its own keyset cursor: `before` for one's own log,
 * `sharedBefore` for the moments the partner shared. A cursor that cannot be read is "the newest".
 */
const CURSORS = { log: 'before', shared: 'sharedBefore' } as const;

function cursorsOf(url: URL) {
	return {
		log: keysetCursorSchema.parse(url.searchParams.get(CURSORS.log)),
		shared: keysetCursorSchema.parse(url.searchParams.get(CURSORS.shared))
	};
}

/** The query holding the cursors given (null: that list at its newest), without "?". */
function cursorQuery(cursors: Record<keyof typeof CURSORS, KeysetCursor | null>) {
	const query = new URLSearchParams();
	for (const list of ['log', 'shared'] as const) {
		const cursor = cursors[list];
		if (cursor) query.set(CURSORS[list], formatCursor(cursor));
	}
	return query.toString();
}

/** A plain link to this page with the cursors given. "?" alone is the newest: a bare "#…" would keep the query. */
const pageHref = (cursors: Record<keyof typeof CURSORS, KeysetCursor | null>, hash: string) => `?${cursorQuery(cursors)}${hash}`;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	if (!user.role) redirect(303, localizeHref('/onboarding/role'));
	const db = getDb();
	const actor = actorOf(user);
	const now = new Date();
	const partner = await partnerIn(db, actor);
	const cursors = cursorsOf(event.url);
	const noticeSince = new Date(now.getTime() - PARTNER_DAYS * 86_400_000);
	const [{ own, partner: theirs }, log, moments, signals, shared, latest, pace] = await Promise.all([
		triggerSettingsFor(db, actor, partner?.id ?? null),
		listMyEntries(db, actor, cursors.log),
		// Patterns count every moment of their weeks, not only those of the page shown.
		myMoments(db, actor, patternsSince(now)),
		partner ? listPartnerSignals(db, actor, noticeSince) : { signals: [], olderLeftOut: false },
		partner ? listSharedWithMe(db, actor, cursors.shared) : { entries: [], older: null },
		// The answer to one's latest signal stands above the form whichever page of the log is open.
		partner && user.role !== 'repairing' ? latestOwnSignal(db, actor, noticeSince) : null,
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
		entries: log.entries.map((e) => ({
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
		partnerSignals: signals.signals.map((s) => ({ id: s.id, at: s.at.toISOString(), answer: s.answer, entry: s.entry })),
		olderPartnerSignals: signals.olderLeftOut,
		sharedWithMe: shared.entries.map((e) => ({ id: e.id, occurredAt: e.occurredAt.toISOString(), strength: e.strength, cause: e.cause, helped: e.helped })),
		latestSignal: latest && { at: latest.at.toISOString(), answer: latest.answer, answeredAt: iso(latest.answeredAt) },
		/** Plain links for both lists: one page older, and back to the newest (null where there is none). */
		pages: {
			logOlder: log.older && pageHref({ ...cursors, log: log.older }, '#log'),
			logNewest: cursors.log && pageHref({ ...cursors, log: null }, '#log'),
			sharedOlder: shared.older && pageHref({ ...cursors, shared: shared.older }, '#shared'),
			sharedNewest: cursors.shared && pageHref({ ...cursors, shared: null }, '#shared'),
			/** Appended to a form's action, so its answer shows the same pages (a new moment goes to the newest instead). */
			keep: cursorQuery(cursors) && `&${cursorQuery(cursors)}`
		},
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
