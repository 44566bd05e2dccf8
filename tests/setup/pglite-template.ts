import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Vitest global setup: one migrated, empty PGlite database, dumped to a file once per run. Each
 * test file then starts its own fresh database from that dump (test-db.ts) instead of creating
 * one and running every migration: about 0.8 s instead of 4–5 s per file on two cores. The app
 * still runs its migrations on the copy, which finds them applied; a migration added later is
 * in the dump of the next run.
 */
export default async function setup(project: TestProject) {
	if (process.env.TEST_DATABASE_URL) return;
	const client = new PGlite();
	await migrate(drizzle(client), { migrationsFolder: join(process.cwd(), 'drizzle') });
	const dump = await client.dumpDataDir('none');
	await client.close();
	const dir = mkdtempSync(join(tmpdir(), 'herstelpad-pglite-template-'));
	const file = join(dir, 'migrated.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide('pgliteTemplate', file);
	return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
	}
}
