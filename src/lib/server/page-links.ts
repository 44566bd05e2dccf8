/**
 * The two plain links of a list shown a page at a time (decision 025): to the page after this one,
 * and back to the newest. Links, not scripts, so they work without the app's script.
 *
 * - `param`: the list's cursor in the address; `older`: the cursor of the next page (null: none);
 *   `current`: the cursor this page was opened with (null: this is the newest page).
 * - `keep`: the cursors of the page's other lists, kept in both links, so moving through one list
 *   leaves the others where they are.
 * - "?" alone is the newest of every list: a bare "#…" would keep the query.
 */
export function pageLinks(param: string, older: string | null, current: string | null, anchor: string, keep: Record<string, string | null> = {}) {
	const href = (own: string | null) => {
		const query = new URLSearchParams();
		for (const [name, cursor] of Object.entries({ ...keep, [param]: own })) if (cursor) query.set(name, cursor);
		return `?${query}#${anchor}`;
	};
	return { older: older ? href(older) : null, newest: current ? href(null) : null };
}
