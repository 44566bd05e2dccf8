import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Logger } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema';
import { ActorPool } from './actor-pool';
import { NamingClient } from './named-statements';
import { log } from '../log';
import { ROLE_NAME } from './app-role';
import { attachSessionCache, SessionCache } from './session-cache';

/** Both drivers speak the same PostgreSQL dialect; services only see this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** How the job queue reaches the same database (src/lib/server/jobs): the one embedded client, or the app's URL. */
	connection: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; url: string };
	close(): Promise<void>;
}

export type DatabaseConfig =
	/**
	 * No dataDir: in memory (tests), started from `from` when given: a dump of an already migrated
	 * database, which opens in a fraction of the time a new one takes (tests/setup/pglite-template.ts).
	 */
	| { kind: 'pglite'; dataDir?: string; from?: Blob }
	/**
	 * `url` is what the app works with: ideally a role that may only read and write rows.
	 * `migrationUrl` connects as the owner of the tables, only to apply migrations.
	 */
	| { kind: 'postgres'; url: string; migrationUrl?: string };

/**
 * The migrations folder ships beside package.json. Found by walking up from this file, because
 * after bundling this code lives somewhere under build/ and the working directory may be anything.
 */
export function migrationsFolder(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const pkg = join(dir, 'package.json');
		if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'herstelpad') {
			return join(dir, 'drizzle');
		}
		const parent = dirname(dir);
		if (parent === dir) return resolve('drizzle');
		dir = parent;
	}
}

export type QueryListener = (query: string, params: unknown[]) => void;
const queryListeners = new Set<QueryListener>();

/**
 * Hears every statement this process sends to any database it opened, as it is sent (tests count
 * a page's queries and ask for their plans; see src/routes/page-queries.test.ts). Returns the way
 * to stop listening. Nothing listens in production.
 */
export function onQuery(listener: QueryListener): () => void {
	queryListeners.add(listener);
	return () => queryListeners.delete(listener);
}

function queryLogger(next?: Logger): Logger {
	return {
		logQuery(query, params) {
			next?.logQuery(query, params);
			for (const listener of queryListeners) listener(query, params);
		}
	};
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
	if (config.kind === 'postgres') {
		if (config.migrationUrl) await migrateAsOwner(config.migrationUrl, config.url);
		// Parameterised statements are prepared once per connection (named-statements.ts, decision 028).
		const pool = new ActorPool({ connectionString: config.url, max: 10, Client: NamingClient });
		// An idle connection the server ends (a restart, a failover, an administrator) is emitted as
		// an 'error' on the pool; with no listener that would stop the whole process. The pool has
		// already dropped it and opens a new one on the next query.
		pool.on('error', (err: Error & { code?: string }) => log.error('db.connection_lost', { code: err.code ?? err.name }));
		const db = drizzlePg(pool, { schema, logger: queryLogger() });
		try {
			if (!config.migrationUrl && (await migrationsPending(pool))) {
				// Asked again under the lock: another process may have migrated while this one waited.
				await underMigrationLock(config.url, async () => {
					if (await migrationsPending(pool)) await migrateWith(db);
				});
			}
		} catch (err) {
			await pool.end();
			throw err;
		}
		return { db: db as unknown as Database, kind: 'postgres', connection: { kind: 'postgres', url: config.url }, close: () => pool.end() };
	}
	let client: PGlite;
	if (config.dataDir) {
		// PGlite does not create parent folders itself.
		mkdirSync(config.dataDir, { recursive: true });
		client = new PGlite(config.dataDir, { relaxedDurability: false });
	} else {
		client = new PGlite(config.from ? { loadDataDir: config.from } : undefined);
	}
	// One process owns the embedded database, so it may remember validated sessions briefly; its
	// query logger forgets them on any change to sessions, users or couples (session-cache.ts).
	const sessionCache = new SessionCache();
	const db = drizzlePglite(client, { schema, logger: queryLogger(sessionCache.logger) });
	attachSessionCache(db, sessionCache);
	await migratePglite(db, { migrationsFolder: migrationsFolder() });
	return { db: db as unknown as Database, kind: 'pglite', connection: { kind: 'pglite', client }, close: () => client.close() };
}

/**
 * The owner's connection lives only as long as the migrations take. A migration may add what the
 * app's role needs (0029: the job queue's schema), so the owner then grants the app's role again
 * (herstelpad_grant_app_role, idempotent), when it is a different, plain role.
 */
