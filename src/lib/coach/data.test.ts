import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMON } from './data/index';
import { compilePattern } from './engine/pattern';
import type { RuleData } from './engine/rule-data';
import { RULE_IDS } from './rule-ids';
import type { CoachLanguage } from './types';

function ruleData(lang: CoachLanguage, id: string): RuleData {
	return JSON.parse(readFileSync(new URL(`./data/${lang}/${id}.json`, import.meta.url), 'utf8')) as RuleData;
}

function checkList(list: readonly string[], where: string) {
	expect(list.length, `${where} is empty`).toBeGreaterThan(0);
	expect([...list].sort(), `${where} is sorted`).toEqual(list);
	expect(new Set(list).size, `${where} has no duplicates`).toBe(list.length);
	for (const entry of list) {
		expect(entry.trim(), `${where} has no empty or padded entries`).toBe(entry);
		expect(entry.length, `${where} has no empty entries`).toBeGreaterThan(0);
		expect(entry, `${where} is lowercase`).toBe(entry.toLowerCase());
	}
}

describe('data files', () => {
	for (const lang of ['nl', 'en'] as const) {
		it(`${lang}: has one file per rule plus common.json`, () => {
			for (const id of RULE_IDS) expect(ruleData(lang, id), `${lang}/${id}.json`).toBeDefined();
		});

		it(`${lang}: shared sets and expansions are clean`, () => {
			for (const [name, list] of Object.entries(COMMON[lang].sets)) {
				checkList(list, `${lang}/common.json sets.${name}`);
				for (const word of list) expect(word, `sets.${name} holds single words`).not.toMatch(/\s/);
			}
			for (const [word, readings] of Object.entries(COMMON[lang].expansions ?? {})) {
				expect(word).toBe(word.toLowerCase());
				const lengths = new Set(readings.map((reading) => reading.split(' ').length));
				expect(lengths.size, `${word}: readings have the same length`).toBe(1);
			}
		});

		for (const id of RULE_IDS) {
			it(`${lang}/${id}.json: sorted, unique, lowercase, and every pattern compiles`, () => {
				const data = ruleData(lang, id);
				const sets = { ...COMMON[lang].sets, ...data.sets };
				checkList(data.patterns, `${lang}/${id} patterns`);
				if (data.unblocked) checkList(data.unblocked, `${lang}/${id} unblocked`);
				if (data.exceptions) checkList(data.exceptions, `${lang}/${id} exceptions`);
				if (data.blockers) checkList(data.blockers, `${lang}/${id} blockers`);
				for (const [name, list] of Object.entries(data.sets ?? {})) checkList(list, `${lang}/${id} sets.${name}`);
				for (const source of [...data.patterns, ...(data.unblocked ?? []), ...(data.exceptions ?? [])]) {
					expect(() => compilePattern(source, sets), source).not.toThrow();
				}
			});
		}
	}
});
