import { getEnv, EnvError } from '../lib/server/env';
import { configFromEnv, openDatabase } from '../lib/server/db';
import { ROLE_NAME, grantAppRole } from '../lib/server/db/app-role';
import { createAdmin } from '../lib/server/users/users';
import { email as emailSchema } from '../lib/schemas/auth';

export interface Io {
	stdin: NodeJS.ReadableStream;
	stdout: { write(s: string): unknown };
	stderr: { write(s: string): unknown };
}

export const usage = `Usage: herstelpad <command> [options]

Commands:
  migrate                     apply database migrations (PGlite in DATA_DIR, or DATABASE_URL;
                              as MIGRATION_DATABASE_URL, the tables' owner, when that is set)
  grant-app-role <role>       PostgreSQL: let <role> read and write rows, nothing more (run as owner)
  admin create <email>…       create administrators, or promote existing accounts
  analyze [options] [FILE|-]  check an apology text (see: herstelpad analyze --help)

Options:
  -h, --help                  show this help

Settings come from the environment: DATABASE_URL, MIGRATION_DATABASE_URL, DATA_DIR (default ./data).
Exit codes: 0 success, 1 failure (or findings, for analyze), 2 usage error.
`;

async function withDatabase<T>(io: Io, work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
	const env = getEnv();
	const handle = await openDatabase(configFromEnv(env));
	try {
		return await work(handle.db);
	} finally {
		await handle.close();
	}
}

export async function main(argv: string[], io: Io): Promise<number> {
	const [command, ...rest] = argv;
	try {
		if (!command || command === '--help' || command === '-h' || command === 'help') {
			io.stdout.write(usage);
			return command ? 0 : 2;
		}
		if (command === 'migrate') {
			if (rest.length) return usageError(io, `migrate takes no arguments`);
			const kind = await withDatabase(io, async () => (getEnv().DATABASE_URL ? 'PostgreSQL' : 'PGlite'));
			io.stdout.write(`Migrations applied (${kind}).\n`);
			return 0;
		}
		if (command === 'grant-app-role') {
			const [role, ...extra] = rest;
			if (!role || extra.length) return usageError(io, 'expected: herstelpad grant-app-role <role>');
			if (!ROLE_NAME.test(role)) return usageError(io, `not a plain role name: ${role}`);
			const env = getEnv();
			if (!env.DATABASE_URL) return usageError(io, 'grant-app-role is for PostgreSQL: set DATABASE_URL (and MIGRATION_DATABASE_URL for the owner)');
			// The owner grants; the role is the one DATABASE_URL will connect as.
			const owner = await openDatabase({ kind: 'postgres', url: env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL });
			try {
				await grantAppRole(owner.db, role);
			} finally {
				await owner.close();
			}
			io.stdout.write(`Role ${role} may now read and write Herstelpad's rows (and nothing else).\n`);
			return 0;
		}
		if (command === 'admin') {
			const [sub, ...addresses] = rest;
			if (sub !== 'create' || addresses.length === 0) return usageError(io, 'expected: herstelpad admin create <email> [<email>…]');
			const emails: string[] = [];
			for (const address of addresses) {
				const parsed = emailSchema.safeParse(address);
				if (!parsed.success) return usageError(io, `not a valid e-mail address: ${address}`);
				emails.push(parsed.data);
			}
			// One opening of the database for all of them (PGlite takes seconds to open).
			await withDatabase(io, async (db) => {
				for (const email of emails) {
					const result = await createAdmin(db, email);
					io.stdout.write(
						result.created
							? `Administrator ${email} created. Use "forgot password" on the sign-in page to set a password.\n`
							: `Existing account ${email} is now an administrator.\n`
					);
				}
			});
			return 0;
		}
		if (command === 'analyze') {
			const { runAnalyzeCli } = await import('../lib/coach/cli');
			return await runAnalyzeCli(rest, io);
		}
		return usageError(io, `unknown command: ${command}`);
	} catch (err) {
		if (err instanceof EnvError) {
			io.stderr.write(`herstelpad: ${err.message}\n`);
			return 2;
		}
		io.stderr.write(`herstelpad: ${command} failed: ${err instanceof Error ? err.message : String(err)}\n`);
		return 1;
	}
}

function usageError(io: Io, message: string) {
	io.stderr.write(`herstelpad: ${message}\n\n${usage}`);
	return 2;
}
