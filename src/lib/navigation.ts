import { m } from '$lib/i18n';

/**
 * The signed-in places, in the order the menu shows them. One list, so a new area adds one entry
 * here instead of another copy of the menu markup (and the app shell can lay it out per screen).
 */
export type Role = 'repairing' | 'hurt';

export interface Place {
	/** Path without locale prefix. */
	path: string;
	label: () => string;
	/** Route ids this place is "current" for (prefix match). */
	matches: string;
	/** Shown only to these roles; all roles when absent. */
	roles?: Role[];
}

export const signedInPlaces: Place[] = [
	{ path: '/dashboard', label: () => m.nav_dashboard(), matches: '/dashboard' },
	{ path: '/program', label: () => m.nav_program(), matches: '/program' },
	{ path: '/coach', label: () => m.nav_coach(), matches: '/coach', roles: ['repairing'] },
	{ path: '/reflections', label: () => m.nav_reflections(), matches: '/reflections' },
	{ path: '/together', label: () => m.nav_together(), matches: '/together' },
	{ path: '/decision', label: () => m.nav_decision(), matches: '/decision' },
	{ path: '/settings', label: () => m.nav_settings(), matches: '/settings' }
];

export function placesFor(role: Role | null | undefined): Place[] {
	return signedInPlaces.filter((place) => !place.roles || (role != null && place.roles.includes(role)));
}

export function isCurrent(place: Place, routeId: string | null): boolean {
	return routeId != null && (routeId === place.matches || routeId.startsWith(`${place.matches}/`));
}
