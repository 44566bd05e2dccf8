import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../../src/lib/server/db';
import * as schema from '../../src/lib/server/db/schema';
import { databaseKind } from './test-db';

/** The same database (same client, same data), with every query it runs counted. */
export function countingQueries(db: Database) {
	const counter = { queries: 0 };
	const logger = { logQuery: () => void counter.queries++ };
	const client = (db as unknown as { $client: unknown }).$client;
	const counted = (databaseKind === 'pglite' ? drizzlePglite(client as PGlite, { schema, logger }) : drizzlePg(client as pg.Pool, { schema, logger })) as unknown as Database;
	return { db: counted, counter };
}
