import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sourceFiles } from '../../tests/setup/source-files';
import { errorStatus } from './server/errors';

/** A message is a text, or (for plural rules) a list of variants whose `match` holds the texts. */
type Message = string | { match: Record<string, string> }[];
const load = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, Message>;
const nl = load('nl');
const en = load('en');
const keys = (obj: Record<string, Message>) => Object.keys(obj).filter((k) => k !== '$schema');
const texts = (message: Message) => (typeof message === 'string' ? [message] : message.flatMap((variant) => Object.values(variant.match)));

describe('messages', () => {
	it('has every key in both languages', () => {
		expect(keys(nl).filter((k) => !(k in en))).toEqual([]);
		expect(keys(en).filter((k) => !(k in nl))).toEqual([]);
	});

	it('has no empty texts and the same placeholders in both languages', () => {
		for (const key of keys(nl)) {
			for (const text of [...texts(nl[key]), ...texts(en[key])]) expect(text.trim(), key).not.toBe('');
			const placeholders = (m: Message) => [...new Set(texts(m).flatMap((s) => s.match(/\{\w+\}/g) ?? []))].sort();
			expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
		}
	});

	it('has a text for every domain error and every validation code', () => {
		const schemaCodes = sourceFiles('src/lib/schemas').flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(/error: '([a-z_]+)'/g)].map((m) => m[1])
		);
		for (const code of [...Object.keys(errorStatus), ...schemaCodes]) {
			expect(nl, code).toHaveProperty(`error_${code}`);
		}
	});

	it('has every key that the code uses', () => {
		const used = new Set(
			sourceFiles('src').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bm\.([a-z][a-z0-9_]*)\(/g)].map((m) => m[1]))
		);
		expect([...used].filter((key) => !(key in nl))).toEqual([]);
	});

	it('lets pages name their messages, so each page ships only those (issue 14)', () => {
		// Code that can reach the browser: not $lib/server, not server-only modules, not tests.
		const browserCode = sourceFiles('src').filter(
			(file) => !/(^|\/)(lib\/server\/|.*\.server\.ts$|.*\+server\.ts$|.*\.test\.ts$|lib\/i18n\.ts$)/.test(file.replaceAll('\\', '/'))
		);
		expect(browserCode.length).toBeGreaterThan(50);
		const offenders = browserCode.filter((file) => {
			const text = readFileSync(file, 'utf8');
			// `t(key)` and `errorText(code)` look a message up by a key built at run time, and `m[...]`
			// indexes all messages: any of them keeps every message of both languages in the bundle.
			const imports = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'\$lib\/i18n'/g)].flatMap((m) => m[1].split(',').map((s) => s.trim()));
			return imports.includes('t') || imports.includes('errorText') || /\bm\[/.test(text);
		});
		expect(offenders, 'use choose(set, value) with a set of messages listed in the page or in $lib/message-sets/').toEqual([]);
	});

	it('has every key that the sets for choose() name', () => {
		// Entries such as `kept: m.checkin_kept,` in a page or in $lib/message-sets/ (message keys have an underscore).
		const named = sourceFiles('src').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^\s*'?\w+'?: m\.([a-z][a-z0-9]*_[a-z0-9_]+),?$/gm)].map((m) => m[1]));
		expect(named.length).toBeGreaterThan(50);
		expect(named.filter((key) => !(key in nl))).toEqual([]);
	});
});
