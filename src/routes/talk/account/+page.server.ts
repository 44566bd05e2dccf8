import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/access/actor';
import { currentAgreement } from '$lib/server/agreements/agreements';
import { addEntry, addLater, getMyAccount, openAccountLetter, readPartnerAccount, removeEntry, sendAccount, updateEntry } from '$lib/server/talk/account';
import { mentionsIntimateDetail } from '$lib/server/talk/guidance';
import { partnerOf } from '$lib/server/couple/membership';
import { readPartnerStatus } from '$lib/server/couple/pace';
import { actionFailure, invalid, parseForm, requireUser } from '$lib/server/http';
import { formKeyOf, newFormKey } from '$lib/server/forms/once';
import { additionSchema, entrySchema, sendAccountSchema } from '$lib/schemas/talk';
import { idSchema } from '$lib/schemas/couple';
import { UUID } from '$lib/schemas/text';
import { m } from '$lib/i18n';

// Plain HTML and forms; the page script adds the rest, the intimate-detail hint included, from a
// script of its own (docs/decisions/021).
export const csr = false;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** The entry being changed, as the form's fields. */
const pick = (e: { id: string; fromDate: string; toDate: string | null; approximate: boolean; body: string } | undefined) =>
	e ? { id: e.id, fromDate: e.fromDate, toDate: e.toDate ?? '', approximate: e.approximate, body: e.body } : null;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const actor = actorOf(user);
	const partner = await partnerOf(db, user.id);
	const [agreement, mine, theirs, partnerPace] = await Promise.all([
		currentAgreement(db, actor),
		getMyAccount(db, actor),
		readPartnerAccount(db, actor),
		partner ? readPartnerStatus(db, actor, partner) : null
	]);
	const edit = event.url.searchParams.get('edit');
	return {
		role: user.role,
		partnerName: partner?.displayName ?? null,
		partnerInSpace: partnerPace?.status === 'space',
		detail: agreement?.detail ?? null,
		offLimits: agreement?.offLimits ?? null,
		// The writer's part shows for the repairing partner, or for anyone who already started one.
		writer: user.role !== 'hurt' || !!mine,
		mine: mine && {
			sentAt: iso(mine.sentAt),
			state: mine.state,
			entries: mine.entries.map((e) => ({ ...e, addedAt: iso(e.addedAt) }))
		},
		theirs: theirs && {
			letterId: theirs.letterId,
			sentAt: theirs.sentAt.toISOString(),
			opened: theirs.opened,
			entries: theirs.entries.map((e) => ({ ...e, addedAt: iso(e.addedAt) }))
		},
		editing: edit && UUID.test(edit) && mine && !mine.sentAt ? pick(mine.entries.find((e) => e.id === edit)) : null,
		formKey: newFormKey()
	};
};

const ENTRY_FIELDS = ['fromDate', 'toDate', 'approximate', 'body'] as const;
const valuesOf = (form: FormData, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, String(form.get(f) ?? '')]));

export const actions: Actions = {
	add: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = valuesOf(form, ENTRY_FIELDS);
		const parsed = parseForm(entrySchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await addEntry(getDb(), actorOf(user), parsed.data, formKeyOf(form));
		} catch (err) {
			return actionFailure(err, values);
		}
		return { added: true, intimate: await mentionsIntimateDetail(parsed.data.body, `user:${user.id}`) };
	},
	update: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = { ...valuesOf(form, ENTRY_FIELDS), id: String(form.get('id') ?? '') };
		const id = parseForm(idSchema, form);
		if (!id.ok) return invalid(id.errors, values);
		const parsed = parseForm(entrySchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await updateEntry(getDb(), actorOf(user), id.data.id, parsed.data);
		} catch (err) {
			return actionFailure(err, values);
		}
		return { updated: true, intimate: await mentionsIntimateDetail(parsed.data.body, `user:${user.id}`) };
	},
	remove: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await removeEntry(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { removed: true };
	},
	send: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = parseForm(sendAccountSchema, form);
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			const { waiting } = await sendAccount(getDb(), actorOf(user), formKeyOf(form));
			return { sent: true, waiting };
		} catch (err) {
			return actionFailure(err);
		}
	},
	addLater: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const values = valuesOf(form, [...ENTRY_FIELDS, 'reason', 'correctsId']);
		const parsed = parseForm(additionSchema, form);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			const labels = { addedLater: m.talk_added_later(), reason: m.talk_reason_label(), corrects: m.talk_corrects_label() };
			const { waiting } = await addLater(getDb(), actorOf(user), parsed.data, labels, formKeyOf(form));
			return { addedLater: true, waiting, intimate: await mentionsIntimateDetail(parsed.data.body, `user:${user.id}`) };
		} catch (err) {
			return actionFailure(err, values);
		}
	},
	open: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(idSchema, await event.request.formData());
		if (!parsed.ok) return invalid(parsed.errors);
		try {
			await openAccountLetter(getDb(), actorOf(user), parsed.data.id);
		} catch (err) {
			return actionFailure(err);
		}
		return { opened: true };
	}
};
