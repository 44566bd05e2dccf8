import type { Logger } from 'drizzle-orm';

/**
 * A short-lived, bounded cache of validated sessions, for the embedded database only.
 *
 * Why: on PGlite every query runs on the main thread, so each request's session look-up (~4 ms)
 * holds up everyone else's requests; a burst of one person's requests (100 posts at once) made
 * another visitor's page wait hundreds of milliseconds. With the cache, one person's burst costs
 * one look-up, shared by the requests that arrive together.
 *
 * Why it is safe: PGlite lives in this one process, so every change to a session, a user or a
 * couple membership passes through this process's database object. That object's query logger
 * (the `logger` below, which Drizzle calls before running each statement, also inside
 * transactions) drops the whole cache on any statement that is not a plain read and names one of
 * the tables a session answer is made of. That covers sign-out, ending a session, deleting an
 * account, changing a password, joining or leaving a couple, and any code added later, without
 * each writer having to remember the cache. A look-up that was running while such a statement was
 * issued is not stored (the generation counter), and a hit is only used within `ttlMs` of its
 * look-up, before the session's own expiry, and for the same device knowledge.
 *
 * Never used with PostgreSQL: there, several app processes share the database, and one of them
 * cannot see another's sign-out.
 */

/** The tables a validated session is read from (see validateSession). */
const SESSION_TABLES = /\b(users|sessions|couple_members|couples)\b/i;
const READ = /^\s*(select|with\s[\s\S]*?\)\s*select)\b/i;

export interface CachedSession {
	/** When the session's sliding lifetime ends; a hit is never used past it. */
	expiresAt: Date;
}

interface Entry<T extends CachedSession> {
	value: T;
	at: number;
	generation: number;
	deviceKnown: boolean;
}

interface Pending<T> {
	promise: Promise<T | null>;
	at: number;
	generation: number;
}

export class SessionCache<T extends CachedSession = CachedSession> {
	private readonly entries = new Map<string, Entry<T>>();
	private readonly pending = new Map<string, Pending<T>>();
	private generation = 0;
	readonly counts = { hits: 0, shared: 0, lookups: 0, cleared: 0 };

	constructor(
		readonly ttlMs = 5_000,
		readonly maxEntries = 1_000
	) {}

	/** Drizzle's query logger: called with every statement before it runs. */
	readonly logger: Logger = {
		logQuery: (query: string) => {
			if (!READ.test(query) && SESSION_TABLES.test(query)) this.clear();
		}
	};

	clear() {
		this.generation++;
		this.entries.clear();
		this.pending.clear();
		this.counts.cleared++;
	}

	/**
	 * The cached answer for `key` at `now`, or the answer of a look-up already running for it, or
	 * a new look-up (`load`). `device`: a look-up given a device records it on first use, so an
	 * entry made without one does not answer a request that brings one.
	 */
	async get(key: string, now: Date, device: string | null, load: () => Promise<T | null>): Promise<T | null> {
		const time = now.getTime();
		const fresh = (at: number) => time >= at && time - at < this.ttlMs;
		const hit = this.entries.get(key);
		if (hit && hit.generation === this.generation && fresh(hit.at) && time < hit.value.expiresAt.getTime() && (hit.deviceKnown || !device)) {
			this.counts.hits++;
			return hit.value;
		}
		const running = this.pending.get(key);
		if (running && running.generation === this.generation && fresh(running.at)) {
			this.counts.shared++;
			return running.promise;
		}
		const generation = this.generation;
		this.counts.lookups++;
		const promise = load();
		this.pending.set(key, { promise, at: time, generation });
		try {
			const value = await promise;
			if (value && generation === this.generation) {
				this.entries.delete(key);
				if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
				this.entries.set(key, { value, at: time, generation, deviceKnown: device !== null });
			}
			return value;
		} finally {
			if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
		}
	}

	get size() {
		return this.entries.size;
	}
}

const caches = new WeakMap<object, SessionCache>();

/** Called by openDatabase for an embedded database. */
export function attachSessionCache(db: object, cache: SessionCache) {
	caches.set(db, cache);
}

/** The session cache of `db`, if it has one (PGlite only). */
export function sessionCacheOf<T extends CachedSession>(db: object): SessionCache<T> | undefined {
	return caches.get(db) as SessionCache<T> | undefined;
}
