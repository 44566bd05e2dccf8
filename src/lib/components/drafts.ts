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

/** Forgets every draft, of every user: at sign-out nothing written here should stay behind. */
export function forgetAllDrafts() {
	const store = storage();
	if (!store) return;
	const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => !!k?.startsWith(PREFIX));
	for (const key of keys) store.removeItem(key);
}
