import pg from 'pg';
import { connectionSettings, currentActor, type ActorContext } from './actor-context';

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/** What each pooled connection was last told, so a connection reused by the same actor needs no extra round trip. */
const applied = new WeakMap<pg.PoolClient, string>();

/** pg-pool's idle connections and waiting checkouts (private fields; if a later version renames them, nothing is reordered). */
type IdleList = { client: pg.PoolClient }[];
type PendingList = object[];
type PoolInternals = { _idle?: IdleList; _pendingQueue?: PendingList };

/** The settings each waiting checkout will need. */
const wanted = new WeakMap<object, string>();
/** How often a waiting checkout has let a later one go first. */
const passedOver = new WeakMap<object, number>();
/** How far down the queue of waiting checkouts a free connection looks for someone it suits. */
const LOOKAHEAD = 16;
/** A checkout is let pass this often at most; then it goes first, whichever connection comes free. */
const MAX_PASSES = 4;

const pulseQueue = (pg.Pool.prototype as unknown as { _pulseQueue?: () => void })._pulseQueue;

/**
 * A connection one piece of work (a request, for one person) keeps while its queries follow each
 * other: `busy` counts its queries not yet answered, `tail` is the last of them (each waits for the
 * one before: the lease keeps its own queue rather than pg's, which pg 9 drops), and `failed` is
 * the first error, after which the connection is not handed out again.
 */
interface Lease {
	client: Promise<pg.PoolClient>;
	tail: Promise<unknown>;
	busy: number;
	failed?: Error;
	returned?: boolean;
	/** Hears the server end the connection while the lease holds it (pg-pool listens only while it is idle). */
	onError: (err: Error) => void;
}
/** Each pool's leases: work that asks two pools gets a connection from each. */
const leasesOf = new WeakMap<ActorPool, WeakMap<ActorContext, Lease>>();

/**
 * An explicit checkout (a transaction) until its connection is released:
 * - counted as open in its work and the work nested in it. Inside a transaction, code may still
 *   ask `db` (not the transaction) for something; on the lease, that query could wait behind one
 *   of the same work's queries that waits for the transaction's locks.
 * - heard when the server ends its connection. pg-pool listens only while a connection is idle, and
 *   an 'error' nobody hears stops the process; the transaction's query fails on its own.
 * - given back to pg-pool, to be closed, when the server ends it. Drizzle releases a transaction's
 *   connection in a `finally` that its `begin` is outside of: a connection lost as `begin` is sent
 *   would otherwise never come back, and after as many such losses as the pool has connections (a
 *   database restart under load), every query would wait for ever. The holder's own release
 *   afterwards does nothing.
 */
function heldOpen(context: ActorContext | undefined, checkout: Promise<pg.PoolClient>): Promise<pg.PoolClient> {
	const count = context?.transactions ?? { open: 0 };
	count.open++;
	return checkout.then(
		(client) => {
			// pg-pool gives each checkout its own release.
			const release = client.release;
			let released = false;
			let lost = false;
			const onError = (err: Error) => {
				if (released) return;
				lost = true;
				client.release(err);
			};
			client.on('error', onError);
			client.release = (err?: Error | boolean) => {
				if (released && lost) return;
				if (!released) {
					count.open--;
					client.removeListener('error', onError);
				}
				released = true;
				return release.call(client, err);
			};
			return client;
		},
		(err) => {
			count.open--;
			throw err;
		}
	);
}

/**
 * A pool that tells every connection who is acting before it is used. Queries (`leasedQuery`) and
 * Drizzle's transactions (`connect`) both check a client out through `checkOutFor`, so this one
 * place covers every query:
 * the settings are read in the caller's async context at checkout and written to the connection
 * (session-level, outside any transaction, so a later rollback cannot undo them) unless that
 * connection already carries exactly these values. A connection never keeps the previous
 * request's actor for work on protected tables: a request without one sets ''. Work confined to
 * tables without row security (runOnAnyConnection: the session look-up) has no settings, and takes
 * a connection as it is.
 *
 * Telling a connection costs a round trip (a `set_config`), so when a connection is handed out,
 * the pool matches waiting checkouts and free connections that already carry the same person (see
 * `_pulseQueue`). Under load, with every connection busy and several people's pages waiting, a
 * connection otherwise went to whoever waited longest: measured at 32 connections on four
 * people's pages, 0.8 `set_config` per query (`/dashboard`: 8.1 for 10.2 queries). A request's
 * queries that follow one another share one connection besides (`leasedQuery`, decision 027).
 */
