import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { underMigrationLock, type Database, type DatabaseHandle } from '../db';
import { runAsSystem } from '../db/actor-context';
import { log } from '../log';
import { getEnv } from '../env';
import { handlers, schedules } from './handlers';

type Locale = 'nl' | 'en';

/**
 * Every job by name, with what it carries. The job table is plain data that lives a little while
 * (docs/decisions/017-jobs-on-pg-boss.md): carry ids and build the mail in the handler; no text a
 * person wrote, and an e-mail address or a token only when there is no other way.
 * To add a job: a name and payload here, its handler in handlers.ts (TypeScript insists).
 */
export type JobPayloads = {
	/** userId null: no account (or asked too often); queued anyway so the request takes the same work. */
	'mail.password-reset': { userId: string | null; locale: Locale };
	/** The address and the token exist nowhere else (the token is stored hashed; the address not at all). */
	'mail.invitation': { invitationId: string; to: string; token: string; locale: Locale };
	/** signupId null: over the address's mail limit; queued anyway so the request takes the same work. */
	'mail.booklet-confirm': { signupId: string | null; locale: Locale; wantsUpdates: boolean };
	/** The comment keeps its writer's address; the handler reads it there. */
	'mail.comment-published': { commentId: string; locale: Locale };
	/** Daily: expired sessions and stale rate-limit counters. */
	housekeeping: Record<string, never>;
	/** Every minute: notification reminders that came due, and sending what is due (src/lib/server/notifications/jobs.ts). */
	'notifications.tick': Record<string, never>;
};

export type JobName = keyof JobPayloads;

export interface JobContext {
	db: Database;
	/** This is the job's last try (RETRY_LIMIT retries used): a failure now is final. */
	lastAttempt: boolean;
}

export type JobHandler<N extends JobName> = (data: JobPayloads[N], ctx: JobContext) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };
/** A recurring job: pg-boss's cron (five fields, UTC), one run per tick across all processes. */
export type JobSchedule = { [N in JobName]: { name: N; cron: string; data: JobPayloads[N] } }[JobName];

export interface StartJobsOptions {
	/** Handle jobs and run the schedule in this process (default). False: only enqueue. */
	work?: boolean;
	/** Seconds before the first retry (doubling after); tests make it short. Default 30. */
	retryDelaySeconds?: number;
	/** Doubling the delay each retry (default); tests may turn it off. */
	retryBackoff?: boolean;
}

/** Jobs a worker takes per fetch (it works through them one by one, settling each as it ends). */
const BATCH_SIZE = 5;

/**
 * The longest one job should take: a mail gives up after 30 s without an answer at any step
 * (src/lib/server/mail/mailer.ts), so two minutes is generous.
 */
const JOB_SECONDS = 2 * 60;

/**
 * After this long active, pg-boss takes a job back to try again (a process that died mid-job).
 * Above a whole batch's worst case; and a batch starts no job in its last JOB_SECONDS.
 */
const EXPIRE_SECONDS = BATCH_SIZE * JOB_SECONDS;

/**
 * Jobs whose row is deleted the moment they complete or fail for the last time, because their
 * payload is worth something to whoever reads the database (the invitation's token and address).
 */
const FORGET_WHEN_DONE: ReadonlySet<JobName> = new Set<JobName>(['mail.invitation']);

/** How many times a failing job is tried again before it is left as failed. */
export const RETRY_LIMIT = 5;

let boss: PgBoss | undefined;
let appDb: Database | undefined;
/** Tells the running process's batches to start no further job (stopJobs). */
let stopBatches: (() => void) | undefined;
/** TEST_TICK_SECONDS's timer (tests only). */
let testTicks: ReturnType<typeof setInterval> | undefined;
const workers = new Map<JobName, string>();

/**
 * Starts the queue on the app's database; in hooks.server.ts `init`, after the database is open.
 * The schema is made by our migrations (drizzle/0029_jobs.sql), so pg-boss never migrates.
 * On PGlite it talks through the app's own embedded client (one process owns it); on PostgreSQL
 * through a small pool of its own on the app's URL.
 */
