import { createPatternRule } from './create-pattern-rule';

/** `justification`: see RULE_INFO['justification'] and docs/coach.md. */
const justification = createPatternRule('justification');
export default justification;