export class ActorPool extends pg.Pool {
	connect(): Promise<pg.PoolClient>;
	connect(callback: ConnectCallback): void;
	connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
		const settings = connectionSettings();
		// Work on unprotected tables only (runOnAnyConnection): the connection as it comes, settings untouched.
		if (!settings) return callback ? super.connect(callback) : super.connect();
		const checkout = this.checkOutFor(settings);
		const context = currentActor();
		// An explicit checkout is a transaction (Drizzle's): while it is open, this work's single
		// queries take connections from the pool as before instead of its lease (see leasedQuery).
		if (!callback) return heldOpen(context, checkout);
		checkout.then(
			(client) => callback(undefined, client, (release) => client.release(release as Error | undefined)),
			(err: Error) => callback(err, undefined, () => {})
		);
	}

	/** A connection told `settings`, preferring one that already carries them (see `_pulseQueue`). */
	checkOutFor(settings: { userId: string; system: 'on' | 'off' }): Promise<pg.PoolClient> {
		const key = `${settings.system}:${settings.userId}`;
		const queue = (this as unknown as PoolInternals)._pendingQueue;
		const waiting = Array.isArray(queue) ? queue.length : -1;
		const checkout = super.connect().then(async (client) => {
			if (applied.get(client) === key) return client;
			try {
				await client.query("select set_config('app.user_id', $1, false), set_config('app.system', $2, false)", [settings.userId, settings.system]);
			} catch (err) {
				client.release(err as Error);
				throw err;
			}
			applied.set(client, key);
			return client;
		});
		// pg-pool queues the checkout at once when it cannot open a new connection (and hands it an
		// idle one on the next tick): the queue's newest entry is this checkout.
		if (Array.isArray(queue) && queue.length === waiting + 1) wanted.set(queue[queue.length - 1], key);
		return checkout;
	}

	/**
	 * pg-pool's hand-out (called whenever a connection comes free or a checkout waits), after
	 * pairing: the first of the first LOOKAHEAD waiting checkouts for whom a free connection already
	 * carries the settings goes first, with that connection. Only reorders: which connections and
	 * checkouts exist is the pool's business as before, settings are still checked at checkout,
	 * and a checkout passed over MAX_PASSES times is served next whatever comes free.
	 */
	_pulseQueue() {
		const { _idle: idle, _pendingQueue: queue } = this as unknown as PoolInternals;
		if (Array.isArray(idle) && Array.isArray(queue) && idle.length && queue.length) pair(idle, queue);
		pulseQueue?.call(this);
	}
}

/**
 * A query outside a transaction (Drizzle's, and `pool.query`): on the connection the current work
 * already holds, or on one it takes now and keeps until it has no query left to answer and the
 * code that asked has moved on (the next turn of the event loop). A page's queries follow one
 * another within a turn (each is asked as the one before is answered), so they share one
 * connection, told once who is acting, instead of taking one from the pool per query: under load
 * a connection taken again often carried someone else, and each query paid for the checkout.
 * Queries asked at once (Promise.all) wait their turn on that connection. Work on unprotected
 * tables, work outside any actor context (jobs), and callbacks go to pg-pool as before.
 */
function leasedQuery(this: ActorPool, ...args: unknown[]): unknown {
	const context = currentActor();
	const settings = connectionSettings();
	const [text, values, callback] = args;
	const plain = typeof text === 'string' || (typeof text === 'object' && text !== null && typeof (text as { submit?: unknown }).submit !== 'function');
	if (!context || !settings || context.transactions.open > 0 || !plain || typeof values === 'function' || typeof callback === 'function') {
		return (pg.Pool.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
	}
	let leases = leasesOf.get(this);
	if (!leases) leasesOf.set(this, (leases = new WeakMap()));
	let lease = leases.get(context);
	if (!lease) lease = take(this, leases, context, settings);
	const held = lease;
	held.busy++;
	const answer = held.tail.then(() => held.client).then((client) => client.query(text as string, values as unknown[]));
	held.tail = answer.catch(() => undefined);
	return answer
		.catch((err: Error) => {
			// As pg-pool does after a failed query: the connection is not handed out again.
			failed(leases, context, held, err);
			throw err;
		})
		.finally(() => {
			if (--held.busy === 0) setImmediate(() => giveBack(leases, context, held));
		});
}
ActorPool.prototype.query = leasedQuery as pg.Pool['query'];

/** A lease on a connection told `settings`, for `context`'s queries on this pool. */
function take(pool: ActorPool, leases: WeakMap<ActorContext, Lease>, context: ActorContext, settings: { userId: string; system: 'on' | 'off' }): Lease {
	const lease: Lease = { client: pool.checkOutFor(settings), tail: Promise.resolve(), busy: 0, onError: (err) => failed(leases, context, lease, err) };
	leases.set(context, lease);
	lease.client.then(
		(client) => client.on('error', lease.onError),
		// A connection that could not be had is not kept: the next query asks again.
		(err: Error) => failed(leases, context, lease, err)
	);
	return lease;
}

function failed(leases: WeakMap<ActorContext, Lease>, context: ActorContext, lease: Lease, err: Error) {
	lease.failed ??= err;
	if (leases.get(context) === lease) leases.delete(context);
}

/** Returns a lease's connection once nothing was asked of it during the turn after its last answer. */
function giveBack(leases: WeakMap<ActorContext, Lease>, context: ActorContext, lease: Lease) {
	if (lease.busy > 0 || lease.returned) return;
	lease.returned = true;
	if (leases.get(context) === lease) leases.delete(context);
	lease.client.then(
		(client) => {
			client.removeListener('error', lease.onError);
			client.release(lease.failed);
		},
		() => undefined
	);
}

/**
 * Puts the first waiting checkout that a free connection suits, and that connection, where pg-pool
 * takes the next of each. Nobody goes before a checkout already passed over MAX_PASSES times.
 */
function pair(idle: IdleList, queue: PendingList) {
	let limit = Math.min(queue.length, LOOKAHEAD);
	for (let k = 0; k < limit; k++) {
		if ((passedOver.get(queue[k]) ?? 0) >= MAX_PASSES) limit = k + 1;
	}
	for (let w = 0; w < limit; w++) {
		const key = wanted.get(queue[w]);
		if (key === undefined) continue;
		for (let i = idle.length - 1; i >= 0; i--) {
			if (applied.get(idle[i].client) !== key) continue;
			// pg-pool takes the last idle connection and the first waiting checkout.
			if (i !== idle.length - 1) idle.push(...idle.splice(i, 1));
			if (w > 0) {
				for (let k = 0; k < w; k++) passedOver.set(queue[k], (passedOver.get(queue[k]) ?? 0) + 1);
				queue.unshift(...queue.splice(w, 1));
			}
			return;
		}
	}
}
