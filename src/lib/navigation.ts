import { m } from '$lib/i18n';
import type { IconName } from '$lib/components/icons';

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
	/** Drawing from $lib/components/icons.ts; a small circle when absent. */
	icon?: IconName;
	/**
	 * In the phone's bottom bar for these roles (true: every role). Places without it, and any
	 * past the first four, are under "More" on a phone; a desktop shows every place.
	 */
	primary?: boolean | Role[];
	/** A shorter label for the bottom bar, contained in `label` (which stays the accessible name). */
	short?: () => string;
}

export const signedInPlaces: Place[] = [
	{ path: '/dashboard', label: () => m.nav_dashboard(), matches: '/dashboard', icon: 'home', primary: true },
	{ path: '/program', label: () => m.nav_program(), matches: '/program', icon: 'path', primary: true },
	{ path: '/coach', label: () => m.nav_coach(), short: () => m.nav_coach_short(), matches: '/coach', roles: ['repairing'], icon: 'pen', primary: true },
	{ path: '/reflections', label: () => m.nav_reflections(), matches: '/reflections', icon: 'notebook', primary: ['hurt'] },
	{ path: '/deeds', label: () => m.nav_deeds(), matches: '/deeds', icon: 'check' },
	{ path: '/together', label: () => m.nav_together(), matches: '/together', icon: 'together', primary: true },
	{ path: '/trust', label: () => m.nav_trust(), matches: '/trust', icon: 'shield' },
	{ path: '/decision', label: () => m.nav_decision(), matches: '/decision', icon: 'heart' },
	{ path: '/talk', label: () => m.nav_talk(), matches: '/talk', icon: 'chat' },
	{ path: '/hour', label: () => m.nav_hour(), matches: '/hour', icon: 'calendar' },
	{ path: '/triggers', label: () => m.nav_triggers(), matches: '/triggers', icon: 'wave' },
	{ path: '/settings', label: () => m.nav_settings(), matches: '/settings', icon: 'sliders' }
];

/** How many places the phone's bottom bar holds before "More". */
export const BOTTOM_BAR_PLACES = 4;

/** The places for someone signed out: the guide and the ways in (help lines are in the top bar). */
export const publicPlaces: Place[] = [
	{ path: '/guide', label: () => m.nav_guide(), matches: '/guide', icon: 'book', primary: true },
	{ path: '/signin', label: () => m.nav_signin(), matches: '/signin', icon: 'signin', primary: true },
	{ path: '/signup', label: () => m.nav_signup(), matches: '/signup', icon: 'signup', primary: true },
	{ path: '/help', label: () => m.nav_help(), matches: '/help', icon: 'help', primary: true }
];

export function placesFor(role: Role | null | undefined): Place[] {
	return signedInPlaces.filter((place) => !place.roles || (role != null && place.roles.includes(role)));
}

export function isCurrent(place: Place, routeId: string | null): boolean {
	return routeId != null && (routeId === place.matches || routeId.startsWith(`${place.matches}/`));
}

/** The phone's bottom bar and its "More" sheet: the first four places primary for the role, the rest. */
export function splitForPhone(places: Place[], role: Role | null | undefined): { bar: Place[]; more: Place[] } {
	const isPrimary = (place: Place) =>
		place.primary === true || (Array.isArray(place.primary) && role != null && place.primary.includes(role));
	const bar = places.filter(isPrimary).slice(0, BOTTOM_BAR_PLACES);
	return { bar, more: places.filter((place) => !bar.includes(place)) };
}
