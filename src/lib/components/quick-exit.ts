/**
 * The quick exit's behaviour, for QuickExit.svelte and for the page script of pages without the
 * app's script (decision 021): leaving replaces this page in the history, so the back button does
 * not lead back, and Escape pressed three times quickly leaves too.
 */

/** A neutral page that says nothing about why someone left. */
export const quickExitTarget = (locale: string) => (locale === 'en' ? 'https://www.bbc.com/weather' : 'https://www.knmi.nl/');

export function leaveFor(target: string) {
	window.location.replace(target);
}

/** Three presses of Escape within this many milliseconds leave. */
export const ESCAPE_WINDOW_MS = 1500;

/** A keydown handler that calls `leave` at the third Escape within the window. */
export function tripleEscape(leave: () => void, now: () => number = Date.now) {
	let presses: number[] = [];
	return (event: Pick<KeyboardEvent, 'key'>) => {
		if (event.key !== 'Escape') return;
		const t = now();
		presses = [...presses.filter((p) => t - p < ESCAPE_WINDOW_MS), t];
		if (presses.length >= 3) {
			presses = [];
			leave();
		}
	};
}
