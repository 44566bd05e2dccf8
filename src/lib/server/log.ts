import { getEnv } from './env';

/**
 * Operational log lines only. Callers pass event names and ids, never text a user wrote: the
 * people who use Herstelpad write about the most private parts of their lives.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: 'info' | 'error', event: string, fields: Fields = {}) {
	const setting = getEnv().LOG_LEVEL;
	if (setting === 'silent' || (setting === 'error' && level === 'info')) return;
	const parts = Object.entries(fields)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => `${k}=${v}`);
	const line = `[herstelpad] ${level} ${event}${parts.length ? ' ' + parts.join(' ') : ''}`;
	if (level === 'error') console.error(line);
	else console.log(line);
}

export const log = {
	info: (event: string, fields?: Fields) => write('info', event, fields),
	error: (event: string, fields?: Fields) => write('error', event, fields)
};
