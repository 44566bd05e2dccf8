/** Languages the analyser understands. */
export type CoachLanguage = 'nl' | 'en';

/** `warning` for patterns that hurt an apology, `info` for elements it lacks. */
export type Severity = 'warning' | 'info';

/** The public rule contract; these ids never change. */
export type RuleId =
	| 'blame-shift'
	| 'conditional-apology'
	| 'but-apology'
	| 'minimizing'
	| 'justification'
	| 'intimate-detail'
	| 'forgiveness-pressure'
	| 'vague-agency'
	| 'self-punishment'
	| 'missing-regret'
	| 'missing-ownership'
	| 'missing-acknowledgment'
	| 'missing-commitment';

/** The four elements of an honest apology. */
export type ElementName = 'regret' | 'ownership' | 'acknowledgment' | 'commitment';

/** One finding, with 1-based line/column and 0-based string offsets into the original text. */
export interface Finding {
	ruleId: RuleId;
	severity: Severity;
	message: string;
	line: number;
	column: number;
	offset: number;
	endOffset: number;
	actual: string;
	expected: string | null;
}

/** What `analyzeApology` returns. */
export interface AnalysisResult {
	language: CoachLanguage;
	elements: Record<ElementName, boolean>;
	findings: Finding[];
}
