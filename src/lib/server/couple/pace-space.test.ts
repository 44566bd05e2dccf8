import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { signUp } from '../auth/accounts';
import { chooseRole, deleteAccount } from '../users/users';
import { acceptInvitation, createInvitation } from './invitations';
import { coupleIdOf, leaveCouple } from './membership';
import { countUnopenedLetters, countWaitingLetters, listLetterbox, listSentLetters, openLetter, releaseWaitingLetters, sendApologyVersion, sendLetter, sentVersionsOf } from './letters';
import { clearPaceStatus, getOwnPaceStatus, getPartnerPace, setPaceStatus } from './pace';
import { dismissCoupleNotice, readCoupleNotice } from './notices';
import { saveApologyVersion } from '../apology/drafts';

const pass = 'long enough pass';

describe(`the hurt partner's pace, double deliveries, notices (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const actor = async (userId: string): Promise<Actor> => ({ userId, coupleId: await coupleIdOf(db, userId) });
	const make = async (name: string, role: 'repairing' | 'hurt') => {
		const { userId } = await signUp(db, { email: `${name}@example.org`, password: pass, displayName: name, locale: 'nl' });
		await chooseRole(db, userId, role);
		return userId;
	};
	const pair = async (repairingName: string, hurtName: string) => {
		const repairing = await make(repairingName, 'repairing');
		const hurt = await make(hurtName, 'hurt');
		await acceptInvitation(db, hurt, (await createInvitation(db, repairing)).token);
		return { repairing, hurt };
	};

	beforeAll(() => {
		db = database();
	});

	it('keeps letters and apologies written during "space" waiting until the recipient changes the status', async () => {
		const { repairing, hurt } = await pair('rik', 'hanne');
		await setPaceStatus(db, await actor(hurt), { status: 'space', note: null });
		const letter = await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'written during space' });
		expect(letter.waiting).toBe(true);
		const { draftId } = await saveApologyVersion(db, await actor(repairing), { body: 'Het spijt me. Ik heb gelogen.' });
		expect((await sendApologyVersion(db, await actor(repairing), draftId, 1)).waiting).toBe(true);
		expect(await listLetterbox(db, await actor(hurt))).toEqual([]);
		expect(await countWaitingLetters(db, await actor(hurt))).toBe(2);
		// Kept back is not "unopened in the letterbox": the home page does not count them yet.
		expect(await countUnopenedLetters(db, await actor(hurt))).toBe(0);
		// Not even a guessed id opens a waiting letter for the recipient.
		await expect(openLetter(db, await actor(hurt), letter.id)).rejects.toThrow('not_found');
		expect((await listSentLetters(db, await actor(repairing))).map((l) => l.state)).toEqual(['waiting', 'waiting']);
		// Editing the note while keeping "space" delivers nothing.
		await setPaceStatus(db, await actor(hurt), { status: 'space', note: 'nog even' });
		expect(await listLetterbox(db, await actor(hurt))).toEqual([]);
		await setPaceStatus(db, await actor(hurt), { status: 'ready-to-read', note: null });
		expect(await listLetterbox(db, await actor(hurt))).toHaveLength(2);
		expect(await countWaitingLetters(db, await actor(hurt))).toBe(0);
		expect(await countUnopenedLetters(db, await actor(hurt))).toBe(2);
		expect((await listSentLetters(db, await actor(repairing))).map((l) => l.state)).toEqual(['delivered', 'delivered']);
		// Letters sent when the recipient is not asking for space arrive at once.
		expect((await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'later' })).waiting).toBe(false);
	});

	it('leaves no letter waiting when the recipient leaves "space" while letters are being sent', async () => {
		const { repairing, hurt } = await pair('raf', 'hella');
		await setPaceStatus(db, await actor(hurt), { status: 'space', note: null });
		const sender = await actor(repairing);
		// Sends racing the change of status: whichever way each one falls, none may stay behind.
		const sends = Array.from({ length: 12 }, (_, i) => sendLetter(db, sender, { kind: 'letter', body: `brief ${i}` }));
		const change = (async () => {
			await new Promise((resolve) => setTimeout(resolve, 5));
			await setPaceStatus(db, await actor(hurt), { status: 'ready-to-talk', note: null });
		})();
		const sent = await Promise.all(sends);
		await change;
		expect(await countWaitingLetters(db, await actor(hurt))).toBe(0);
		expect(await listLetterbox(db, await actor(hurt))).toHaveLength(12);
		expect((await listSentLetters(db, sender)).map((l) => l.state)).not.toContain('waiting');
		expect(sent.length).toBe(12);
	});

	it('lets the recipient open waiting letters by choice, and clearing the status delivers them too', async () => {
		const { repairing, hurt } = await pair('ruud', 'hilde');
		await setPaceStatus(db, await actor(hurt), { status: 'space', note: null });
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'one' });
		await releaseWaitingLetters(db, await actor(hurt));
		expect((await listLetterbox(db, await actor(hurt))).length).toBe(1);
		expect((await getOwnPaceStatus(db, await actor(hurt)))?.status).toBe('space');
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'two' });
		expect((await listLetterbox(db, await actor(hurt))).length).toBe(1);
		await clearPaceStatus(db, await actor(hurt));
		expect(await getOwnPaceStatus(db, await actor(hurt))).toBeNull();
		expect((await getPartnerPace(db, await actor(repairing)))?.status).toBeNull();
		expect((await listLetterbox(db, await actor(hurt))).length).toBe(2);
	});

	it('delivers a letter once for one form key, and an apology version once per couple', async () => {
		const { repairing, hurt } = await pair('roel', 'hera');
		const key = 'a-form-key-of-enough-length-1234';
		const [first, second] = await Promise.all([
			sendLetter(db, await actor(repairing), { kind: 'letter', body: 'same letter', formKey: key }),
			sendLetter(db, await actor(repairing), { kind: 'letter', body: 'same letter', formKey: key })
		]);
		expect(second.id).toBe(first.id);
		expect([first.replay, second.replay].sort()).toEqual([false, true]);
		const third = await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'same letter', formKey: key });
		expect(third).toMatchObject({ id: first.id, replay: true });
		expect(await listLetterbox(db, await actor(hurt))).toHaveLength(1);

		const { draftId } = await saveApologyVersion(db, await actor(repairing), { body: 'Het spijt me. Ik heb je pijn gedaan.' });
		await saveApologyVersion(db, await actor(repairing), { draftId, body: 'Het spijt me. Ik heb je veel pijn gedaan.' });
		const sends = await Promise.all([sendApologyVersion(db, await actor(repairing), draftId, 2), sendApologyVersion(db, await actor(repairing), draftId, 2)]);
		expect(sends[1].id).toBe(sends[0].id);
		expect((await sendApologyVersion(db, await actor(repairing), draftId, 2)).replay).toBe(true);
		expect(await listLetterbox(db, await actor(hurt))).toHaveLength(2);
		expect([...(await sentVersionsOf(db, await actor(repairing), draftId))]).toEqual([[2, 'delivered']]);
		// Another key is another letter: the same words may be sent again on purpose.
		await sendLetter(db, await actor(repairing), { kind: 'letter', body: 'same letter', formKey: 'another-form-key-of-enough-length' });
		expect(await listLetterbox(db, await actor(hurt))).toHaveLength(3);
	});

	it('tells the partner who stays, once and until dismissed, that the other left or deleted the account', async () => {
		const first = await pair('ramon', 'hugo');
		await leaveCouple(db, first.hurt);
		expect(await readCoupleNotice(db, first.repairing)).toBe('partner-left');
		expect(await readCoupleNotice(db, first.hurt)).toBeNull();
		await dismissCoupleNotice(db, first.repairing);
		expect(await readCoupleNotice(db, first.repairing)).toBeNull();

		const second = await pair('rosa', 'helga');
		await deleteAccount(db, { userId: second.repairing, password: pass, locale: 'nl' });
		expect(await readCoupleNotice(db, second.hurt)).toBe('partner-deleted');
		// Joining a new couple clears a notice about the earlier partner.
		await acceptInvitation(db, second.hurt, (await createInvitation(db, first.repairing)).token);
		expect(await readCoupleNotice(db, second.hurt)).toBeNull();
	});
});