async function migrateAsOwner(url: string, appUrl: string) {
	const owner = new pg.Pool({ connectionString: url, max: 1 });
	try {
		await underMigrationLock(url, async () => {
			await migratePg(drizzlePg(owner), { migrationsFolder: migrationsFolder() });
			await grantAppRoleAgain(owner, decodeURIComponent(new URL(appUrl).username));
		});
	} finally {
		await owner.end();
	}
}

/**
 * Runs `work` while holding a lock that every process starting on this database takes before it
 * migrates, and before it sets up the job queue's queues and schedules (jobs/index.ts). Drizzle's
 * migrator does not lock: two processes starting together on a database with a pending migration
 * (several app processes, or two servers after an upgrade) would both apply it, and one would fail
 * ("already exists"). The second now waits, then finds nothing pending.
 * Held on a connection of its own (a session-level advisory lock), so the migrator may use any.
 */
export async function underMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query("select pg_advisory_lock(hashtext('herstelpad_migrate'))");
		return await work();
	} finally {
		// Ending the connection releases the lock too; unlocking first only makes it prompt.
		await client.query("select pg_advisory_unlock(hashtext('herstelpad_migrate'))").catch(() => undefined);
		await client.end();
	}
}

async function grantAppRoleAgain(owner: pg.Pool, role: string) {
	if (!ROLE_NAME.test(role)) return;
	const client = await owner.connect();
	try {
		await client.query('begin');
		// Processes starting together would otherwise grant at once ("tuple concurrently updated").
		await client.query("select pg_advisory_xact_lock(hashtext('herstelpad_grant_app_role'))");
		// Only a plain role of its own: the function refuses the owner, a superuser and BYPASSRLS.
		const { rows } = await client.query<{ plain: boolean }>(
			'select exists (select 1 from pg_roles where rolname = $1 and rolname <> current_user and not rolsuper and not rolbypassrls) as plain',
			[role]
		);
		if (rows[0].plain) await client.query('select herstelpad_grant_app_role($1)', [role]);
		await client.query('commit');
	} catch (err) {
		await client.query('rollback').catch(() => undefined);
		throw err;
	} finally {
		client.release();
	}
}

async function migrateWith(db: ReturnType<typeof drizzlePg<typeof schema>>) {
	try {
		await migratePg(db, { migrationsFolder: migrationsFolder() });
	} catch (err) {
		// The app's own role may not change tables (by design); say what to do instead of "permission denied".
		if ((err as { code?: string }).code === '42501' || (err as { cause?: { code?: string } }).cause?.code === '42501') {
			throw new Error('Database migrations are pending and DATABASE_URL may not apply them: run `herstelpad migrate` with MIGRATION_DATABASE_URL set to the owner of the tables', { cause: err });
		}
		throw err;
	}
}

/**
 * Whether the database lacks a migration that ships with this version. Read the way Drizzle's
 * migrator decides (newest applied `created_at`), so a role that can read but not create tables
 * starts without trying to migrate once the owner has.
 */
export async function migrationsPending(pool: pg.Pool): Promise<boolean> {
	const files = readMigrationFiles({ migrationsFolder: migrationsFolder() });
	const newest = Math.max(...files.map((m) => m.folderMillis));
	try {
		const { rows } = await pool.query<{ last: string | null }>('select max(created_at)::text as last from drizzle.__drizzle_migrations');
		return rows[0].last === null || Number(rows[0].last) < newest;
	} catch {
		return true; // no migrations table yet (or not readable): migrating will tell
	}
}

export function configFromEnv(env: { DATABASE_URL?: string; MIGRATION_DATABASE_URL?: string; dataDir: string }): DatabaseConfig {
	return env.DATABASE_URL
		? { kind: 'postgres', url: env.DATABASE_URL, ...(env.MIGRATION_DATABASE_URL ? { migrationUrl: env.MIGRATION_DATABASE_URL } : {}) }
		: { kind: 'pglite', dataDir: join(env.dataDir, 'pglite') };
}

let handle: DatabaseHandle | undefined;

/** The app's one database, opened (and migrated) once at start-up by the server hook. */
export async function initDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
	handle ??= await openDatabase(config);
	return handle;
}

export function getDb(): Database {
	if (!handle) throw new Error('Database used before initDatabase()');
	return handle.db;
}

export async function closeDatabase() {
	const h = handle;
	handle = undefined;
	await h?.close();
}

export { schema };
