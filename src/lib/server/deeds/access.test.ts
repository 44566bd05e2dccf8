import { beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db';
import type { Actor } from '../access/policy';
import { signUp } from '../auth/accounts';
import { acceptInvitation, createInvitation } from '../couple/invitations';
import { coupleIdOf } from '../couple/membership';
import { addWish, answerWish, deleteWish, getWish, shareWish, unshareWish } from './wishes';
import {
	addComment,
	changeCommitment,
	commitmentHistory,
	createCommitment,
	endCommitment,
	getCommitment,
	listComments,
	pauseCommitment,
	shareCommitment,
	unshareCommitment
} from './commitments';
import { markNoticed, recentCheckIns, recordCheckIn } from './check-ins';
import { commitmentConsistency } from './consistency';
import { commitmentPage } from './commitment-page';

/**
 * The access matrix through the services themselves: every deed operation, tried by the owner,
 * the partner, someone in another couple and someone on their own, on a private and a shared
 * item. Allowed cells succeed; every other cell is "not found" and changes nothing.
 */
describe(`deeds access matrix (${databaseKind})`, () => {
	const database = useTestDatabase();
	let db: Database;
	const people: Record<string, Actor> = {};
	const actorOf = async (id: string): Promise<Actor> => ({ userId: id, coupleId: await coupleIdOf(db, id) });

	beforeAll(async () => {
		db = database();
		const make = async (name: string) => (await signUp(db, { email: `${name}@example.org`, password: 'long enough pass', displayName: name, locale: 'nl' })).userId;
		const [owner, partner, stranger, strangerPartner, solo] = await Promise.all(['owner', 'partner', 'stranger', 'spartner', 'solo'].map(make));
		await acceptInvitation(db, partner, (await createInvitation(db, owner)).token);
		await acceptInvitation(db, strangerPartner, (await createInvitation(db, stranger)).token);
		for (const [name, id] of Object.entries({ owner, partner, stranger, solo })) people[name] = await actorOf(id);
	});

	type Op = (actor: Actor, id: string) => Promise<unknown>;
	/** Who may, per visibility; the owner may always. */
	const wishOps: Record<string, [Op, { private: string[]; shared: string[] }]> = {
		read: [(a, id) => getWish(db, a, id), { private: ['owner'], shared: ['owner', 'partner'] }],
		share: [(a, id) => shareWish(db, a, id), { private: ['owner'], shared: ['owner'] }],
		unshare: [(a, id) => unshareWish(db, a, id), { private: ['owner'], shared: ['owner'] }],
		// Only the partner answers; the owner never answers their own wish.
		answer: [(a, id) => answerWish(db, a, id, { answer: 'talk', reason: null }), { private: [], shared: ['partner'] }],
		delete: [(a, id) => deleteWish(db, a, id), { private: ['owner'], shared: ['owner'] }]
	};
	const commitmentOps: Record<string, [Op, { private: string[]; shared: string[] }]> = {
		read: [(a, id) => getCommitment(db, a, id), { private: ['owner'], shared: ['owner', 'partner'] }],
		page: [(a, id) => commitmentPage(db, a, id), { private: ['owner'], shared: ['owner', 'partner'] }],
		history: [(a, id) => commitmentHistory(db, a, id), { private: ['owner'], shared: ['owner', 'partner'] }],
		consistency: [(a, id) => commitmentConsistency(db, a, id), { private: ['owner'], shared: ['owner', 'partner'] }],
		checkIns: [(a, id) => recentCheckIns(db, a, id), { private: ['owner'], shared: ['owner', 'partner'] }],
		comments: [(a, id) => listComments(db, a, id), { private: ['owner'], shared: ['owner', 'partner'] }],
		comment: [(a, id) => addComment(db, a, id, 'hallo'), { private: ['owner'], shared: ['owner', 'partner'] }],
		checkIn: [(a, id) => recordCheckIn(db, a, id, { day: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()), outcome: 'kept', note: null }), { private: ['owner'], shared: ['owner'] }],
		notice: [(a, id) => markNoticed(db, a, id, new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()), 'noticed'), { private: [], shared: ['partner'] }],
		change: [(a, id) => changeCommitment(db, a, id, { title: 'changed', why: '', rhythm: 'daily', weekdays: [], reason: null }), { private: ['owner'], shared: ['owner'] }],
		share: [(a, id) => shareCommitment(db, a, id), { private: ['owner'], shared: ['owner'] }],
		unshare: [(a, id) => unshareCommitment(db, a, id), { private: ['owner'], shared: ['owner'] }],
		pause: [(a, id) => pauseCommitment(db, a, id, 'even niet'), { private: ['owner'], shared: ['owner'] }],
		end: [(a, id) => endCommitment(db, a, id, 'klaar'), { private: ['owner'], shared: ['owner'] }]
	};

	for (const visibility of ['private', 'shared'] as const) {
		for (const [opName, [op, allowed]] of Object.entries(wishOps)) {
			it(`${opName} on a ${visibility} wish`, async () => {
				for (const who of ['partner', 'stranger', 'solo', 'owner']) {
					const { id } = await addWish(db, people.owner, { size: 'everyday', body: 'w', share: visibility === 'shared' });
					const outcome = await op(people[who], id).then(() => 'ok', (err: Error) => err.message);
					expect(outcome, `${who} ${opName}`).toBe(allowed[visibility].includes(who) ? 'ok' : 'not_found');
				}
			});
		}
		for (const [opName, [op, allowed]] of Object.entries(commitmentOps)) {
			it(`${opName} on a ${visibility} commitment`, async () => {
				for (const who of ['partner', 'stranger', 'solo', 'owner']) {
					const { id } = await createCommitment(db, people.owner, { title: 'c', why: '', rhythm: 'daily', weekdays: [], share: visibility === 'shared' });
					// A check-in to notice.
					await recordCheckIn(db, people.owner, id, { day: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()), outcome: 'kept', note: null });
					const outcome = await op(people[who], id).then(() => 'ok', (err: Error) => err.message);
					expect(outcome, `${who} ${opName}`).toBe(allowed[visibility].includes(who) ? 'ok' : 'not_found');
				}
			});
		}
	}
});
