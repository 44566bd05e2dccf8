/**
 * One app process's job queue, and nothing else: opens DATABASE_URL (PostgreSQL), starts the real
 * jobs code (handlers, schedule, SMTP_URL's mail server) and prints "ready". SIGTERM stops it as
 * the app stops (stopJobs, then the database). Started by src/lib/server/jobs/processes.pg.test.ts:
 *   node --import tsx tests/setup/jobs-process.ts
 */
import { openDatabase } from '../../src/lib/server/db';
import { startJobs, stopJobs } from '../../src/lib/server/jobs';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const handle = await openDatabase({ kind: 'postgres', url });
await startJobs(handle);
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
	void stopJobs()
		.then(() => handle.close())
		.then(() => process.exit(0));
});
