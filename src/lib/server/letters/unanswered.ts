/**
 * Which points of an impact letter have no answer yet, as 1-based point numbers. An answer of only
 * spaces is no answer; answers beyond the points answer nothing.
 */
export function unansweredPoints(points: readonly string[], answers: readonly string[]): number[] {
	return points.flatMap((_, i) => ((answers[i] ?? '').trim() ? [] : [i + 1]));
}
