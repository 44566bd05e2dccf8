import type { LayoutServerLoad } from './$types';
import { shipsAppScript } from '$lib/server/page-script';

export const load: LayoutServerLoad = async ({ locals, route, request, isDataRequest, untrack }) => ({
	user: locals.user ? { id: locals.user.id, displayName: locals.user.displayName, role: locals.user.role, isAdmin: locals.user.isAdmin } : null,
	locale: locals.locale,
	// A page without SvelteKit's client gets the page script instead (decision 021). Not on a
	// client-side navigation: the app already running renders that page itself. (The route is read
	// untracked: it decides nothing a client-side navigation would need again.)
	pageScript: !isDataRequest && !(await shipsAppScript(untrack(() => route.id))),
	// This page answers a plain form post: the page script settles the drafts the post sent by it.
	posted: !isDataRequest && request.method === 'POST'
});
