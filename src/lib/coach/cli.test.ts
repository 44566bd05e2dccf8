import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyzeCli } from './cli';

const GOOD = 'Ik ben vreemdgegaan. Het spijt me. Ik heb je pijn gedaan. Ik zal het contact verbreken.';
const POOR = 'Het spijt me, maar jij was er nooit.';

async function run(argv: string[], input = '') {
	let stdout = '';
	let stderr = '';
	const code = await runAnalyzeCli(argv, {
		stdin: Readable.from([Buffer.from(input)]),
		stdout: { write: (s: string) => (stdout += s) },
		stderr: { write: (s: string) => (stderr += s) }
	});
	return { code, stdout, stderr };
}

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'herstelpad-cli-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('herstelpad analyze', () => {
	it('exits 0 with "no problems" for a good apology on stdin', async () => {
		const result = await run([], GOOD);
		expect(result).toEqual({ code: 0, stdout: '<stdin>\nno problems\n', stderr: '' });
	});

	it('prints eslint-style lines and exits 1 with findings', async () => {
		const result = await run(['--lang', 'nl', '-'], POOR);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain('1:15-1:19  warning');
		expect(result.stdout).toMatch(/ but-apology\n/);
		expect(result.stdout).toMatch(/ blame-shift\n/);
		expect(result.stdout).toMatch(/✖ 5 problems\n$/);
	});

	it('prints the JSON contract on one line', async () => {
		const file = join(dir, 'poor.txt');
		await writeFile(file, POOR);
		const result = await run(['--format=json', file]);
		expect(result.code).toBe(1);
		expect(result.stdout.endsWith('}\n')).toBe(true);
		expect(result.stdout.trim().split('\n')).toHaveLength(1);
		const json = JSON.parse(result.stdout);
		expect(Object.keys(json)).toEqual(['language', 'elements', 'findings']);
		expect(json.language).toBe('nl');
		expect(json.elements).toEqual({ regret: true, ownership: false, acknowledgment: false, commitment: false });
		expect(Object.keys(json.findings[0])).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'offset', 'endOffset', 'actual', 'expected']);
		expect(json.findings.find((f: { ruleId: string }) => f.ruleId === 'but-apology')).toMatchObject({ line: 1, column: 15, offset: 14, endOffset: 18, actual: 'maar' });
	});

	it('detects English and reads a file', async () => {
		const file = join(dir, 'en.txt');
		await writeFile(file, "I cheated on you. I'm sorry. I hurt you. I will end all contact.");
		const result = await run(['--format', 'json', file]);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ language: 'en', findings: [] });
	});

	it('computes end positions across lines', async () => {
		const result = await run(['--lang', 'en'], "I'm sorry, but\nI slept with him. I hurt you. I will change.");
		expect(result.stdout).toContain('1:12-1:15  warning');
	});

	it.each([
		[['--lang', 'fr']],
		[['--format', 'xml']],
		[['--verbose']],
		[['a.txt', 'b.txt']],
		[['--lang']]
	])('exits 2 with a usage line for %j', async (argv) => {
		const result = await run(argv, GOOD);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('Usage: herstelpad analyze');
		expect(result.stdout).toBe('');
	});

	it('prints help and exits 0', async () => {
		const result = await run(['--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Usage: herstelpad analyze');
	});

	it('exits 2 for an unreadable file, empty input and input that is too long', async () => {
		const missing = await run([join(dir, 'missing.txt')]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/cannot read .*missing\.txt \(ENOENT\)/);
		const empty = await run([], '  \n\t ');
		expect(empty).toMatchObject({ code: 2, stdout: '' });
		expect(empty.stderr).toContain('empty');
		const long = await run([], 'a'.repeat(20_001));
		expect(long.code).toBe(2);
		expect(long.stderr).toContain('20000');
	});
});
