// The coach for the server, the tools and the tests, with both languages. Browser code imports
// only types from here, and ./browser for the analyser itself (one language at a time).
import './languages';
export type { AnalysisResult, CoachLanguage, ElementName, Finding, RuleId, Severity } from './types';
export { RULE_IDS } from './rule-ids';
export { analyzeApology, type AnalyzeOptions } from './analyze';
export { MAX_APOLOGY_LENGTH, analysablePart } from './limits';
export { detectLanguage } from './detect-language';
export { RULE_INFO, type RuleInfo } from './rule-info';
