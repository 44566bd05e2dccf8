/**
 * Herstelpad's own icons: simple 24×24 line drawings (stroke, round caps), drawn for this app and
 * rendered inline by Icon.svelte in the text colour. No icon font, nothing loaded from elsewhere.
 * Each value is the inner SVG markup. Add a drawing here to give a menu place its icon.
 */
export const ICONS = {
	/** Overview / dashboard: a house. */
	home: '<path d="M4 11 12 4l8 7"/><path d="M6 10v9h12v-9"/><path d="M10 19v-5h4v5"/>',
	/** The programme: a winding path between two stops (as in the logo). */
	path: '<circle cx="6" cy="18" r="2"/><circle cx="18" cy="6" r="2"/><path d="M8 18h5a3 3 0 0 0 0-6h-2a3 3 0 0 1 0-6h5"/>',
	/** The guide: an open book. */
	book: '<path d="M12 7c-2-1.5-5-2-8-1.5v12c3-.5 6 0 8 1.5 2-1.5 5-2 8-1.5v-12c-3-.5-6 0-8 1.5z"/><path d="M12 7v12"/>',
	/** Writing an apology: a pen. */
	pen: '<path d="M15 5l4 4L9 19H5v-4z"/><path d="M13 7l4 4"/>',
	/** Reflections: a notebook with lines. */
	notebook: '<rect x="5" y="3.5" width="14" height="17" rx="2"/><path d="M9 8h6M9 12h6M9 16h3"/>',
	/** The couple space: two overlapping circles. */
	together: '<circle cx="9" cy="12" r="5"/><circle cx="15" cy="12" r="5"/>',
	/** A letter. */
	letter: '<rect x="3.5" y="6" width="17" height="12" rx="2"/><path d="m4 7 8 6 8-6"/>',
	/** Settings: two sliders. */
	sliders: '<path d="M4 8h9M17 8h3M4 16h3M11 16h9"/><circle cx="15" cy="8" r="2"/><circle cx="9" cy="16" r="2"/>',
	/** A promise kept over time: a check in a circle. */
	check: '<circle cx="12" cy="12" r="8"/><path d="m8.5 12 2.5 2.5 4.5-5"/>',
	/** A calendar. */
	calendar: '<rect x="4" y="5.5" width="16" height="14" rx="2"/><path d="M4 10h16M9 3.5v4M15 3.5v4"/>',
	/** A conversation: a speech bubble. */
	chat: '<path d="M5 6h14v9h-8l-4 3.5V15H5z"/>',
	/** A heart, drawn open. */
	heart: '<path d="M12 19s-7-4.3-7-9.2A3.8 3.8 0 0 1 12 8a3.8 3.8 0 0 1 7 1.8c0 4.9-7 9.2-7 9.2z"/>',
	/** A shield: agreements and boundaries. */
	shield: '<path d="M12 3.5 19 6v5.5c0 4.2-3 7.3-7 9-4-1.7-7-4.8-7-9V6z"/>',
	/** Help lines: a life ring. */
	help: '<circle cx="12" cy="12" r="8"/><circle cx="12" cy="12" r="3.5"/><path d="m6.5 6.5 3 3M17.5 6.5l-3 3M6.5 17.5l3-3M17.5 17.5l-3-3"/>',
	/** More places: three dots. */
	more: '<circle cx="5.5" cy="12" r="1.2"/><circle cx="12" cy="12" r="1.2"/><circle cx="18.5" cy="12" r="1.2"/>',
	/** Sign in: an arrow into a door. */
	signin: '<path d="M13 4.5h5v15h-5"/><path d="M4 12h10M10.5 8.5 14 12l-3.5 3.5"/>',
	/** Sign out: an arrow out of a door. */
	signout: '<path d="M11 4.5H6v15h5"/><path d="M10 12h10M16.5 8.5 20 12l-3.5 3.5"/>',
	/** A new account: a person and a plus. */
	signup: '<circle cx="10" cy="8.5" r="3.5"/><path d="M3.5 19.5c.8-3.3 3.4-5 6.5-5s5.7 1.7 6.5 5"/><path d="M19 7v6M16 10h6"/>',
	/** Offline: a cloud with a line through it. */
	offline: '<path d="M7 18h10a4 4 0 0 0 .5-8 5.5 5.5 0 0 0-10.6 1.5A3.3 3.3 0 0 0 7 18z"/><path d="m4 4 16 16"/>',
	/** The trigger kit: two calm waves (a moment that comes and goes). */
	wave: '<path d="M3 10c2-2.5 4-2.5 6 0s4 2.5 6 0 4-2.5 6 0"/><path d="M3 15c2-2.5 4-2.5 6 0s4 2.5 6 0 4-2.5 6 0"/>',
	/** Fallback for a place without its own drawing: a small circle. */
	dot: '<circle cx="12" cy="12" r="4"/>'
} as const;

export type IconName = keyof typeof ICONS;

export function iconMarkup(name: string | undefined): string {
	return ICONS[(name ?? 'dot') as IconName] ?? ICONS.dot;
}
