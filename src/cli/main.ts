import { getEnv, EnvError } from '../lib/server/env';
import { configFromEnv, openDatabase } from '../lib/server/db';
import { ROLE_NAME, grantAppRole } from '../lib/server/db/app-role';
import { createAdmin } from '../lib/server/users/users';
import { email as emailSchema } from '../lib/schemas/auth';
import { DEMO_PASSWORD, RealUsersPresent, seedDemo } from '../lib/server/demo/seed';

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
  seed-demo --couples N [--days D] [--seed S] [--force] [--verbose]
                              fill the database with N demo couples (D days of use, default 365;
                              seed S, default 1); refuses a database with real accounts unless --force;
                              --verbose prints the time each table took

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
		if (command === 'seed-demo') return await seedDemoCommand(rest, io);
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

/** Parses `--name value` pairs and bare flags; null (after saying why) on anything else. */
function parseOptions(args: string[], numbers: readonly string[], flags: readonly string[]) {
	const values: Record<string, number> = {};
	const set = new Set<string>();
	for (let i = 0; i < args.length; i++) {
		const name = args[i].replace(/^--/, '');
		if (!args[i].startsWith('--')) return `unexpected argument: ${args[i]}`;
		if (flags.includes(name)) {
			set.add(name);
			continue;
		}
		if (!numbers.includes(name)) return `unknown option: ${args[i]}`;
		const value = args[++i];
		if (value === undefined || !/^-?\d+$/.test(value)) return `--${name} needs a whole number`;
		values[name] = Number(value);
	}
	return { values, flags: set };
}

async function seedDemoCommand(args: string[], io: Io): Promise<number> {
	const parsed = parseOptions(args, ['couples', 'days', 'seed'], ['force', 'verbose']);
	if (typeof parsed === 'string') return usageError(io, parsed);
	const { couples, days = 365, seed = 1 } = parsed.values;
	if (couples === undefined) return usageError(io, 'seed-demo needs --couples N');
	if (couples < 1 || couples > 1_000_000) return usageError(io, '--couples: from 1 to 1,000,000');
	if (days < 7 || days > 3650) return usageError(io, '--days: from 7 to 3650');
	const env = getEnv();
	// Seeding writes every person's rows at once, which row-level security only lets the tables' owner do.
	const config = env.DATABASE_URL ? { kind: 'postgres' as const, url: env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL } : configFromEnv(env);
	const handle = await openDatabase(config);
	const started = performance.now();
	try {
		const verbose = parsed.flags.has('verbose');
		const summary = await seedDemo(handle.db, {
			couples,
			days,
			seed,
			force: parsed.flags.has('force'),
			progress: verbose ? (step, ms) => io.stdout.write(`  ${(ms / 1000).toFixed(2).padStart(7)} s  ${step}\n`) : undefined
		});
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
		io.stdout.write(
			`Seeded ${couples} demo couple slots (${summary.users} accounts, ${total.toLocaleString('en')} rows in ${Object.keys(summary.rows).length} tables) in ${seconds} s, ${handle.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, seed ${seed}, ${days} days.\n` +
				`Every demo account has the password: ${DEMO_PASSWORD}\n` +
				`  ${summary.email(1, 'a')}  repairing partner in a couple\n` +
				`  ${summary.email(1, 'b')}  hurt partner in the same couple\n` +
				`  ${summary.email(2, 'a')}  repairing partner, alone\n` +
				`  ${summary.email(3, 'a')}  hurt partner, alone (their partner left)\n` +
				`Addresses are demo-<n>-a@… and demo-<n>-b@… for n = 1…${couples} (b only in a couple). Run again to replace them.\n`
		);
		return 0;
	} catch (err) {
		if (err instanceof RealUsersPresent) {
			io.stderr.write(`herstelpad: seed-demo refused: ${err.message}. This looks like a database in use; add --force to add demo couples anyway (real accounts are left alone).\n`);
			return 1;
		}
		throw err;
	} finally {
		await handle.close();
	}
}
