import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { loadPageAs, signUpCouple } from '../../../../tests/setup/people';
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
		const { first: rep, second: hurt, coupleId } = await signUpCouple(db, { name: 'contact-pages-r', role: 'repairing' }, { name: 'contact-pages-h', role: 'hurt' });
		const start = Date.parse('2026-01-01T08:00:00Z');
		await db.insert(contactLog).values(
			Array.from({ length: CONTACT_PAGE_SIZE + 1 }, (_, i) => {
				const at = new Date(start + i * 86_400_000);
				return { id: newId(), ownerId: rep.userId, coupleId, kind: 'contact' as const, day: at.toISOString().slice(0, 10), channel: 'work' as const, initiatedBy: 'them' as const, planned: false, said: `E${i + 1}`, createdAt: at };
			})
		);
		const loadAt = (search: string) => loadPageAs<ContactPage>(db, hurt, load, { path: '/trust/contact', search });

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
