import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { signUp } from '../auth/accounts';
import { deleteApologyDraft, getApologyDraft, listApologyDrafts, saveApologyVersion } from './drafts';

const poor = 'Sorry als je je gekwetst voelt, maar het was maar een slippertje.';
const good = 'Ik ben vreemdgegaan en ik heb erover gelogen. Het spijt me. Ik heb je diep gekwetst. Ik zal al je vragen eerlijk beantwoorden.';

describe(`apology drafts (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	let writer: Actor;
	let other: Actor;

	beforeAll(async () => {
		db = database();
		const make = async (name: string) => ({ userId: (await signUp(db, { email: `${name}@example.org`, password: 'long enough pass', displayName: name, locale: 'nl' })).userId, coupleId: null });
		writer = await make('writer');
		other = await make('other');
	});

	it('adds a version on every save and never overwrites an earlier one', async () => {
		const first = await saveApologyVersion(db, writer, { body: poor });
		const second = await saveApologyVersion(db, writer, { draftId: first.draftId, body: good });
		expect([first.number, second.number]).toEqual([1, 2]);
		const draft = await getApologyDraft(db, writer, first.draftId);
		expect(draft.versions.map((v) => [v.number, v.body])).toEqual([
			[2, good],
			[1, poor]
		]);
	});

	it('stores what the server’s own analysis found, whatever the browser saw', async () => {
		const { draftId } = await saveApologyVersion(db, writer, { body: poor, lang: 'nl' });
		const [version] = (await getApologyDraft(db, writer, draftId)).versions;
		expect(version.language).toBe('nl');
		expect(version.ruleIds).toEqual(expect.arrayContaining(['conditional-apology', 'minimizing', 'missing-ownership']));
		const { draftId: clean } = await saveApologyVersion(db, writer, { body: good });
		expect((await getApologyDraft(db, writer, clean)).versions[0].ruleIds).toEqual([]);
	});

	it('lists each draft once, by its latest version', async () => {
		const { draftId } = await saveApologyVersion(db, other, { body: poor });
		await saveApologyVersion(db, other, { draftId, body: good });
		const list = await listApologyDrafts(db, other);
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ id: draftId, versions: 2, openPoints: 0 });
		expect(list[0].excerpt).toBe(good.slice(0, 90));
		// The most recently worked-on draft first, each once however many versions it has.
		const later = await saveApologyVersion(db, other, { body: poor });
		expect((await listApologyDrafts(db, other)).map((d) => [d.id, d.versions])).toEqual([
			[later.draftId, 1],
			[draftId, 2]
		]);
		await saveApologyVersion(db, other, { draftId, body: poor });
		expect((await listApologyDrafts(db, other)).map((d) => [d.id, d.versions, d.openPoints > 0])).toEqual([
			[draftId, 3, true],
			[later.draftId, 1, true]
		]);
	});

	it('keeps drafts private: another user can neither read, add to nor delete one', async () => {
		const { draftId } = await saveApologyVersion(db, writer, { body: good });
		await expect(getApologyDraft(db, other, draftId)).rejects.toThrow('not_found');
		await expect(saveApologyVersion(db, other, { draftId, body: 'overgenomen' })).rejects.toThrow('not_found');
		await expect(deleteApologyDraft(db, other, draftId)).rejects.toThrow('not_found');
		expect((await listApologyDrafts(db, other)).map((d) => d.id)).not.toContain(draftId);
		expect((await getApologyDraft(db, writer, draftId)).versions).toHaveLength(1);
	});

	it('deletes a draft with all its versions for its owner', async () => {
		const { draftId } = await saveApologyVersion(db, writer, { body: good });
		await deleteApologyDraft(db, writer, draftId);
		await expect(getApologyDraft(db, writer, draftId)).rejects.toThrow('not_found');
		await expect(getApologyDraft(db, writer, 'no-such-draft')).rejects.toThrow('not_found');
	});
});
