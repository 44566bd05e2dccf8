import pg from 'pg';

/**
 * Every parameterised statement the app sends to PostgreSQL goes as a named prepared statement,
 * one name per distinct text (decision 028). PostgreSQL then parses and plans it once per
 * connection (for its first five runs it still plans for the values; after that it keeps one
 * plan when that costs no more) instead of on every run: planning a page query explained on the
 * demo data took as long as running it or longer (0.09–0.7 ms against 0.05–0.3 ms), and with the
 * database on the same two cores as the app, that was time no page could have. Only statements
 * with parameters are named: they already go by the extended protocol, which allows one statement
 * per query, so a migration's script of many statements is never prepared.
 */

/**
 * Names given out at most, per process. Texts vary only where a list of values is spelled out
 * (`in ($1, $2, $3)`), so the app's statements come to a few hundred; beyond this, a new text goes
 * unnamed (as before), and no connection holds more than this many statements.
 */
export const MAX_NAMED_STATEMENTS = 1000;

/** Prefix of the names given here; the few statements the app prepares itself name their own. */
export const NAME_PREFIX = 'hp_';

export class StatementNames {
	readonly #names = new Map<string, string>();
	constructor(readonly max = MAX_NAMED_STATEMENTS) {}

	/** The name for `text`, the same every time in this process; undefined once `max` names are out. */
	nameFor(text: string): string | undefined {
		let name = this.#names.get(text);
		if (name === undefined && this.#names.size < this.max) this.#names.set(text, (name = `${NAME_PREFIX}${this.#names.size}`));
		return name;
	}

	/**
	 * What to hand pg's `Client.query` instead of `config`: a named copy when it is a statement
	 * with parameters (in `values`, or in the config) and no name yet; otherwise `config` itself
	 * (a statement without parameters, a cursor or other submittable, one already named).
	 */
	named(config: unknown, values: unknown): unknown {
		if (typeof config === 'string') {
			const name = Array.isArray(values) && values.length > 0 ? this.nameFor(config) : undefined;
			return name ? { text: config, name } : config;
		}
		if (typeof config !== 'object' || config === null) return config;
		const { text, name, values: own, submit } = config as { text?: unknown; name?: unknown; values?: unknown; submit?: unknown };
		if (typeof submit === 'function' || typeof text !== 'string' || name !== undefined) return config;
		const parameters = Array.isArray(values) ? values : own;
		if (!Array.isArray(parameters) || parameters.length === 0) return config;
		const given = this.nameFor(text);
		return given ? { ...config, name: given } : config;
	}
}

const names = new StatementNames();

/**
 * pg's client, naming parameterised statements as above: given to the app's pool as its `Client`.
 * pg keeps, per connection, which names it has prepared, and sends only the values after the first
 * time. pg's own `query` is looked up at each call, so whatever wraps it (the benchmark's probe,
 * a test counting statements) still sees every statement.
 */
export class NamingClient extends pg.Client {}

NamingClient.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
	return (pg.Client.prototype.query as (...args: unknown[]) => unknown).call(this, names.named(config, rest[0]), ...rest);
} as pg.Client['query'];
