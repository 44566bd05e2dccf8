/**
 * In which order `npm run bench` measures the sizes for each route. Both sizes' servers are up
 * at once and every route is measured at each size in turn, seconds apart, so the machine's drift
 * over the run lands on both sizes alike. Within a route the size measured second still meets a
 * slightly different moment (and, on a busy machine, whatever the first left behind), so the
 * order alternates from route to route: no size always goes first.
 */

/** The sizes as given for even routes (0, 2, …), the other way round for odd ones. */
export function sizeOrder<T>(sizes: readonly T[], routeIndex: number): T[] {
	return routeIndex % 2 === 0 ? [...sizes] : [...sizes].reverse();
}
