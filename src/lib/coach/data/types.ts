import type { CommonData, RuleData } from '../engine/rule-data';
import type { RuleId } from '../types';

/** Everything the rules need for one language: its shared word sets and each rule's patterns. */
export interface LanguageData {
	common: CommonData;
	rules: Record<RuleId, RuleData>;
}
