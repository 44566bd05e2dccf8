import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { NAME_PREFIX, StatementNames } from './named-statements';

describe('statement names', () => {
	const select = 'select id from reflections where owner_id = $1';

	it('names a statement with parameters, the same text always by the same name', () => {
		const names = new StatementNames();
		const first = names.named(select, ['a']) as { text: string; name: string };
		expect(first).toEqual({ text: select, name: `${NAME_PREFIX}0` });
		expect(names.named(select, ['b'])).toEqual(first);
		expect(names.named('select id from letters where owner_id = $1', ['a'])).toEqual({ text: 'select id from letters where owner_id = $1', name: `${NAME_PREFIX}1` });
	});

	it('keeps the rest of a query config (Drizzle sends rows as arrays, with its own type parsers)', () => {
		const names = new StatementNames();
		const types = { getTypeParser: () => (value: string) => value };
		const config = { text: select, rowMode: 'array', types };
		expect(names.named(config, ['a'])).toEqual({ text: select, rowMode: 'array', types, name: `${NAME_PREFIX}0` });
		// The caller's object is left as it was: Drizzle keeps it on its prepared queries.
		expect(config).not.toHaveProperty('name');
		// Parameters may come in the config itself.
		expect(names.named({ text: select, values: ['a'] }, undefined)).toEqual({ text: select, values: ['a'], name: `${NAME_PREFIX}0` });
	});

	it('leaves alone what has no parameters, a name of its own, or is no plain statement', () => {
		const names = new StatementNames();
		// A migration's script may hold many statements; only the extended protocol's single statement may be prepared.
		const script = 'create table a (id int); create table b (id int)';
		expect(names.named(script, undefined)).toBe(script);
		expect(names.named(select, [])).toBe(select);
		expect(names.named('begin', undefined)).toBe('begin');
		const own = { text: select, name: 'herstelpad_session_lookup' };
		expect(names.named(own, ['a'])).toBe(own);
		const submittable = new pg.Query(select, ['a']);
		expect(names.named(submittable, ['a'])).toBe(submittable);
		expect(names.named({ text: select }, undefined)).toEqual({ text: select });
		// None of these took a name.
		expect(names.nameFor('select 1 where $1')).toBe(`${NAME_PREFIX}0`);
	});

	it('stops naming new texts at its limit, and keeps the names it gave', () => {
		const names = new StatementNames(2);
		expect(names.nameFor('select $1')).toBe(`${NAME_PREFIX}0`);
		expect(names.nameFor('select $1, $2')).toBe(`${NAME_PREFIX}1`);
		expect(names.named('select $1, $2, $3', [1, 2, 3])).toBe('select $1, $2, $3');
		expect(names.nameFor('select $1')).toBe(`${NAME_PREFIX}0`);
		expect(names.named('select $1, $2', [1, 2])).toEqual({ text: 'select $1, $2', name: `${NAME_PREFIX}1` });
	});
});
