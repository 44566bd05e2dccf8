import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { signUp } from '../auth/accounts';
import { chooseRole, deleteAccount } from '../users/users';
import { acceptInvitation, createInvitation, declineInvitation, describeInvitation, emailInvitation, INVITATION_MAIL_LIMIT, markInvitationEmailed, openInvitationOf, revokeInvitation } from './invitations';
import { coupleIdOf, leaveCouple, partnerOf } from './membership';
import { countUnopenedLetters, listLetterbox, listSentLetters, openLetter, sendApologyVersion, sendLetter } from './letters';
import { acknowledgeNeed, addNeed, getOwnPaceStatus, getPartnerPace, listMyNeeds, removeNeed, setPaceStatus } from './pace';
import { createReflection, getReflection, listSharedWithMe, shareReflection, unshareReflection, updateReflection } from '../reflections/reflections';
import { saveApologyVersion } from '../apology/drafts';
import { exportUserData } from '../privacy/export';
import { listSecurityEvents } from '../security/events';

const pass = 'long enough pass';

describe(`couple space (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const actor = async (userId: string): Promise<Actor> => ({ userId, coupleId: await coupleIdOf(db, userId) });
	let a: string; // repairing
	let b: string; // hurt
	let c: string; // another couple
	let d: string;

	beforeAll(async () => {
		db = database();
		const make = async (name: string, role: 'repairing' | 'hurt') => {
			const { userId } = await signUp(db, { email: `${name}@example.org`, password: pass, displayName: name, locale: 'nl' });
			await chooseRole(db, userId, role);
			return userId;
		};
		a = await make('ann', 'repairing');
		b = await make('bo', 'hurt');
		c = await make('cas', 'repairing');
		d = await make('dee', 'hurt');
		const other = await createInvitation(db, c);
		await acceptInvitation(db, d, other.token);
	});

	it('invites with a single-use, revocable, expiring link and one e-mail at most', async () => {
		const first = await createInvitation(db, a);
		const second = await createInvitation(db, a);
		await expect(describeInvitation(db, first.token)).rejects.toThrow('invitation_invalid');
		expect((await describeInvitation(db, second.token)).inviterName).toBe('ann');
		expect((await openInvitationOf(db, a))?.emailedAt).toBeNull();
		await expect(markInvitationEmailed(db, c, second.token)).rejects.toThrow('invitation_already_emailed');
		await markInvitationEmailed(db, a, second.token);
		expect((await openInvitationOf(db, a))?.emailedAt).toBeInstanceOf(Date);
		await expect(markInvitationEmailed(db, a, second.token)).rejects.toThrow('invitation_already_emailed');
		await revokeInvitation(db, a);
		await expect(describeInvitation(db, second.token)).rejects.toThrow('invitation_invalid');
		const late = await createInvitation(db, a, new Date(Date.now() - 8 * 24 * 60 * 60 * 1000));
		await expect(describeInvitation(db, late.token)).rejects.toThrow('invitation_invalid');
		const declined = await createInvitation(db, a);
		await declineInvitation(db, declined.token);
		await expect(acceptInvitation(db, b, declined.token)).rejects.toThrow('invitation_invalid');
	});

	it('refuses one’s own invitation and a second couple', async () => {
		const own = await createInvitation(db, a);
		await expect(acceptInvitation(db, a, own.token)).rejects.toThrow('invitation_own');
		await expect(acceptInvitation(db, d, own.token)).rejects.toThrow('already_in_couple');
		await expect(createInvitation(db, c)).rejects.toThrow('already_in_couple');
		await acceptInvitation(db, b, own.token);
		await expect(acceptInvitation(db, b, own.token)).rejects.toThrow('invitation_invalid');
		expect((await partnerOf(db, a))?.id).toBe(b);
		expect((await partnerOf(db, b))?.displayName).toBe('ann');
	});

	it('delivers letters unopened; the sender sees only delivered or opened', async () => {
		const { draftId } = await saveApologyVersion(db, await actor(a), { body: 'Het spijt me. Ik heb gelogen en ik heb je pijn gedaan. Ik zal eerlijk zijn.' });
		await sendApologyVersion(db, await actor(a), draftId, 1);
		const inbox = await listLetterbox(db, await actor(b));
		expect(inbox).toHaveLength(1);
		expect(inbox[0]).not.toHaveProperty('body');
		expect((await listSentLetters(db, await actor(a)))[0].state).toBe('delivered');
		// The home page's count: the recipient's unopened letters, nobody else's.
		expect(await countUnopenedLetters(db, await actor(b))).toBe(1);
		expect(await countUnopenedLetters(db, await actor(a))).toBe(0);
		expect(await countUnopenedLetters(db, await actor(c))).toBe(0);
		const opened = await openLetter(db, await actor(b), inbox[0].id);
		expect(opened.body).toContain('Ik heb gelogen');
		expect((await listSentLetters(db, await actor(a)))[0].state).toBe('opened');
		expect(await countUnopenedLetters(db, await actor(b))).toBe(0);
		// Nobody outside the couple can open it, and another's draft cannot be sent.
		await expect(openLetter(db, await actor(c), inbox[0].id)).rejects.toThrow('not_found');
		await expect(sendApologyVersion(db, await actor(c), draftId, 1)).rejects.toThrow('not_found');
		expect(await listLetterbox(db, await actor(c))).toEqual([]);
	});

	it('shares a reflection per item and withdraws it again', async () => {
		const { id } = await createReflection(db, await actor(a), { prompt: 'my-part', body: 'CANARY-private-words' });
		await expect(getReflection(db, await actor(b), id)).rejects.toThrow('not_found');
		await shareReflection(db, await actor(a), id);
		expect((await getReflection(db, await actor(b), id)).body).toBe('CANARY-private-words');
		expect((await listSharedWithMe(db, await actor(b))).map((r) => r.id)).toEqual([id]);
		await expect(updateReflection(db, await actor(b), id, 'changed by partner')).rejects.toThrow('not_found');
		await expect(getReflection(db, await actor(d), id)).rejects.toThrow('not_found');
		await unshareReflection(db, await actor(a), id);
		await expect(getReflection(db, await actor(b), id)).rejects.toThrow('not_found');
		await expect(shareReflection(db, await actor(b), id)).rejects.toThrow('not_found');
	});

	it('shows the hurt partner’s status and needs to the partner, who can acknowledge but not change them', async () => {
		await setPaceStatus(db, await actor(b), { status: 'space', note: 'Niet vandaag.' });
		const { id } = await addNeed(db, await actor(b), 'Eerlijke antwoorden');
		const seen = await getPartnerPace(db, await actor(a));
		expect(seen?.status?.status).toBe('space');
		expect(seen?.needs.map((n) => n.body)).toEqual(['Eerlijke antwoorden']);
		await acknowledgeNeed(db, await actor(a), id);
		expect((await getPartnerPace(db, await actor(a)))?.needs[0].acknowledgedAt).toBeInstanceOf(Date);
		await expect(removeNeed(db, await actor(a), id)).rejects.toThrow('not_found');
		await expect(acknowledgeNeed(db, await actor(c), id)).rejects.toThrow('not_found');
		expect(await getPartnerPace(db, await actor(c))).not.toBeNull(); // c sees their own partner d, not b
		expect((await getPartnerPace(db, await actor(c)))?.needs).toEqual([]);
	});

	it('exports only the user’s own items', async () => {
		const data = await exportUserData(db, a);
		const text = JSON.stringify(data);
		expect(data.format).toBe('herstelpad-export/3');
		expect(text).toContain('CANARY-private-words');
		expect(text).toContain('Ik heb gelogen');
		expect(text).not.toContain('Eerlijke antwoorden'); // b's need
		expect(text).not.toContain('Niet vandaag'); // b's note
		expect(text).not.toContain('bo@example.org');
		expect((await listSecurityEvents(db, a)).map((e) => e.kind)).toContain('export');
	});

	it('leaving ends all access at once; each keeps their own items', async () => {
		const { id } = await createReflection(db, await actor(b), { prompt: 'what-we-learnt', body: 'B shares this' });
		await shareReflection(db, await actor(b), id);
		await sendLetter(db, await actor(a), { kind: 'letter', body: 'unopened letter' });
		await leaveCouple(db, b);
		expect(await partnerOf(db, a)).toBeNull();
		await expect(getReflection(db, await actor(a), id)).rejects.toThrow('not_found');
		expect(await listLetterbox(db, await actor(b))).toEqual([]);
		expect((await getReflection(db, await actor(b), id)).body).toBe('B shares this');
		expect((await listSentLetters(db, await actor(a))).map((l) => l.state)).toEqual(['withdrawn', 'withdrawn']);
		expect((await listSecurityEvents(db, a)).map((e) => e.kind)).toContain('couple-left');
		// A new couple does not inherit old shares.
		const again = await createInvitation(db, a);
		await acceptInvitation(db, b, again.token);
		await expect(getReflection(db, await actor(a), id)).rejects.toThrow('not_found');
	});

	it('deleting an account removes its items and ends the partner’s access; the partner keeps theirs', async () => {
		await sendLetter(db, await actor(b), { kind: 'letter', body: 'from b to a' });
		const { id } = await createReflection(db, await actor(a), { prompt: 'my-part', body: 'shared then deleted' });
		await shareReflection(db, await actor(a), id);
		await deleteAccount(db, { userId: a, password: pass, locale: 'nl' });
		await expect(getReflection(db, await actor(b), id)).rejects.toThrow('not_found');
		expect(await partnerOf(db, b)).toBeNull();
		expect((await listSentLetters(db, await actor(b))).map((l) => l.excerpt)).toEqual(['from b to a']);
		expect(JSON.stringify(await exportUserData(db, b))).toContain('B shares this');
	});
	it('sends an invitation e-mail again only after a failed delivery, and a few a day at most', async () => {
		const solo = (await signUp(db, { email: 'solo@example.org', password: pass, displayName: 'solo', locale: 'nl' })).userId;
		const first = await createInvitation(db, solo);
		const broken = async () => {
			throw new Error('smtp down');
		};
		await expect(emailInvitation(db, solo, first.token, broken)).rejects.toThrow('mail_failed');
		expect((await openInvitationOf(db, solo))?.emailedAt).toBeNull();
		let delivered = 0;
		await emailInvitation(db, solo, first.token, async () => void delivered++);
		expect(delivered).toBe(1);
		await expect(emailInvitation(db, solo, first.token, async () => void delivered++)).rejects.toThrow('invitation_already_emailed');
		// A fresh link each time does not buy more e-mails than the daily limit.
		const fresh = await createInvitation(db, solo);
		await expect(emailInvitation(db, solo, fresh.token, async () => void delivered++)).rejects.toThrow('too_many_attempts');
		expect(delivered).toBe(1);
		expect(INVITATION_MAIL_LIMIT.max).toBe(3);
	});

	it('keeps needs and status within the couple they were meant for, never a later partner', async () => {
		const make = async (name: string) => (await signUp(db, { email: `${name}@example.org`, password: pass, displayName: name, locale: 'nl' })).userId;
		const hurt = await make('hanna');
		const first = await make('floor');
		const later = await make('lars');
		await addNeed(db, await actor(hurt), 'written while solo');
		await acceptInvitation(db, hurt, (await createInvitation(db, first)).token);
		await addNeed(db, await actor(hurt), 'for the first partner');
		await setPaceStatus(db, await actor(hurt), { status: 'space', note: 'about the first partner' });
		expect((await getPartnerPace(db, await actor(first)))?.needs.map((n) => n.body)).toEqual(['written while solo', 'for the first partner']);
		await leaveCouple(db, first);
		expect(await getOwnPaceStatus(db, await actor(hurt))).toBeNull();
		await acceptInvitation(db, later, (await createInvitation(db, hurt)).token);
		const seen = await getPartnerPace(db, await actor(later));
		expect(seen?.needs).toEqual([]);
		expect(seen?.status).toBeNull();
		const [old] = (await listMyNeeds(db, await actor(hurt))).filter((n) => n.body === 'for the first partner');
		await expect(acknowledgeNeed(db, await actor(later), old.id)).rejects.toThrow('not_found');
		await expect(acknowledgeNeed(db, await actor(first), old.id)).rejects.toThrow('not_found');
		expect((await listMyNeeds(db, await actor(hurt))).map((n) => [n.body, n.current])).toEqual([
			['written while solo', false],
			['for the first partner', false]
		]);
		await addNeed(db, await actor(hurt), 'for the new partner');
		expect((await getPartnerPace(db, await actor(later)))?.needs.map((n) => n.body)).toEqual(['for the new partner']);
	});
});
