import type { RuleId } from './types';

/** The 13 rule ids, in the order of the public contract. */
export const RULE_IDS: readonly RuleId[] = Object.freeze([
	'blame-shift',
	'conditional-apology',
	'but-apology',
	'minimizing',
	'justification',
	'intimate-detail',
	'forgiveness-pressure',
	'vague-agency',
	'self-punishment',
	'missing-regret',
	'missing-ownership',
	'missing-acknowledgment',
	'missing-commitment'
] as const);

/** Pattern rules report what is wrong; missing-* rules report what is absent. */
export const MISSING_RULES = {
	'missing-regret': 'regret',
	'missing-ownership': 'ownership',
	'missing-acknowledgment': 'acknowledgment',
	'missing-commitment': 'commitment'
} as const;

/** Whether a rule id reports a missing element. */
export function isMissingRule(ruleId: RuleId): ruleId is keyof typeof MISSING_RULES {
	return Object.hasOwn(MISSING_RULES, ruleId);
}