export async function startJobs(handle: DatabaseHandle, options: StartJobsOptions = {}): Promise<void> {
	if (boss) return;
	const work = options.work ?? true;
	const connection = handle.connection.kind === 'pglite' ? { db: pgliteDb(handle.connection.client) } : { connectionString: handle.connection.url, max: 3 };
	const next = new PgBoss({
		...connection,
		schema: 'pgboss',
		migrate: false,
		supervise: work,
		schedule: work,
		// Finished jobs leave the job table after a minute and the archive an hour later; failed
		// ones stay a day, to be looked at, then go the same way. Unstarted ones expire after a week.
		archiveCompletedAfterSeconds: 60,
		archiveFailedAfterSeconds: 24 * 60 * 60,
		deleteAfterHours: 1,
		maintenanceIntervalSeconds: 60,
		retentionDays: 7
	});
	// pg-boss's errors can quote SQL and values: the type only.
	next.on('error', (err) => log.error('jobs.error', { type: err instanceof Error ? err.name : typeof err }));
	// Per start: a batch still running from before a restart stays stopped.
	let stopping = false;
	try {
		await next.start();
		const retryDelay = options.retryDelaySeconds ?? 30;
		const setUp = async () => {
			for (const name of Object.keys(handlers) as JobName[]) {
				const queue = { name, retryLimit: RETRY_LIMIT, retryDelay, retryBackoff: options.retryBackoff ?? true, expireInSeconds: EXPIRE_SECONDS };
				// createQueue leaves an existing queue as it was: updateQueue carries changed settings over.
				await next.createQueue(name, queue);
				await next.updateQueue(name, queue);
			}
			if (!work) return;
			for (const { name, cron, data } of schedules) await next.schedule(name, cron, data, { tz: 'UTC' });
			const listed = new Set<string>(schedules.map((s) => s.name));
			for (const old of await next.getSchedules()) if (!listed.has(old.name)) await next.unschedule(old.name);
		};
		// Creating a queue adds a table to pg-boss's job table: two servers doing it at once on a new
		// database deadlocked, and one of them failed to start. One at a time, as for migrations.
		if (handle.connection.kind === 'postgres') await underMigrationLock(handle.connection.url, setUp);
		else await setUp();
		appDb = handle.db;
		if (work) {
			for (const name of Object.keys(handlers) as JobName[]) {
				// pg-boss waits a polling interval between fetches, found or not: fetch a few at a time
				// and run them one after the other. Each is completed (or failed) by id as soon as it
				// ends, so what pg-boss does to the whole batch afterwards (complete it when the
				// callback returns, fail it at expiry or at shutdown) touches only jobs not yet done.
				const worker = await next.work(name, { batchSize: BATCH_SIZE, pollingIntervalSeconds: 1, includeMetadata: true }, async (batch) => {
					const lastStart = Date.now() + (EXPIRE_SECONDS - JOB_SECONDS) * 1000;
					// Oldest first (pg-boss returns a batch in no particular order).
					for (const job of batch.sort((a, b) => new Date(a.createdOn).getTime() - new Date(b.createdOn).getTime())) {
						// Stopping, or too close to expiry: the jobs not started go back (pg-boss fails the
						// ones still active, to be tried again; those done stay done).
						if (stopping || Date.now() > lastStart) throw new Error('batch cut short');
						await settle(next, name, job);
					}
				});
				workers.set(name, worker);
			}
		}
	} catch (err) {
		await next.stop({ graceful: false, wait: true }).catch(() => undefined);
		if (isPermissionDenied(err)) {
			throw new Error(
				"The job queue may not use the database's pgboss schema with DATABASE_URL's role: start once with MIGRATION_DATABASE_URL set (the owner then grants it), or run `herstelpad grant-app-role <role>`",
				{ cause: err }
			);
		}
		throw err;
	}
	boss = next;
	stopBatches = () => (stopping = true);
	// Tests only (env.ts refuses it outside NODE_ENV=test): the notifications' tick every few seconds
	// besides the minute's schedule, queued like any job, so a journey under the test clock need not
	// wait for the next minute. Production has the schedule alone.
	const every = getEnv().TEST_TICK_SECONDS;
	if (work && every && getEnv().NODE_ENV === 'test') {
		testTicks = setInterval(() => void enqueue('notifications.tick', {}).catch(() => undefined), every * 1000);
		testTicks.unref();
	}
	log.info('jobs.ready', { work });
}

/**
 * Stops taking jobs and waits (up to 10 s) for the running ones; before the database closes
 * (sveltekit:shutdown). A job cut off is tried again by the next process.
 */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
	const current = boss;
	if (!current) return;
	boss = undefined;
	clearInterval(testTicks);
	testTicks = undefined;
	stopBatches?.();
	stopBatches = undefined;
	workers.clear();
	await current.stop({ graceful: true, wait: true, timeout: timeoutMs });
	appDb = undefined;
}

