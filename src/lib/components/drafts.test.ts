import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerOf, draftKey, forgetAllDrafts, keepsDraft, markSent, readDraft, settleSent, writeDraft, type Arrival } from './drafts';

/** A session storage of our own: the tests run in Node. */
class MemoryStorage {
	#items = new Map<string, string>();
	get length() {
		return this.#items.size;
	}
	key(i: number) {
		return [...this.#items.keys()][i] ?? null;
	}
	getItem(key: string) {
		return this.#items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.#items.set(key, String(value));
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
	clear() {
		this.#items.clear();
	}
	keys() {
		return [...this.#items.keys()];
	}
}

const arrival = (over: Partial<Arrival> = {}): Arrival => ({ type: 'navigate', redirectCount: 0, pathname: '/reflections/new', postStatus: null, ...over });

describe('answerOf: whether the page now showing answers a plain post that went through', () => {
	it('the post’s own page answers it: below 400 it went through, from 400 on it was refused', () => {
		expect(answerOf(arrival({ postStatus: 200 }))).toBe('answered');
		expect(answerOf(arrival({ postStatus: 400 }))).toBe('refused');
		expect(answerOf(arrival({ postStatus: 413 }))).toBe('refused');
		expect(answerOf(arrival({ postStatus: 500 }))).toBe('refused');
	});

	it('a redirect answers a post that went through, unless it leads to the sign-in page (the session had ended)', () => {
		expect(answerOf(arrival({ redirectCount: 1, pathname: '/reflections/abc' }))).toBe('redirected');
		expect(answerOf(arrival({ redirectCount: 1, pathname: '/signin' }))).toBe('refused');
		expect(answerOf(arrival({ redirectCount: 1, pathname: '/en/signin' }))).toBe('refused');
	});

	it('back, forward, a reload or a plain visit are no answer at all', () => {
		expect(answerOf(arrival({ type: 'back_forward', postStatus: 200 }))).toBe('unknown');
		expect(answerOf(arrival({ type: 'reload', redirectCount: 1 }))).toBe('unknown');
		expect(answerOf(arrival())).toBe('unknown');
		expect(answerOf(null)).toBe('unknown');
	});
});

describe('drafts sent by a plain post', () => {
	let store: MemoryStorage;
	beforeEach(() => {
		store = new MemoryStorage();
		vi.stubGlobal('sessionStorage', store);
	});
	afterEach(() => vi.unstubAllGlobals());

	const mine = draftKey('user-1', 'reflection-new-my-part');
	const other = draftKey('user-1', 'hour-note');

	it('are forgotten when the answer says the post went through, and only those drafts', () => {
		for (const answer of ['answered', 'redirected'] as const) {
			writeDraft(mine, 'Mijn aandeel.');
			writeDraft(other, 'Nog niet verstuurd.');
			markSent({ keys: [mine] });
			settleSent(answer);
			expect(readDraft(mine), answer).toBeNull();
			expect(readDraft(other), answer).toBe('Nog niet verstuurd.');
		}
	});

	it('are kept on a refusal or when the page is no answer, and the mark is settled once', () => {
		for (const answer of ['refused', 'unknown'] as const) {
			writeDraft(mine, 'Mijn aandeel.');
			markSent({ keys: [mine] });
			settleSent(answer);
			expect(readDraft(mine), answer).toBe('Mijn aandeel.');
			// The mark is gone: a later page that happens to be a redirect does not forget the draft.
			settleSent('redirected');
			expect(readDraft(mine), answer).toBe('Mijn aandeel.');
		}
	});

	it('all of them go when a post that signs out went through (a redirect), not when it only answered', () => {
		writeDraft(mine, 'Mijn aandeel.');
		writeDraft(draftKey('user-2', 'x'), 'Van iemand anders.');
		markSent({ all: true });
		settleSent('answered');
		expect(store.keys()).toHaveLength(2);
		markSent({ all: true });
		settleSent('redirected');
		expect(store.keys()).toEqual([]);
	});

	it('a mark that is not ours (or names keys outside the drafts) forgets nothing', () => {
		writeDraft(mine, 'Mijn aandeel.');
		store.setItem('somebody-else', 'x');
		store.setItem('herstelpad-draft:sent', '{"keys":["somebody-else"]}');
		settleSent('answered');
		store.setItem('herstelpad-draft:sent', 'not json');
		settleSent('answered');
		expect(readDraft(mine)).toBe('Mijn aandeel.');
		expect(store.getItem('somebody-else')).toBe('x');
		expect(store.getItem('herstelpad-draft:sent')).toBeNull();
	});

	it('the mark itself goes at sign-out, with every draft', () => {
		writeDraft(mine, 'Mijn aandeel.');
		markSent({ keys: [mine] });
		forgetAllDrafts();
		expect(store.keys()).toEqual([]);
	});
});

describe('keepsDraft', () => {
	it('is true only for a button marked as sending without saving', () => {
		const marked = { hasAttribute: (name: string) => name === 'data-keeps-draft' } as unknown as Element;
		const plain = { hasAttribute: () => false } as unknown as Element;
		expect(keepsDraft(marked)).toBe(true);
		expect(keepsDraft(plain)).toBe(false);
		expect(keepsDraft(null)).toBe(false);
	});
});
