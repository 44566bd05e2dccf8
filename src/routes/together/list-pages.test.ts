import { describe, expect, it } from 'vitest';
import { databaseKind, useAppDatabase } from '../../../tests/setup/test-db';
import { validateSession } from '$lib/server/auth/sessions';
import { signUp } from '$lib/server/auth/accounts';
import { acceptInvitation, createInvitation } from '$lib/server/couple/invitations';
import { coupleIdOf } from '$lib/server/couple/membership';
import { actAs } from '$lib/server/access/refusals';
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
		const ann = await signUp(db, { email: 'letter-pages-a@example.org', password: 'a quiet morning walk', displayName: 'Ann', locale: 'nl' });
		const bo = await signUp(db, { email: 'letter-pages-b@example.org', password: 'a quiet evening walk', displayName: 'Bo', locale: 'nl' });
		await acceptInvitation(db, bo.userId, (await createInvitation(db, ann.userId)).token);
		const coupleId = (await coupleIdOf(db, ann.userId))!;
		const start = Date.parse('2026-11-01T08:00:00Z');
		// One more opened letter than a page, and one unopened letter older than all of them.
		await db.insert(letters).values([
			...Array.from({ length: LETTER_PAGE_SIZE + 1 }, (_, i) => ({ id: newId(), senderId: ann.userId, recipientId: bo.userId, coupleId, kind: 'letter' as const, body: `L${i + 1}`, sentAt: new Date(start + (i + 1) * 60_000), openedAt: new Date(start + 86_400_000) })),
			{ id: newId(), senderId: ann.userId, recipientId: bo.userId, coupleId, kind: 'letter' as const, body: 'U1', sentAt: new Date(start) }
		]);
		const loadAs = async <T,>(who: { userId: string; session: { token: string } }, load: unknown, path: string, search: string) => {
			const user = (await validateSession(db, who.session.token))!.user;
			const url = new URL(`http://herstelpad.test${path}${search}`);
			const event = { locals: { user, locale: 'nl', address: '127.0.0.1' }, url, params: {}, route: { id: path } };
			return (await actAs(db, who.userId, () => (load as (e: unknown) => Promise<T>)(event))) as T;
		};

		const box = await loadAs<LetterboxPage>(bo, loadLetterbox, '/together/letterbox', '');
		expect(box.letters).toHaveLength(LETTER_PAGE_SIZE + 1);
		expect(box.letters[0].opened).toBe(false);
		expect(box.letters.slice(1).every((l) => l.opened)).toBe(true);
		expect(box.openedPages).toEqual({ older: expect.stringMatching(/^\?openedBefore=[^#&]+#letters$/), newest: null });
		const olderBox = await loadAs<LetterboxPage>(bo, loadLetterbox, '/together/letterbox', box.openedPages.older!.replace(/#.*$/, ''));
		// The unopened one, and the oldest opened one.
		expect(olderBox.letters.map((l) => l.opened)).toEqual([false, true]);
		expect(olderBox.openedPages).toEqual({ older: null, newest: '?#letters' });

		const sent = await loadAs<LettersPage>(ann, loadLetters, '/together/letters', '');
		expect(sent.partner?.displayName).toBe('Bo');
		expect(sent.sent).toHaveLength(LETTER_PAGE_SIZE);
		expect(sent.sent[0].excerpt).toBe(`L${LETTER_PAGE_SIZE + 1}`);
		expect(sent.sentPages).toEqual({ older: expect.stringMatching(/^\?before=[^#&]+#sent$/), newest: null });
		const olderSent = await loadAs<LettersPage>(ann, loadLetters, '/together/letters', sent.sentPages.older!.replace(/#.*$/, ''));
		expect(olderSent.sent.map((l) => l.excerpt)).toEqual(['L1', 'U1']);
		expect(olderSent.sentPages).toEqual({ older: null, newest: '?#sent' });

		// A cursor that cannot be read shows the newest page, not an error.
		expect((await loadAs<LettersPage>(ann, loadLetters, '/together/letters', '?before=%00')).sent).toHaveLength(LETTER_PAGE_SIZE);
	});
});
