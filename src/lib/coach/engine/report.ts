import type { VFile } from 'vfile';
import type { RuleId } from '../types';
import type { Point } from './tokens';

/** Where the "about this rule" page of a rule lives in the web app. */
export function ruleUrl(ruleId: RuleId): string {
	return `/coach/rules/${ruleId}`;
}

/** Reports one finding the unified way: a vfile message with rule id, source, actual, expected and url. */
export function report(
	file: VFile,
	ruleId: RuleId,
	reason: string,
	place: { start: Point; end: Point },
	actual: string,
	expected: string | null
): void {
	// A vfile message is an Error; its stack trace says nothing about the text and costs more than the analysis.
	const limit = Error.stackTraceLimit;
	Error.stackTraceLimit = 0;
	const message = file.message(reason, { place, source: 'herstelpad', ruleId });
	Error.stackTraceLimit = limit;
	message.actual = actual;
	message.expected = expected === null ? [] : [expected];
	message.url = ruleUrl(ruleId);
}
