import { createPatternRule } from './create-pattern-rule';

/** `vague-agency`: see RULE_INFO['vague-agency'] and docs/coach.md. */
const vagueAgency = createPatternRule('vague-agency');
export default vagueAgency;
