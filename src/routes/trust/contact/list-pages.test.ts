import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { validateSession } from '$lib/server/auth/sessions';
import { signUp } from '$lib/server/auth/accounts';
import { acceptInvitation, createInvitation } from '$lib/server/couple/invitations';
import { coupleIdOf } from '$lib/server/couple/membership';
import { chooseRole } from '$lib/server/users/users';
import { actAs } from '$lib/server/access/refusals';
import { CONTACT_PAGE_SIZE } from '$lib/server/trust/contact-log';
import { contactLog } from '$lib/server/db/schema';
import { newId } from '$lib/server/security/tokens';
import { load } from './+page.server';

type ContactPage = { entries: { said: string | null }[]; logPages: { older: string | null; newest: string | null } };

/** The contact log's page holds one page of entries, with plain links to older ones and back. */
describe(`the contact log page, a page at a time (${databaseKind})`, () => {
	const getDb = useAppDatabase();

	it('shows the newest entries to the partner, links to older ones and back', async () => {
		const db = getDb();
		const rep = await signUp(db, { email: 'contact-pages-r@example.org', password: 'a quiet morning walk', displayName: 'Rik', locale: 'nl' });
		const hurt = await signUp(db, { email: 'contact-pages-h@example.org', password: 'a quiet evening walk', displayName: 'Hanne', locale: 'nl' });
		await chooseRole(db, rep.userId, 'repairing');
		await chooseRole(db, hurt.userId, 'hurt');
		await acceptInvitation(db, hurt.userId, (await createInvitation(db, rep.userId)).token);
		const coupleId = (await coupleIdOf(db, rep.userId))!;
		const start = Date.parse('2026-01-01T08:00:00Z');
		await db.insert(contactLog).values(
			Array.from({ length: CONTACT_PAGE_SIZE + 1 }, (_, i) => {
				const at = new Date(start + i * 86_400_000);
				return { id: newId(), ownerId: rep.userId, coupleId, kind: 'contact' as const, day: at.toISOString().slice(0, 10), channel: 'work' as const, initiatedBy: 'them' as const, planned: false, said: `E${i + 1}`, createdAt: at };
			})
		);
		const user = (await validateSession(db, hurt.session.token))!.user;
		const loadAt = async (search: string) => {
			const url = new URL(`http://herstelpad.test/trust/contact${search}`);
			const event = { locals: { user, locale: 'nl', address: '127.0.0.1' }, url, params: {}, route: { id: '/trust/contact' } };
			return (await actAs(db, hurt.userId, () => (load as unknown as (e: unknown) => Promise<ContactPage>)(event))) as ContactPage;
		};

		const newest = await loadAt('');
		expect(newest.entries).toHaveLength(CONTACT_PAGE_SIZE);
		expect(newest.entries[0].said).toBe(`E${CONTACT_PAGE_SIZE + 1}`);
		expect(newest.logPages).toEqual({ older: expect.stringMatching(/^\?before=\d{4}-\d{2}-\d{2}_[^#&]+#log$/), newest: null });

		const older = await loadAt(newest.logPages.older!.replace(/#.*$/, ''));
		expect(older.entries.map((e) => e.said)).toEqual(['E1']);
		expect(older.logPages).toEqual({ older: null, newest: '?#log' });

		// A cursor that cannot be read shows the newest page, not an error.
		expect((await loadAt('?before=2026-13-01_x')).entries).toHaveLength(CONTACT_PAGE_SIZE);
	});
});
