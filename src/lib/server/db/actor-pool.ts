import pg from 'pg';
import { connectionSettings } from './actor-context';

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/** What each pooled connection was last told, so a connection reused by the same actor needs no extra round trip. */
const applied = new WeakMap<pg.PoolClient, string>();

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
}
