/**
 * Unsaved text is kept in the browser's session storage until it is saved, so a reload, a
 * refused post or an expired session never costs someone what they wrote. Session storage, not
 * local storage: it ends with the tab. Never a cookie or a URL, which would send the text along.
 * Keys carry the user's id, so a second person signing in on the same tab does not see it; sign-out
 * forgets all of them (and the server's Clear-Site-Data header does the same).
 */
const PREFIX = 'herstelpad-draft:';

export const draftKey = (userId: string, form: string) => `${PREFIX}${userId}:${form}`;

function storage(): Storage | null {
	try {
		return typeof sessionStorage === 'undefined' ? null : sessionStorage;
	} catch {
		// Storage can be switched off; then there are simply no drafts.
		return null;
	}
}

export function readDraft(key: string): string | null {
	return storage()?.getItem(key) ?? null;
}

export function writeDraft(key: string, text: string) {
	try {
		if (text === '') storage()?.removeItem(key);
		else storage()?.setItem(key, text);
	} catch {
		// Quota exceeded: the text is still in the field; only the safety copy is missing.
	}
}

export function forgetDraft(key: string) {
	storage()?.removeItem(key);
}

/**
 * A button that sends the text without saving it ("check without saving") carries
 * `data-keeps-draft`: its success keeps the draft, with the app's script (textKeeper) and without
 * it (the page script, decision 021).
 */
export const keepsDraft = (submitter: Element | null | undefined) => Boolean(submitter?.hasAttribute('data-keeps-draft'));

/** Forgets every draft, of every user: at sign-out nothing written here should stay behind. */
export function forgetAllDrafts() {
	const store = storage();
	if (!store) return;
	const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => !!k?.startsWith(PREFIX));
	for (const key of keys) store.removeItem(key);
}

/**
 * Pages without SvelteKit's client (decision 021) send their forms as plain posts, so no script
 * sees the answer the way `textKeeper` does. The page script marks what a post sends here, and the
 * next page the tab loads settles it: the drafts are forgotten only when that page is the post's
 * answer and the answer says it went through. Anything else (a refusal, the sign-in page, the
 * browser's own error page and then back) keeps them.
 */
const SENT = `${PREFIX}sent`;

/** The drafts a plain post sends, or `all` for a post that signs out when it succeeds (ending this session, deleting the account). */
export type Sent = { keys: string[] } | { all: true };

export function markSent(sent: Sent) {
	try {
		storage()?.setItem(SENT, JSON.stringify(sent));
	} catch {
		// No storage, no drafts to settle.
	}
}

/**
 * What the page now showing says about the last plain post: `answered` (the post's own page, below
 * 400), `redirected` (SvelteKit answers a post that went through with a 303), `refused`, or
 * `unknown` (not the post's answer: back, forward or a reload shows the form again).
 */
export type Answer = 'answered' | 'redirected' | 'refused' | 'unknown';

export interface Arrival {
	/** How this document was reached (PerformanceNavigationTiming). */
	type: string;
	redirectCount: number;
	pathname: string;
	/** The status the server rendered this page with when it answers a post; null for a GET. */
	postStatus: number | null;
}

export function answerOf(arrival: Arrival | null): Answer {
	if (!arrival || arrival.type !== 'navigate') return 'unknown';
	if (arrival.postStatus !== null) return arrival.postStatus < 400 ? 'answered' : 'refused';
	// A redirect to the sign-in page means the session had ended: nothing was saved.
	if (arrival.redirectCount > 0) return /\/signin$/.test(arrival.pathname) ? 'refused' : 'redirected';
	return 'unknown';
}

/** This document's arrival, read from the browser; null where Navigation Timing is missing (then drafts are kept). */
export function thisArrival(postStatus: number | null): Arrival | null {
	const entry = typeof performance === 'undefined' ? undefined : (performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined);
	return entry ? { type: entry.type, redirectCount: entry.redirectCount, pathname: location.pathname, postStatus } : null;
}

const isSent = (value: unknown): value is Sent =>
	typeof value === 'object' &&
	value !== null &&
	(('all' in value && value.all === true) || ('keys' in value && Array.isArray(value.keys) && value.keys.every((k) => typeof k === 'string')));

/** Settles the marked post, once: its drafts go when the answer says it went through. */
export function settleSent(answer: Answer) {
	const store = storage();
	const raw = store?.getItem(SENT);
	if (!store || raw == null) return;
	store.removeItem(SENT);
	let sent: unknown;
	try {
		sent = JSON.parse(raw);
	} catch {
		return;
	}
	if (!isSent(sent)) return;
	if ('all' in sent) {
		// Signed out by the post: only then is everything forgotten (ending another session is not).
		if (answer === 'redirected') forgetAllDrafts();
		return;
	}
	if (answer === 'answered' || answer === 'redirected') for (const key of sent.keys) if (key.startsWith(PREFIX)) store.removeItem(key);
}
