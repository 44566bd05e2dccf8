import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../tests/setup/test-db';
import { loadPageAs, signUpCouple } from '../../../tests/setup/people';
import { LETTER_PAGE_SIZE } from '$lib/server/couple/letters';
import { letters } from '$lib/server/db/schema';
import { newId } from '$lib/server/security/tokens';
import { load as loadLetterbox } from './letterbox/+page.server';
import { load as loadLetters } from './letters/+page.server';

type Pages = { older: string | null; newest: string | null };
type LetterboxPage = { letters: { id: string; opened: boolean }[]; openedPages: Pages };
type LettersPage = { sent: { excerpt: string }[]; sentPages: Pages; partner: { displayName: string } | null };

/** The letterbox and the sent list hold one page each, with plain links to older ones and back. */
describe(`the letterbox and the sent letters, a page at a time (${databaseKind})`, () => {
	const getDb = useAppDatabase();

	it('shows every unopened letter and the newest opened ones to the recipient, the newest sent ones to the sender, each with links', async () => {
		const db = getDb();
		const { first: ann, second: bo, coupleId } = await signUpCouple(db, { name: 'letter-pages-a' }, { name: 'letter-pages-b' });
		const start = Date.parse('2026-11-01T08:00:00Z');
		// One more opened letter than a page, and one unopened letter older than all of them.
		await db.insert(letters).values([
			...Array.from({ length: LETTER_PAGE_SIZE + 1 }, (_, i) => ({ id: newId(), senderId: ann.userId, recipientId: bo.userId, coupleId, kind: 'letter' as const, body: `L${i + 1}`, sentAt: new Date(start + (i + 1) * 60_000), openedAt: new Date(start + 86_400_000) })),
			{ id: newId(), senderId: ann.userId, recipientId: bo.userId, coupleId, kind: 'letter' as const, body: 'U1', sentAt: new Date(start) }
		]);

		const box = await loadPageAs<LetterboxPage>(db, bo, loadLetterbox, { path: '/together/letterbox' });
		expect(box.letters).toHaveLength(LETTER_PAGE_SIZE + 1);
		expect(box.letters[0].opened).toBe(false);
		expect(box.letters.slice(1).every((l) => l.opened)).toBe(true);
		expect(box.openedPages).toEqual({ older: expect.stringMatching(/^\?openedBefore=[^#&]+#letters$/), newest: null });
		const olderBox = await loadPageAs<LetterboxPage>(db, bo, loadLetterbox, { path: '/together/letterbox', search: box.openedPages.older!.replace(/#.*$/, '') });
		// The unopened one, and the oldest opened one.
		expect(olderBox.letters.map((l) => l.opened)).toEqual([false, true]);
		expect(olderBox.openedPages).toEqual({ older: null, newest: '?#letters' });

		const sent = await loadPageAs<LettersPage>(db, ann, loadLetters, { path: '/together/letters' });
		expect(sent.partner?.displayName).toBe('letter-pages-b');
		expect(sent.sent).toHaveLength(LETTER_PAGE_SIZE);
		expect(sent.sent[0].excerpt).toBe(`L${LETTER_PAGE_SIZE + 1}`);
		expect(sent.sentPages).toEqual({ older: expect.stringMatching(/^\?before=[^#&]+#sent$/), newest: null });
		const olderSent = await loadPageAs<LettersPage>(db, ann, loadLetters, { path: '/together/letters', search: sent.sentPages.older!.replace(/#.*$/, '') });
		expect(olderSent.sent.map((l) => l.excerpt)).toEqual(['L1', 'U1']);
		expect(olderSent.sentPages).toEqual({ older: null, newest: '?#sent' });

		// A cursor that cannot be read shows the newest page, not an error.
		expect((await loadPageAs<LettersPage>(db, ann, loadLetters, { path: '/together/letters', search: '?before=%00' })).sent).toHaveLength(LETTER_PAGE_SIZE);
	});
});
