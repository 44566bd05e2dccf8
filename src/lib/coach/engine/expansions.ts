import type { CommonData } from './rule-data';
import { normalizeWord } from './normalize';
import type { Expansions } from './tokens';

const cache = new WeakMap<CommonData, Expansions>();

/**
 * Contractions from `common.json` ("i'm": ["i am"], "i'd": ["i had", "i would"]) as token lists,
 * so patterns are written once in the long form.
 */
export function expansionsOf(common: CommonData): Expansions {
	let map = cache.get(common);
	if (!map) {
		const built = new Map<string, string[][]>();
		for (const [word, readings] of Object.entries(common.expansions ?? {})) {
			built.set(
				normalizeWord(word),
				readings.map((reading) => reading.split(' ').map(normalizeWord))
			);
		}
		map = built;
		cache.set(common, map);
	}
	return map;
}
