import { readFileSync } from 'node:fs';
import { getEnv } from './env';

/**
 * The time the app thinks it is. Always the real time, except in tests (NODE_ENV=test) that set
 * TEST_CLOCK_FILE: then the file's content (an ISO time) is "now", read each time, so a browser
 * journey against the production build can move time forward. env.ts refuses the setting outside
 * tests, and nothing a request can reach writes the file.
 */
export function now(): Date {
	const env = getEnv();
	if (env.TEST_CLOCK_FILE && env.NODE_ENV === 'test') {
		const text = readFileSync(env.TEST_CLOCK_FILE, 'utf8').trim();
		const time = new Date(text);
		if (Number.isNaN(time.getTime())) throw new Error('TEST_CLOCK_FILE does not hold an ISO time');
		return time;
	}
	return new Date();
}
