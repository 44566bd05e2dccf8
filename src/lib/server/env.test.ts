import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('environment', () => {
	it('defaults to the embedded database in ./data', () => {
		const env = parseEnv({});
		expect(env.DATABASE_URL).toBeUndefined();
		expect(env.dataDir).toMatch(/\/data$/);
		expect(env.production).toBe(false);
	});

	it('treats empty values as unset', () => {
		expect(parseEnv({ DATABASE_URL: '', SMTP_URL: '' }).DATABASE_URL).toBeUndefined();
	});

	it('stops with a clear message on a wrong setting', () => {
		expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(EnvError);
		expect(() => parseEnv({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
		expect(() => parseEnv({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
	});

	it('recognises production', () => {
		expect(parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' }).production).toBe(true);
	});
});
