import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

/** Both drivers speak the same PostgreSQL dialect; services only see this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	close(): Promise<void>;
}

export type DatabaseConfig =
	| { kind: 'pglite'; dataDir?: string } // no dataDir: in memory (tests)
	| { kind: 'postgres'; url: string };

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

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
	if (config.kind === 'postgres') {
		const pool = new pg.Pool({ connectionString: config.url, max: 10 });
		const db = drizzlePg(pool, { schema });
		await migratePg(db, { migrationsFolder: migrationsFolder() });
		return { db: db as unknown as Database, kind: 'postgres', close: () => pool.end() };
	}
	let client: PGlite;
	if (config.dataDir) {
		// PGlite does not create parent folders itself.
		mkdirSync(config.dataDir, { recursive: true });
		client = new PGlite(config.dataDir, { relaxedDurability: false });
	} else {
		client = new PGlite();
	}
	const db = drizzlePglite(client, { schema });
	await migratePglite(db, { migrationsFolder: migrationsFolder() });
	return { db: db as unknown as Database, kind: 'pglite', close: () => client.close() };
}

export function configFromEnv(env: { DATABASE_URL?: string; dataDir: string }): DatabaseConfig {
	return env.DATABASE_URL
		? { kind: 'postgres', url: env.DATABASE_URL }
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
