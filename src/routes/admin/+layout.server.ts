import type { LayoutServerLoad } from './$types';
import { requireAdmin } from '$lib/server/admin/require-admin';

/** Everyone but an administrator gets a 404 here; pages and actions check again themselves. */
export const load: LayoutServerLoad = (event) => {
	requireAdmin(event);
	return {};
};
