import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../tests/setup/test-db';
import { validateSession } from '$lib/server/auth/sessions';
import { signUp } from '$lib/server/auth/accounts';
import { chooseRole } from '$lib/server/users/users';
import { acceptInvitation, createInvitation } from '$lib/server/couple/invitations';
import { actAs } from '$lib/server/access/refusals';
import { PARTNER_SIGNAL_LIMIT, signalTrigger } from '$lib/server/triggers/log';
import { load } from './+page.server';

type TriggersPage = { partnerSignals: { id: string; at: string }[]; olderPartnerSignals: boolean };

/**
 * The repairing partner's /triggers shows an answer form per signal: however hard a week was, the
 * page holds the newest PARTNER_SIGNAL_LIMIT of them and says that older ones are left out.
 */
describe(`/triggers: the partner's signals of the week, bounded (${databaseKind})`, () => {
	const getDb = useAppDatabase();

	async function person(name: string, role: 'repairing' | 'hurt') {
		const db = getDb();
		const { userId, session } = await signUp(db, { email: `${name}@example.org`, password: 'a quiet morning walk', displayName: name, locale: 'nl' });
		await chooseRole(db, userId, role);
		return { userId, token: session.token };
	}

	async function loadAs(token: string) {
		const db = getDb();
		const user = (await validateSession(db, token))!.user;
		const url = new URL('http://herstelpad.test/triggers');
		const event = { locals: { user, locale: 'nl', address: '127.0.0.1' }, url, params: {}, route: { id: '/triggers' } };
		return (await actAs(db, user.id, () => (load as unknown as (e: unknown) => Promise<TriggersPage>)(event))) as TriggersPage;
	}

	it('shows the newest signals up to the limit, says when older ones are left out, and never the own', async () => {
		const db = getDb();
		const ann = await person('ann-signals', 'repairing');
		const bo = await person('bo-signals', 'hurt');
		const coupleId = (await acceptInvitation(db, bo.userId, (await createInvitation(db, ann.userId)).token)).coupleId;
		const boActor = { userId: bo.userId, coupleId };
		const start = Date.now() - 3 * 86_400_000;
		const at = (i: number) => new Date(start + i * 60_000);

		for (let i = 0; i < PARTNER_SIGNAL_LIMIT; i++) await signalTrigger(db, boActor, { strength: 2, cause: null }, undefined, at(i));
		let page = await loadAs(ann.token);
		expect(page.partnerSignals).toHaveLength(PARTNER_SIGNAL_LIMIT);
		expect(page.olderPartnerSignals).toBe(false);

		// Two more: the page still holds the limit, the newest first, and says older ones are left out.
		for (let i = PARTNER_SIGNAL_LIMIT; i < PARTNER_SIGNAL_LIMIT + 2; i++) await signalTrigger(db, boActor, { strength: 2, cause: null }, undefined, at(i));
		// Ann's own signal (allowed to either partner) never takes a place in her list.
		await signalTrigger(db, { userId: ann.userId, coupleId }, { strength: 1, cause: null }, undefined, at(100));
		page = await loadAs(ann.token);
		expect(page.partnerSignals).toHaveLength(PARTNER_SIGNAL_LIMIT);
		expect(page.olderPartnerSignals).toBe(true);
		expect(page.partnerSignals[0].at).toBe(at(PARTNER_SIGNAL_LIMIT + 1).toISOString());
		expect(page.partnerSignals.at(-1)!.at).toBe(at(2).toISOString());
	});
});
