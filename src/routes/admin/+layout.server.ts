import type { LayoutServerLoad } from './$types';
import { requireAdmin } from '$lib/server/admin/require-admin';

// Lists and plain forms; the page script adds the rest (docs/decisions/021).
export const csr = false;

/** Everyone but an administrator gets a 404 here; pages and actions check again themselves. */
export const load: LayoutServerLoad = (event) => {
	requireAdmin(event);
	return {};
};
