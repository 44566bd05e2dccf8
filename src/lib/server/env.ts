import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only module that reads the environment. Everything else asks `getEnv()`, so a wrong setting
 * stops the app at start-up instead of surfacing later, and the move to SvelteKit 3's env modules
 * stays small.
 */
const schema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
		.optional(),
	/** The tables' owner, used only to apply migrations, so DATABASE_URL can be a role without DDL rights. */
	MIGRATION_DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'MIGRATION_DATABASE_URL must start with postgres:// or postgresql://')
		.optional(),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
		.optional(),
	MAIL_FROM: z.string().min(3).default('Herstelpad <no-reply@herstelpad.local>'),
	ORIGIN: z.url().optional(),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info'),
	// Generous for a household behind one address, tight enough to stop scripted account creation.
	SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(50),
	/**
	 * Tests only (NODE_ENV=test): a file whose content is an ISO time, read as "now" by
	 * src/lib/server/clock.ts, so a browser journey can move time forward. Refused otherwise.
	 */
	TEST_CLOCK_FILE: z.string().min(1).optional(),
	/**
	 * Tests only (NODE_ENV=test): also run the notifications' tick every this many seconds, so a
	 * journey need not wait for the minute's schedule. Refused otherwise: production keeps the minute.
	 */
	TEST_TICK_SECONDS: z.coerce.number().int().min(1).max(60).optional(),
	/**
	 * Extra Web Push service origins accepted besides the known ones (comma-separated, e.g. a
	 * loopback push service in the tests). Subscriptions to other hosts are refused (SSRF).
	 */
	PUSH_SERVICE_ORIGINS: z.string().optional(),
	/**
	 * App processes on PostgreSQL (scripts/cluster.js, which reads and checks it first, and tells
	 * each process the count it chose); here it only shares the analyser's threads out among them.
	 */
	WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1)
});

export type Env = z.infer<typeof schema> & {
	production: boolean;
	/** PUSH_SERVICE_ORIGINS parsed: exact origins (scheme://host[:port]). */
	pushServiceOrigins: string[];
	dataDir: string;
	/** Where links in e-mails point; never taken from a request, whose Host header anyone can forge. */
	publicOrigin: string;
};

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
	const cleaned = Object.fromEntries(
		Object.entries(source).filter(([, value]) => value !== undefined && value !== '')
	);
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
		throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
	}
	const production = result.data.NODE_ENV === 'production';
	if (production && !result.data.ORIGIN) {
		throw new EnvError(
			'Invalid environment:\n  ORIGIN: required in production: the public address people use, e.g. ORIGIN=https://herstelpad.example (links in e-mails are built from it)'
		);
	}
	if (result.data.TEST_CLOCK_FILE && result.data.NODE_ENV !== 'test') {
		throw new EnvError('Invalid environment:\n  TEST_CLOCK_FILE: only allowed with NODE_ENV=test (it lets a file set the time the app thinks it is)');
	}
	if (result.data.TEST_TICK_SECONDS && result.data.NODE_ENV !== 'test') {
		throw new EnvError('Invalid environment:\n  TEST_TICK_SECONDS: only allowed with NODE_ENV=test (production runs the notifications every minute)');
	}
	const pushServiceOrigins: string[] = [];
	for (const entry of (result.data.PUSH_SERVICE_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
		let origin: string;
		try {
			origin = new URL(entry).origin;
		} catch {
			throw new EnvError(`Invalid environment:\n  PUSH_SERVICE_ORIGINS: not an origin: ${entry}`);
		}
		if (origin === 'null' || !/^https?:$/.test(new URL(entry).protocol)) throw new EnvError(`Invalid environment:\n  PUSH_SERVICE_ORIGINS: not an http(s) origin: ${entry}`);
		// The server posts to these; in production only over https, so a test setting copied there cannot point it at a plain-http service on the network.
		if (production && !entry.startsWith('https://')) throw new EnvError(`Invalid environment:\n  PUSH_SERVICE_ORIGINS: only https origins in production: ${entry}`);
		pushServiceOrigins.push(origin);
	}
	return {
		...result.data,
		production,
		pushServiceOrigins,
		dataDir: resolve(result.data.DATA_DIR),
		publicOrigin: result.data.ORIGIN ? new URL(result.data.ORIGIN).origin : `http://localhost:${result.data.PORT}`
	};
}

let cached: Env | undefined;

export function getEnv(): Env {
	cached ??= parseEnv(process.env);
	return cached;
}

/** The one way to build an absolute link for an e-mail or a page to copy: configuration, not the request. */
export function publicUrl(path: string, env: Pick<Env, 'publicOrigin'> = getEnv()): string {
	// Only the path survives, should a helper ever hand over an absolute URL with some other host.
	const { pathname, search, hash } = new URL(path, 'http://path.invalid');
	return new URL(pathname + search + hash, env.publicOrigin).href;
}
