// Whether the production build is missing or older than anything it is built from. Shared by
// `npm start` (builds only when needed) and `npm test` (the journeys of a second database reuse
// the build the first one made).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'build', 'index.js');

/** @param {string} dir @returns {number} */
function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		// Generated messages and tests beside the code never change the build.
		if (entry.name === 'paraglide' || entry.name.startsWith('.') || /\.test\.[jt]s$/.test(entry.name)) continue;
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

export function buildIsStale() {
	if (!existsSync(stamp)) return true;
	const built = statSync(stamp).mtimeMs;
	return ['src', 'content', 'messages', 'static', 'drizzle'].map((d) => join(root, d)).some((d) => existsSync(d) && newestMtime(d) > built);
}