export interface EnqueueOptions {
	/** Not before this moment (a reminder). */
	startAfter?: Date;
	/**
	 * At most one job of this name with this key in the queue: a second enqueue is dropped while
	 * the first waits, runs, or finished less than a minute or two ago. For "never twice" over
	 * longer spans, keep a record of your own.
	 */
	singletonKey?: string;
}

/** Queues a job; returns once it is stored (the work happens in a worker, soon or at `startAfter`). Not inside a db transaction. */
export async function enqueue<N extends JobName>(name: N, data: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
	if (!boss) throw new Error('enqueue() before startJobs()');
	const id = await boss.send(name, data, {
		...(options.startAfter ? { startAfter: options.startAfter } : {}),
		...(options.singletonKey ? { singletonKey: options.singletonKey, id: keyedId(name, options.singletonKey) } : {})
	});
	// This process works the queue: skip the polling wait.
	const worker = workers.get(name);
	if (id && worker && !options.startAfter) boss.notifyWorker(worker);
}

/**
 * Waits until no job is waiting to run now, running or waiting for a retry (jobs due later do not
 * count). For tests, and for a CLI that must finish its work before exiting. Rejects after `timeoutMs`.
 */
export async function drainJobs(timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (!boss) throw new Error('drainJobs() before startJobs()');
		const { rows } = await boss.getDb().executeSql(
			"select count(*)::int as n from pgboss.job where name not like '\\_\\_pgboss%' and (state in ('active', 'retry') or (state = 'created' and start_after <= now()))",
			[]
		);
		if (Number(rows[0].n) === 0) return;
		if (Date.now() > deadline) throw new Error(`drainJobs: ${rows[0].n} jobs still pending after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** A handler's failure as the job table keeps it: the job's name and the error's type, never its message (addresses, SQL). */
class JobFailed extends Error {
	constructor(name: string, err: unknown) {
		super(`${name} failed (${err instanceof Error ? err.name : typeof err})`);
		this.name = 'JobFailed';
		this.stack = this.message;
	}
}

/**
 * Runs one job of a batch and records its end at once: completed, failed (to be tried again), or,
 * for FORGET_WHEN_DONE jobs, deleted once completed or failed for good.
 */
async function settle(queue: PgBoss, name: JobName, job: PgBoss.JobWithMetadata<unknown>) {
	const lastAttempt = job.retryCount >= job.retryLimit;
	const forget = FORGET_WHEN_DONE.has(name);
	try {
		await runJob(name, job.data as JobPayloads[typeof name], lastAttempt);
	} catch (err) {
		if (forget && lastAttempt) await queue.deleteJob(name, job.id);
		else await queue.fail(name, job.id, { message: err instanceof Error ? err.message : 'failed' });
		return;
	}
	if (forget) await queue.deleteJob(name, job.id);
	else await queue.complete(name, job.id);
}

async function runJob<N extends JobName>(name: N, data: JobPayloads[N], lastAttempt: boolean) {
	const db = appDb;
	if (!db) throw new JobFailed(name, new Error('stopped'));
	try {
		// Background work acts for nobody in particular: the few cross-user reads it needs pass
		// row-level security as system work (docs/decisions/006-least-privilege-and-rls.md).
		await runAsSystem(() => (handlers[name] as JobHandler<N>)(data, { db, lastAttempt }));
	} catch (err) {
		log.error('job.failed', { name, type: err instanceof Error ? err.name : typeof err });
		throw new JobFailed(name, err);
	}
}

function isPermissionDenied(err: unknown): boolean {
	for (let e = err as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
		if (e.code === '42501') return true;
	}
	return false;
}

/** The same uuid for the same name and key, so the job table's primary key refuses a second one. */
function keyedId(name: string, key: string): string {
	const hex = createHash('sha256').update(`${name}\u0000${key}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * pg-boss over the app's PGlite client. Statements with values go as one query; plain text may
 * hold several (pg-boss wraps its maintenance in BEGIN … COMMIT), which PGlite runs with `exec`,
 * inside its own transaction so that a failure rolls back instead of leaving the one shared
 * connection in an aborted transaction.
 */
function pgliteDb(client: PGlite) {
	return {
		async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
			// Closed under a job that outlived stopJobs(): as pg-boss's own pool does, record nothing
			// (the job was already given back, or expires and is tried again).
			if (client.closed) return { rows: [] };
			if (values && values.length > 0) return client.query(text, values);
			const locked = /^\s*BEGIN;([\s\S]*?);?\s*COMMIT;\s*$/.exec(text);
			const results = locked ? await client.transaction((tx) => tx.exec(locked[1])) : await client.exec(text);
			return results.at(-1) ?? { rows: [] };
		}
	};
}
