import { VFile } from 'vfile';
import { detectLanguage } from './detect-language';
import { processorFor } from './processor';
import { MAX_APOLOGY_LENGTH } from './limits';
import { messageFor } from './messages';
import { isMissingRule } from './rule-ids';
import { readElements } from './rules/elements';
import type { AnalysisResult, CoachLanguage, Finding, RuleId } from './types';

type VFileMessage = VFile['messages'][number];

export { MAX_APOLOGY_LENGTH };

/** Options of `analyzeApology`. */
export interface AnalyzeOptions {
	/** The text's language; detected when omitted. */
	lang?: CoachLanguage;
}

/**
 * Analyses an apology synchronously. Findings are sorted by offset, then by rule id.
 * Throws a `TypeError` for a non-string and a `RangeError` above `MAX_APOLOGY_LENGTH`;
 * any other string, the empty one included, gives a result.
 */
export function analyzeApology(text: string, options: AnalyzeOptions = {}): AnalysisResult {
	if (typeof text !== 'string') throw new TypeError('analyzeApology expects a string');
	if (text.length > MAX_APOLOGY_LENGTH) {
		throw new RangeError(`An apology can be at most ${MAX_APOLOGY_LENGTH} characters long`);
	}
	const language = options.lang === 'en' || options.lang === 'nl' ? options.lang : detectLanguage(text);
	return runAnalysis(text, language);
}

/**
 * The analysis without the length check. Not public: the benchmark uses it to show linear growth
 * beyond `MAX_APOLOGY_LENGTH`.
 */
export function runAnalysis(text: string, language: CoachLanguage): AnalysisResult {
	const result = analyseAsIs(text, language);
	const checked = new Map<string, boolean>();
	for (const finding of result.findings) finding.expected = trustworthySuggestion(finding, language, checked);
	return result;
}

function analyseAsIs(text: string, language: CoachLanguage): AnalysisResult {
	const file = new VFile(text);
	const processor = processorFor(language);
	processor.runSync(processor.parse(file), file);
	const findings = file.messages.map(toFinding).sort(byPosition);
	return { language, elements: readElements(file), findings };
}

/**
 * The coach must never suggest what it warns against ("Sorry als je je gekwetst voelt." for a
 * "maar" after "Sorry als je je gekwetst voelt"). A suggestion tailored from the writer's own words
 * is analysed on its own; when it raises any warning, the rule's fixed suggestion is given
 * instead (those are kept clean by a test). `checked` remembers verdicts within one analysis.
 */
function trustworthySuggestion(finding: Finding, language: CoachLanguage, checked: Map<string, boolean>): string | null {
	const { expected } = finding;
	const fixed = messageFor(finding.ruleId, language, '').expected;
	if (expected === null || expected === fixed) return expected;
	let clean = checked.get(expected);
	if (clean === undefined) {
		clean = !analyseAsIs(expected, language).findings.some((f) => f.severity === 'warning');
		checked.set(expected, clean);
	}
	return clean ? expected : fixed;
}

function toFinding(message: VFileMessage): Finding {
	const ruleId = message.ruleId as RuleId;
	const start = message.place && 'start' in message.place ? message.place.start : message.place;
	const end = message.place && 'end' in message.place ? message.place.end : start;
	return {
		ruleId,
		severity: isMissingRule(ruleId) ? 'info' : 'warning',
		message: message.reason,
		line: start?.line ?? 1,
		column: start?.column ?? 1,
		offset: start?.offset ?? 0,
		endOffset: end?.offset ?? start?.offset ?? 0,
		actual: message.actual ?? '',
		expected: message.expected?.[0] ?? null
	};
}

function byPosition(a: Finding, b: Finding): number {
	if (a.offset !== b.offset) return a.offset - b.offset;
	return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
