export type { AnalysisResult, CoachLanguage, ElementName, Finding, RuleId, Severity } from './types';
export { RULE_IDS } from './rule-ids';
export { MAX_APOLOGY_LENGTH, analyzeApology, type AnalyzeOptions } from './analyze';
export { detectLanguage } from './detect-language';
export { RULE_INFO, type RuleInfo } from './rule-info';
