import { describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../../../../tests/setup/test-db';
import { signUpCouple } from '../../../../tests/setup/people';
import { letters } from '../db/schema';
import { newId } from '../security/tokens';
import { LETTER_PAGE_SIZE, letterboxPage, listLetterbox, sentLettersPage } from './letters';

describe(`letters, a page at a time (${databaseKind})`, () => {
	const database = useTestDatabase();

	it('keeps every unopened letter in the letterbox on every page and pages the opened ones; pages the sent list', async () => {
		const db = database();
		const { first, second, coupleId } = await signUpCouple(db, { name: 'ann-letters' }, { name: 'bo-letters' });
		const [ann, bo, annActor, boActor] = [first.userId, second.userId, first.actor, second.actor];
		// Seven opened letters from Ann to Bo (the third and fourth sent in the same microsecond), and
		// two unopened, one older than all of them; one withdrawn and one kept back, neither shown.
		const times = ['09:00', '09:01', '09:02', '09:02', '09:03', '09:04', '09:05'].map((t) => new Date(`2026-11-20T${t}:00.000123Z`));
		const long = 'z'.repeat(300);
		const letter = (body: string, sentAt: Date, extra: Partial<typeof letters.$inferInsert> = {}) => ({ id: newId(), senderId: ann, recipientId: bo, coupleId, kind: 'letter' as const, body, sentAt, ...extra });
		await db.insert(letters).values([
			...times.map((at, i) => letter(`L${i + 1} ${long}`, at, { openedAt: new Date('2026-11-21T08:00:00Z') })),
			letter('U1', new Date('2026-11-01T08:00:00Z')),
			letter('U2', new Date('2026-11-22T08:00:00Z')),
			letter('W1', new Date('2026-11-23T08:00:00Z'), { withdrawnAt: new Date('2026-11-23T09:00:00Z') }),
			letter('K1', new Date('2026-11-23T07:00:00Z'), { waiting: true })
		]);
		const ids = new Map((await db.select({ id: letters.id, body: letters.body }).from(letters)).map((l) => [l.id, l.body.split(' ')[0]]));
		const names = (rows: { id: string }[]) => rows.map((r) => ids.get(r.id));

		const newest = await letterboxPage(db, boActor, null, 3);
		expect(names(newest.unopened)).toEqual(['U2', 'U1']);
		expect(names(newest.opened)).toEqual(['L7', 'L6', 'L5']);
		const middle = await letterboxPage(db, boActor, newest.olderOpened, 3);
		const oldest = await letterboxPage(db, boActor, middle.olderOpened, 3);
		expect([...names(newest.opened), ...names(middle.opened), ...names(oldest.opened)].sort()).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']);
		expect(names(oldest.opened)).toEqual(['L1']);
		expect(oldest.olderOpened).toBeNull();
		// An unopened letter never hides on a later page.
		expect(names(oldest.unopened)).toEqual(['U2', 'U1']);
		// The sender's letterbox holds none of these.
		expect(await listLetterbox(db, annActor)).toEqual([]);

		// The sender's list: every letter they sent, newest first, a glimpse cut in the database.
		const sent = await sentLettersPage(db, annActor, null, 4);
		expect(sent.letters.map((l) => [l.excerpt.split(' ')[0], l.state])).toEqual([
			['W1', 'withdrawn'],
			['K1', 'waiting'],
			['U2', 'delivered'],
			['L7', 'opened']
		]);
		expect(sent.letters[3].excerpt).toHaveLength(140);
		const rest = [];
		for (let page = await sentLettersPage(db, annActor, sent.older, 4); ; page = await sentLettersPage(db, annActor, page.older, 4)) {
			rest.push(...page.letters.map((l) => l.excerpt.split(' ')[0]));
			if (!page.older) break;
		}
		expect(rest).toHaveLength(7);
		expect(rest.at(-1)).toBe('U1');
		expect(new Set(rest).size).toBe(7);
		// What a person sees by default: at most a page of opened letters.
		expect((await letterboxPage(db, boActor)).opened.length).toBe(Math.min(7, LETTER_PAGE_SIZE));
	});
});
