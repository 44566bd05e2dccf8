import pg from 'pg';
import { connectionSettings } from './actor-context';

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/** What each pooled connection was last told, so a connection reused by the same actor needs no extra round trip. */
const applied = new WeakMap<pg.PoolClient, string>();

/** pg-pool's idle connections (a private field; if a later version renames it, nothing is preferred). */
type IdleList = { client: pg.PoolClient }[];

/**
 * A pool that tells every connection who is acting before it is used. `pool.query` and Drizzle's
 * transactions both check a client out through `connect`, so this one place covers every query:
 * the settings are read in the caller's async context at checkout and written to the connection
 * (session-level, outside any transaction, so a later rollback cannot undo them) unless that
 * connection already carries exactly these values. A connection never keeps the previous
 * request's actor: a request without one sets ''.
 */
export class ActorPool extends pg.Pool {
	connect(): Promise<pg.PoolClient>;
	connect(callback: ConnectCallback): void;
	connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
		const settings = connectionSettings();
		const key = `${settings.system}:${settings.userId}`;
		this.preferIdle(key);
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
		if (!callback) return checkout;
		checkout.then(
			(client) => callback(undefined, client, (release) => client.release(release as Error | undefined)),
			(err: Error) => callback(err, undefined, () => {})
		);
	}

	/**
	 * Puts an idle connection that already carries these settings where the pool takes the next
	 * one from (the end), so a request's queries, one after the other, keep their connection and
	 * skip the set_config round trip even while other requests use the pool in between. Only
	 * reorders: which connection serves is the pool's choice as before, and settings are still
	 * checked at checkout.
	 */
	private preferIdle(key: string) {
		const idle = (this as unknown as { _idle?: IdleList })._idle;
		if (!Array.isArray(idle) || idle.length < 2 || applied.get(idle[idle.length - 1].client) === key) return;
		for (let i = idle.length - 2; i >= 0; i--) {
			if (applied.get(idle[i].client) === key) {
				idle.push(...idle.splice(i, 1));
				return;
			}
		}
	}
}
