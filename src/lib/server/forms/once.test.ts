import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import { signUp } from '../auth/accounts';
import { createReflection, listMyReflections } from '../reflections/reflections';
import { saveApologyVersion, listApologyDrafts } from '../apology/drafts';
import { addNeed, listMyNeeds } from '../couple/pace';
import { createInvitation, describeInvitation, openInvitationOf } from '../couple/invitations';
import { listSecurityEvents } from '../security/events';
import { formKeyOf, newFormKey, once } from './once';

describe(`creating actions are idempotent per form key (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let user: string;
	const actor = () => ({ userId: user, coupleId: null });

	beforeAll(async () => {
		db = database();
		user = (await signUp(db, { email: 'once@example.org', password: 'long enough pass', displayName: 'once', locale: 'nl' })).userId;
	});

	it('creates a reflection, a draft and a need once for two posts with the same key', async () => {
		const key = newFormKey();
		const create = () => once(db, user, key, 'reflection', async (tx) => (await createReflection(tx, actor(), { prompt: 'my-part', body: 'twice?' })).id);
		const [a, b] = await Promise.all([create(), create()]);
		expect(b.id).toBe(a.id);
		expect((await listMyReflections(db, actor())).length).toBe(1);

		const draftKey = newFormKey();
		const save = () => once(db, user, draftKey, 'apology-version', async (tx) => (await saveApologyVersion(tx, actor(), { body: 'Het spijt me.' })).draftId);
		const [d1, d2] = await Promise.all([save(), save()]);
		expect(d2.id).toBe(d1.id);
		expect((await listApologyDrafts(db, actor())).map((d) => d.versions)).toEqual([1]);

		const needKey = newFormKey();
		await addNeed(db, actor(), 'Rust', needKey);
		await addNeed(db, actor(), 'Rust', needKey);
		expect((await listMyNeeds(db, actor())).length).toBe(1);
	});

	it('frees the key when the creation fails, and refuses a key reused for another kind', async () => {
		const key = newFormKey();
		await expect(once(db, user, key, 'need', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		const { replay } = await once(db, user, key, 'need', async (tx) => (await addNeed(tx, actor(), 'na een fout')).id);
		expect(replay).toBe(false);
		await expect(once(db, user, key, 'reflection', async () => 'x')).rejects.toThrow('conflict');
	});

	it('gives a repeated invitation the same working link instead of revoking the one just shown', async () => {
		const key = newFormKey();
		const first = await createInvitation(db, user, new Date(), key);
		const again = await createInvitation(db, user, new Date(), key);
		expect(again).toEqual(first);
		expect((await describeInvitation(db, first.token)).inviterName).toBe('once');
		expect((await openInvitationOf(db, user))?.id).toBe(first.id);
		expect((await listSecurityEvents(db, user)).filter((e) => e.kind === 'invitation-created')).toHaveLength(1);
		const other = await createInvitation(db, user, new Date(), newFormKey());
		expect(other.token).not.toBe(first.token);
		await expect(describeInvitation(db, first.token)).rejects.toThrow('invitation_invalid');
		// The first form posted again after another link replaced its own: a new working link, not the dead one.
		const later = await createInvitation(db, user, new Date(), key);
		expect(later.token).not.toBe(first.token);
		expect((await describeInvitation(db, later.token)).inviterName).toBe('once');
	});

	it('reads only a plausible key from a form', () => {
		const form = new FormData();
		expect(formKeyOf(form)).toBeUndefined();
		form.set('formKey', 'short');
		expect(formKeyOf(form)).toBeUndefined();
		const key = newFormKey();
		form.set('formKey', key);
		expect(formKeyOf(form)?.startsWith(`${key}.`)).toBe(true);
	});

	it('binds the key to what the form sent: a repeat matches, a different entry does not', () => {
		const form = (note: string, extra?: [string, string]) => {
			const data = new FormData();
			data.set('formKey', 'k'.repeat(43));
			data.set('note', note);
			if (extra) data.set(...extra);
			return data;
		};
		expect(formKeyOf(form('first'))).toBe(formKeyOf(form('first')));
		expect(formKeyOf(form('second'))).not.toBe(formKeyOf(form('first')));
		expect(formKeyOf(form('first', ['shared', 'on']))).not.toBe(formKeyOf(form('first')));
		// The order fields arrive in does not make a repeat look new.
		const reordered = new FormData();
		reordered.set('note', 'first');
		reordered.set('formKey', 'k'.repeat(43));
		expect(formKeyOf(reordered)).toBe(formKeyOf(form('first')));
	});
});
