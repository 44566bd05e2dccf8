import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../../tests/setup/test-db';
import { loadPageAs, signUpPerson } from '../../../../tests/setup/people';
import { MEMORY_PAGE_SIZE } from '$lib/server/trust/memories';
import { memories } from '$lib/server/db/schema';
import { newId } from '$lib/server/security/tokens';
import { load } from './+page.server';

type MemoriesPage = { memories: { body: string }[]; journalPages: { older: string | null; newest: string | null } };

/** The memories' journal holds one page, with plain links to older ones and back. */
describe(`the memories page, a page at a time (${databaseKind})`, () => {
	const getDb = useAppDatabase();

	it('shows the newest memories, links to older ones and back', async () => {
		const db = getDb();
		const ann = await signUpPerson(db, { name: 'memory-pages', locale: 'en' });
		const start = Date.parse('2026-01-01T08:00:00Z');
		await db.insert(memories).values(
			Array.from({ length: MEMORY_PAGE_SIZE + 1 }, (_, i) => {
				const at = new Date(start + i * 86_400_000);
				return { id: newId(), ownerId: ann.userId, coupleId: null, day: at.toISOString().slice(0, 10), body: `M${i + 1}`, feeling: null, createdAt: at };
			})
		);
		const loadAt = (search: string) => loadPageAs<MemoriesPage>(db, ann, load, { path: '/trust/memories', search, locale: 'en' });

		const newest = await loadAt('');
		expect(newest.memories).toHaveLength(MEMORY_PAGE_SIZE);
		expect(newest.memories[0].body).toBe(`M${MEMORY_PAGE_SIZE + 1}`);
		expect(newest.journalPages).toEqual({ older: expect.stringMatching(/^\?before=\d{4}-\d{2}-\d{2}_[^#&]+#journal$/), newest: null });
		const older = await loadAt(newest.journalPages.older!.replace(/#.*$/, ''));
		expect(older.memories.map((x) => x.body)).toEqual(['M1']);
		expect(older.journalPages).toEqual({ older: null, newest: '?#journal' });
		// A cursor that cannot be read shows the newest page, not an error.
		expect((await loadAt('?before=2026-01-01')).memories).toHaveLength(MEMORY_PAGE_SIZE);
	});
});
