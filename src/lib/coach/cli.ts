import { readFile } from 'node:fs/promises';
import { analyzeApology, MAX_APOLOGY_LENGTH, type AnalysisResult, type CoachLanguage, type Finding } from './index';

/** The streams the command writes to and reads from; in-memory ones in tests. */
export interface CliIo {
	stdin: NodeJS.ReadableStream;
	stdout: { write(s: string): unknown };
	stderr: { write(s: string): unknown };
}

const USAGE = 'Usage: herstelpad analyze [--lang nl|en] [--format json|text] [FILE|-]';
const HELP = `${USAGE}

Checks an apology and reports what would make it more honest.
  --lang nl|en         language of the text (detected when omitted)
  --format json|text   output format (default: text)
  FILE                 file to read; "-" or nothing reads standard input

Exit codes: 0 no findings, 1 findings, 2 usage or input error.
`;

class UsageError extends Error {}

interface Options {
	lang?: CoachLanguage;
	format: 'json' | 'text';
	file?: string;
	help: boolean;
}

function parseArgs(argv: readonly string[]): Options {
	const options: Options = { format: 'text', help: false };
	const files: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
		const value = () => {
			const next = inline ?? argv[++index];
			if (next === undefined) throw new UsageError(`${flag} needs a value`);
			return next;
		};
		if (flag === '--help' || flag === '-h') options.help = true;
		else if (flag === '--lang') {
			const lang = value();
			if (lang !== 'nl' && lang !== 'en') throw new UsageError(`--lang must be nl or en, not "${lang}"`);
			options.lang = lang;
		} else if (flag === '--format') {
			const format = value();
			if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
			options.format = format;
		} else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}`);
		else files.push(arg);
	}
	if (files.length > 1) throw new UsageError('Give at most one file');
	options.file = files[0];
	return options;
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

/** The JSON contract shared with the HTTP API: exactly these keys, in this order. */
export function toJson(result: AnalysisResult): string {
	return JSON.stringify({
		language: result.language,
		elements: {
			regret: result.elements.regret,
			ownership: result.elements.ownership,
			acknowledgment: result.elements.acknowledgment,
			commitment: result.elements.commitment
		},
		findings: result.findings.map((finding) => ({
			ruleId: finding.ruleId,
			severity: finding.severity,
			message: finding.message,
			line: finding.line,
			column: finding.column,
			offset: finding.offset,
			endOffset: finding.endOffset,
			actual: finding.actual,
			expected: finding.expected
		}))
	});
}

function endPoint(text: string, finding: Finding): { line: number; column: number } {
	const covered = text.slice(finding.offset, finding.endOffset).split('\n');
	if (covered.length === 1) return { line: finding.line, column: finding.column + covered[0].length };
	return { line: finding.line + covered.length - 1, column: covered[covered.length - 1].length + 1 };
}

/** Text output in the style of alex and eslint; the summary is in English, like the usage line. */
export function toText(text: string, result: AnalysisResult, name: string): string {
	const rows = result.findings.map((finding) => {
		const end = endPoint(text, finding);
		return [`${finding.line}:${finding.column}-${end.line}:${end.column}`, finding.severity, finding.message, finding.ruleId];
	});
	const widths = [0, 1, 2].map((column) => Math.max(0, ...rows.map((row) => row[column].length)));
	const lines = rows.map((row) => `  ${row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell)).join('  ')}`);
	const count = result.findings.length;
	const summary = count === 0 ? 'no problems' : `✖ ${count} ${count === 1 ? 'problem' : 'problems'}`;
	return `${name}\n${lines.length > 0 ? `${lines.join('\n')}\n\n` : ''}${summary}\n`;
}

/** `herstelpad analyze [--lang nl|en] [--format json|text] [FILE|-]`; resolves to the exit code. */
export async function runAnalyzeCli(argv: string[], io: CliIo): Promise<number> {
	let options: Options;
	try {
		options = parseArgs(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		io.stderr.write(`herstelpad analyze: ${error.message}\n${USAGE}\n`);
		return 2;
	}
	if (options.help) {
		io.stdout.write(HELP);
		return 0;
	}
	const fromStdin = options.file === undefined || options.file === '-';
	let text: string;
	try {
		text = fromStdin ? await readStdin(io.stdin) : await readFile(options.file!, 'utf8');
	} catch (error) {
		const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
		io.stderr.write(`herstelpad analyze: cannot read ${fromStdin ? 'standard input' : options.file} (${reason})\n`);
		return 2;
	}
	if (text.trim() === '') {
		io.stderr.write('herstelpad analyze: the input is empty; write an apology first\n');
		return 2;
	}
	if (text.length > MAX_APOLOGY_LENGTH) {
		io.stderr.write(`herstelpad analyze: the input is ${text.length} characters; the maximum is ${MAX_APOLOGY_LENGTH}\n`);
		return 2;
	}
	const result = analyzeApology(text, options.lang ? { lang: options.lang } : {});
	io.stdout.write(options.format === 'json' ? `${toJson(result)}\n` : toText(text, result, fromStdin ? '<stdin>' : options.file!));
	return result.findings.length > 0 ? 1 : 0;
}
