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
	LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info')
});

export type Env = z.infer<typeof schema> & {
	production: boolean;
	dataDir: string;
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
	return {
		...result.data,
		production: result.data.NODE_ENV === 'production',
		dataDir: resolve(result.data.DATA_DIR)
	};
}

let cached: Env | undefined;

export function getEnv(): Env {
	cached ??= parseEnv(process.env);
	return cached;
}
