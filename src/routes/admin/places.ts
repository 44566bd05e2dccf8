import { m } from '$lib/i18n';

/**
 * The admin area's own menu. Each admin part adds one entry here (path without locale prefix);
 * every page under /admin must call `requireAdmin` in its own load and actions, because a layout's
 * load does not guard a page's actions.
 */
export interface AdminPlace {
	path: string;
	label: () => string;
}

export const adminPlaces: AdminPlace[] = [
	{ path: '/admin', label: () => m.admin_nav_overview() },
	{ path: '/admin/comments', label: () => m.admin_nav_comments() },
	{ path: '/admin/booklet', label: () => m.admin_nav_booklet() }
];
