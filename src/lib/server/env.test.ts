import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv, publicUrl } from './env';

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

	it('limits sign-ups to 50 an hour per address unless configured, and refuses a nonsense limit', () => {
		expect(parseEnv({}).SIGNUP_LIMIT_PER_HOUR).toBe(50);
		expect(parseEnv({ SIGNUP_LIMIT_PER_HOUR: '500' }).SIGNUP_LIMIT_PER_HOUR).toBe(500);
		expect(() => parseEnv({ SIGNUP_LIMIT_PER_HOUR: '0' })).toThrow(/SIGNUP_LIMIT_PER_HOUR/);
		expect(() => parseEnv({ SIGNUP_LIMIT_PER_HOUR: 'many' })).toThrow(/SIGNUP_LIMIT_PER_HOUR/);
	});

	it('recognises production', () => {
		expect(parseEnv({ NODE_ENV: 'production', ORIGIN: 'https://herstelpad.example', DATABASE_URL: 'postgres://u@h/db' }).production).toBe(true);
	});

	it('refuses to start in production without ORIGIN, saying what to set', () => {
		expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError);
		expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/ORIGIN: required in production.*https:\/\//);
	});

	it('builds links from ORIGIN, or from localhost and PORT in local use', () => {
		expect(parseEnv({ NODE_ENV: 'production', ORIGIN: 'https://herstelpad.example/' }).publicOrigin).toBe('https://herstelpad.example');
		expect(parseEnv({}).publicOrigin).toBe('http://localhost:3000');
		expect(parseEnv({ PORT: '8080' }).publicOrigin).toBe('http://localhost:8080');
		expect(publicUrl('/en/reset-password?token=abc', parseEnv({ ORIGIN: 'https://herstelpad.example' }))).toBe(
			'https://herstelpad.example/en/reset-password?token=abc'
		);
		expect(publicUrl('https://evil.example/invite/t', parseEnv({}))).toBe('http://localhost:3000/invite/t');
		expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
	});

	it('takes a test clock only under NODE_ENV=test, and refuses it elsewhere at start-up', () => {
		expect(parseEnv({ NODE_ENV: 'test', TEST_CLOCK_FILE: '/tmp/clock' }).TEST_CLOCK_FILE).toBe('/tmp/clock');
		expect(() => parseEnv({ TEST_CLOCK_FILE: '/tmp/clock' })).toThrow(/TEST_CLOCK_FILE: only allowed with NODE_ENV=test/);
		expect(() => parseEnv({ NODE_ENV: 'production', ORIGIN: 'https://herstelpad.example', TEST_CLOCK_FILE: '/tmp/clock' })).toThrow(EnvError);
	});

	it('takes a faster notifications tick only under NODE_ENV=test', () => {
		expect(parseEnv({ NODE_ENV: 'test', TEST_TICK_SECONDS: '2' }).TEST_TICK_SECONDS).toBe(2);
		expect(parseEnv({ NODE_ENV: 'test' }).TEST_TICK_SECONDS).toBeUndefined();
		expect(() => parseEnv({ TEST_TICK_SECONDS: '2' })).toThrow(/TEST_TICK_SECONDS: only allowed with NODE_ENV=test/);
		expect(() => parseEnv({ NODE_ENV: 'production', ORIGIN: 'https://herstelpad.example', TEST_TICK_SECONDS: '2' })).toThrow(EnvError);
		expect(() => parseEnv({ NODE_ENV: 'test', TEST_TICK_SECONDS: '0' })).toThrow(/TEST_TICK_SECONDS/);
	});

	it('reads extra push service origins as exact origins and refuses anything else', () => {
		expect(parseEnv({}).pushServiceOrigins).toEqual([]);
		expect(parseEnv({ PUSH_SERVICE_ORIGINS: 'http://127.0.0.1:9000/, https://push.example' }).pushServiceOrigins).toEqual(['http://127.0.0.1:9000', 'https://push.example']);
		expect(() => parseEnv({ PUSH_SERVICE_ORIGINS: 'not an origin' })).toThrow(/PUSH_SERVICE_ORIGINS/);
		expect(() => parseEnv({ PUSH_SERVICE_ORIGINS: 'file:///etc' })).toThrow(/PUSH_SERVICE_ORIGINS/);
		// In production only https: a test's loopback setting copied there would let the server post over plain http.
		expect(() => parseEnv({ NODE_ENV: 'production', ORIGIN: 'https://herstelpad.example', PUSH_SERVICE_ORIGINS: 'http://127.0.0.1:9000' })).toThrow(/only https/);
		expect(parseEnv({ NODE_ENV: 'production', ORIGIN: 'https://herstelpad.example', PUSH_SERVICE_ORIGINS: 'https://push.example' }).pushServiceOrigins).toEqual(['https://push.example']);
	});
});
