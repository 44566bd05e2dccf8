import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is acting for the database, for the rest of a request (or a piece of background work).
 * PostgreSQL's row-level security reads it from the connection (`app.user_id`, `app.system`),
 * which the pool sets on every checkout from this context (see actor-pool.ts). Kept in
 * AsyncLocalStorage so the services keep taking a plain `db` and need not pass it around.
 */
export interface ActorContext {
	/** The signed-in user the work is done for; null when nobody is signed in. */
	userId: string | null;
	/** Work that must cross users by design (leaving a couple, joining one). */
	system: boolean;
	/** Shared with nested system work: whether the access policy refused something (access/refusals.ts). */
	note: { refused: boolean };
	/**
	 * Shared with work nested inside this one: how many transactions it has open. While any is open,
	 * its queries do not share a connection (actor-pool.ts, decision 027).
	 */
	transactions: { open: number };
	/** Work on tables without row security only (see runOnAnyConnection): no settings to tell a connection. */
	anyConnection?: boolean;
}

const storage = new AsyncLocalStorage<ActorContext>();

export function runAsActor<T>(userId: string, work: () => T): T {
	return storage.run({ userId, system: false, note: { refused: false }, transactions: storage.getStore()?.transactions ?? { open: 0 } }, work);
}

/**
 * For the few operations that change other people's rows by design. Keeps the acting user (and
 * so the refusal note) of the surrounding context; every use is a deliberate exception, listed in
 * docs/decisions/006-least-privilege-and-rls.md.
 */
export function runAsSystem<T>(work: () => T): T {
	const outer = storage.getStore();
	return storage.run({ userId: outer?.userId ?? null, system: true, note: outer?.note ?? { refused: false }, transactions: outer?.transactions ?? { open: 0 } }, work);
}

/**
 * For work that reads and writes only tables without row security (decision 006: users,
 * sessions, couple_members…), whose answers do not depend on who is acting: its queries take
 * whichever connection comes, carrying whichever person, without the `set_config` round trip,
 * and leave it carrying that person. The session look-up on every signed-in request is such work
 * (auth/sessions.ts); telling a connection "nobody" for it, then the person again for the page,
 * cost up to two round trips per request. Never for anything that touches a protected table.
 */
export function runOnAnyConnection<T>(work: () => T): T {
	const outer = storage.getStore() ?? { userId: null, system: false, note: { refused: false }, transactions: { open: 0 } };
	return storage.run({ ...outer, anyConnection: true }, work);
}

export function currentActor(): ActorContext | undefined {
	return storage.getStore();
}

/**
 * The two connection settings the row-level security policies read, for the current context;
 * null inside runOnAnyConnection, where they do not matter.
 */
export function connectionSettings(): { userId: string; system: 'on' | 'off' } | null {
	const context = storage.getStore();
	if (context?.anyConnection) return null;
	return { userId: context?.userId ?? '', system: context?.system ? 'on' : 'off' };
}

/** Called by the access policy when it refuses; the request records it once it is answered. */
export function noteRefusal() {
	const context = storage.getStore();
	if (context) context.note.refused = true;
}
