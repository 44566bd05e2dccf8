/**
 * A pure function's answers, kept: for the day arithmetic that the week charts and counts do
 * thousands of times per request over the same few hundred days. Bounded: when `limit` answers are
 * kept, they are all forgotten and the count starts again, so odd keys cannot grow it without end.
 */
export function remembered<K, T>(compute: (key: K) => T, limit = 5_000): (key: K) => T {
	const known = new Map<K, T>();
	return (key) => {
		let value = known.get(key);
		if (value === undefined) {
			value = compute(key);
			if (known.size >= limit) known.clear();
			known.set(key, value);
		}
		return value;
	};
}
